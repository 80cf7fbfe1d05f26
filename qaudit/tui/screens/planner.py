"""The cycle planner: upcoming and overdue visitations and Cirkels per month and per location,
who is assigned, and every problem (no valid assignment, or a kept event that breaks a rule).

Self-contained: ``PlannerScreen(engine)`` calls ``qaudit.services.schedule`` only. The plan is
made in a worker thread that posts ``PlanMade``; the screen's words come from the schedule
catalog (``qaudit.scheduling.explain.text``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from qaudit.services.views import (
    assignment,
    kind_label,
    status,
    text,
    violation_lines,
    why_not,
)
from qaudit.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from qaudit.config import Settings
    from qaudit.services.schedule import Proposal
    from qaudit.services.workbench import Database


class PlannerScreen(Screen[None]):
    DEFAULT_CSS = """
    PlannerScreen #planner-summary { height: auto; padding: 0 1; }
    PlannerScreen #planner-problems { padding: 0 1; }
    """
    BINDINGS = [
        Binding(
            "escape", "app.pop_screen", text("back"), id="planner.back", tooltip=text("back_tip")
        ),
        Binding("r", "replan", text("reload"), id="planner.reload", tooltip=text("reload_tip")),
        Binding(
            "plus", "years(1)", text("longer"), id="planner.longer", tooltip=text("longer_tip")
        ),
        Binding(
            "minus", "years(-1)", text("shorter"), id="planner.shorter", tooltip=text("shorter_tip")
        ),
    ]

    @dataclass
    class PlanMade(Message):
        proposal: Proposal | None
        error: str = ""

    def __init__(
        self,
        engine: Database,
        settings: Settings | None = None,
        *,
        years: int = 3,
        start: date | None = None,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.settings = settings
        self.years = years
        self.start = start
        self.proposal: Proposal | None = None

    def compose(self) -> ComposeResult:
        yield Static(text("loading"), id="planner-summary")
        with TabbedContent():
            with TabPane(text("per_month"), id="planner-months"):
                yield DataTable(id="planner-by-month", cursor_type="row", zebra_stripes=True)
            with TabPane(text("per_location"), id="planner-locations"):
                yield DataTable(id="planner-by-location", cursor_type="row", zebra_stripes=True)
            with TabPane(text("problems"), id="planner-problem-tab"):
                yield Static("", id="planner-problems")
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = text("title")
        by_month = ("month", "date", "location", "event", "due", "assigned", "status")
        self.query_one("#planner-by-month", DataTable).add_columns(*(text(c) for c in by_month))
        by_location = ("location", "date", "event", "due", "assigned", "status")
        self.query_one("#planner-by-location", DataTable).add_columns(
            *(text(c) for c in by_location)
        )
        self.action_replan()

    def action_replan(self) -> None:
        self.query_one("#planner-summary", Static).update(text("loading"))
        self._plan()

    def action_years(self, step: int) -> None:
        self.years = min(30, max(1, self.years + step))
        self.action_replan()

    @work(thread=True, exclusive=True, group="planner")
    def _plan(self) -> None:
        from qaudit.config import Settings
        from qaudit.errors import QauditError
        from qaudit.services import schedule

        settings = self.settings or getattr(self.app, "settings", None) or Settings()
        try:
            proposal = schedule.propose(self.engine, settings, years=self.years, start=self.start)
        except QauditError as exc:
            self.post_message(self.PlanMade(None, str(exc)))
            return
        self.post_message(self.PlanMade(proposal))

    @on(PlanMade)
    def _show(self, message: PlanMade) -> None:
        summary = self.query_one("#planner-summary", Static)
        if message.proposal is None:
            summary.update(message.error)
            return
        self.proposal = proposal = message.proposal
        events = proposal.plan.events
        summary.update(
            text("horizon").format(years=proposal.plan.years, start=proposal.plan.start)
            + " — "
            + text("summary").format(
                events=len(events),
                overdue=proposal.overdue,
                problems=len(proposal.plan.problems),
                skipped=len(proposal.plan.skipped),
            )
        )
        self._fill_tables(proposal)
        self.query_one("#planner-problems", Static).update(self._problems(proposal))

    def _fill_tables(self, proposal: Proposal) -> None:
        names = proposal.names
        by_month = self.query_one("#planner-by-month", DataTable)
        by_location = self.query_one("#planner-by-location", DataTable)
        by_month.clear()
        by_location.clear()
        for e in proposal.plan.events:
            cells = (
                f"{kind_label(e.kind)} {e.number}",
                str(e.due_year),
                assignment(e, names) or text("nobody"),
                status(e, proposal.stored),
            )
            by_month.add_row(
                e.on.strftime("%Y-%m"),
                e.on.isoformat(),
                names.location(e.location_id),
                *cells,
                key=e.uid,
            )
        for e in sorted(proposal.plan.events, key=lambda e: (names.location(e.location_id), e.on)):
            by_location.add_row(
                names.location(e.location_id),
                e.on.isoformat(),
                *(
                    f"{kind_label(e.kind)} {e.number}",
                    str(e.due_year),
                    assignment(e, names) or text("nobody"),
                    status(e, proposal.stored),
                ),
                key=e.uid,
            )

    @staticmethod
    def _problems(proposal: Proposal) -> str:
        from rich.markup import escape

        names, lines = proposal.names, []
        for event in proposal.plan.problems:
            lines += why_not(event, names) + violation_lines(event, names)
        lines += [
            text("not_planned").format(location=names.location(s.location_id), reason=s.reason)
            for s in proposal.plan.skipped
        ]
        return escape("\n".join(lines) or text("no_problems"))
