"""The cycle planner: upcoming and overdue visitations and Cirkels per month and per location,
who is assigned, and every problem (no valid assignment, or a kept event that breaks a rule).

Self-contained: ``PlannerScreen(engine)`` calls ``qaudit.services.schedule`` only. The plan is
made in a worker thread that posts ``PlanMade``; the screen's words come from the schedule
catalog (``qaudit.scheduling.explain.text``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static, TabbedContent, TabPane

from qaudit.i18n import N_, _
from qaudit.services.views import (
    assignment,
    kind_label,
    message,
    status,
    text,
    violation_lines,
    why_not,
)
from qaudit.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from qaudit.config import Settings
    from qaudit.services.schedule import PlannedEvent, Proposal
    from qaudit.services.workbench import Database


class PlannerScreen(Screen[None]):
    DEFAULT_CSS = """
    PlannerScreen #planner-summary { height: auto; padding: 0 1; }
    PlannerScreen #planner-problems { padding: 0 1; }
    """
    BINDINGS = [
        Binding(
            "escape",
            "app.pop_screen",
            message("back"),
            id="planner.back",
            tooltip=message("back_tip"),
        ),
        Binding(
            "r", "replan", message("reload"), id="planner.reload", tooltip=message("reload_tip")
        ),
        Binding(
            "plus",
            "years(1)",
            message("longer"),
            id="planner.longer",
            tooltip=message("longer_tip"),
        ),
        Binding(
            "minus",
            "years(-1)",
            message("shorter"),
            id="planner.shorter",
            tooltip=message("shorter_tip"),
        ),
        Binding(
            "slash", "search", N_("Search"), id="planner.search", tooltip=N_("Filter the plan")
        ),
        Binding("a", "apply", N_("Apply"), id="planner.apply", tooltip=N_("Store this plan")),
        Binding("k", "keep", N_("Keep"), id="planner.keep", tooltip=N_("Keep the event on a day")),
        Binding(
            "u", "release", N_("Release"), id="planner.release", tooltip=N_("Back to the planner")
        ),
        Binding("x", "export", N_("Export"), id="planner.export", tooltip=N_("Write the calendar")),
        Binding("d", "held", N_("Held"), id="planner.held", tooltip=N_("It took place")),
        Binding(
            "m", "missed", N_("Missed"), id="planner.missed", tooltip=N_("It did not take place")
        ),
    ]
    AUTO_FOCUS = "#planner-by-month"
    SHOWN = 500
    """Rows per table: the plan of a large cooperative is searched, not scrolled whole."""

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
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Static(text("loading"), id="planner-summary")
        yield Input(placeholder=_("Search location, person or organisation"), id="planner-search")
        with TabbedContent():
            with TabPane(text("per_month"), id="planner-months"):
                yield DataTable(id="planner-by-month", cursor_type="row", zebra_stripes=True)
            with TabPane(text("per_location"), id="planner-locations"):
                yield DataTable(id="planner-by-location", cursor_type="row", zebra_stripes=True)
            with TabPane(text("problems"), id="planner-problem-tab"):
                yield Static("", id="planner-problems")
            with TabPane(_("Workload"), id="planner-workload-tab"):
                yield DataTable(id="planner-workload", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = text("title")
        by_month = ("month", "date", "location", "event", "due", "assigned", "status")
        self.query_one("#planner-by-month", DataTable).add_columns(*(text(c) for c in by_month))
        by_location = ("location", "date", "event", "due", "assigned", "status")
        self.query_one("#planner-by-location", DataTable).add_columns(
            *(text(c) for c in by_location)
        )
        self.call_after_refresh(self.action_replan)  # shown first, then planned in a worker

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
        self._workload()

    def _fill_tables(self, proposal: Proposal) -> None:
        names = proposal.names
        by_month = self.query_one("#planner-by-month", DataTable)
        by_location = self.query_one("#planner-by-location", DataTable)
        by_month.clear()
        by_location.clear()
        events = self._matching(proposal)
        for e in events[: self.SHOWN]:
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
        by_place = sorted(events, key=lambda e: (names.location(e.location_id), e.on))
        for e in by_place[: self.SHOWN]:
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

    def _matching(self, proposal: Proposal) -> list[PlannedEvent]:
        needle = self.query_text.casefold()
        if not needle:
            return list(proposal.plan.events)
        names = proposal.names
        return [
            e
            for e in proposal.plan.events
            if needle in e.uid.casefold()
            or needle in names.location(e.location_id).casefold()
            or needle in assignment(e, names).casefold()
        ]

    def action_search(self) -> None:
        self.query_one("#planner-search", Input).focus()

    @on(Input.Changed, "#planner-search")
    def _search(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        if self.proposal is not None:
            self._fill_tables(self.proposal)

    def selected_uid(self) -> str | None:
        """The uid of the row under the cursor in the table of the tab shown."""
        active = self.query_one(TabbedContent).active
        table_id = "#planner-by-location" if active == "planner-locations" else "#planner-by-month"
        table = self.query_one(table_id, DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key is None else str(key)

    def action_apply(self) -> None:
        from qaudit.services import schedule
        from qaudit.tui.screens.form import ConfirmDialog

        proposal = self.proposal
        if proposal is None:
            return
        counts = self._call(schedule.changes, self.engine, proposal)
        if counts is None:
            return
        question = _(
            "Store this plan? {created} new, {updated} changed, {unchanged} unchanged, "
            "{cancelled} cancelled."
        ).format(**vars(counts))

        def answered(yes: bool | None) -> None:
            if yes and self._call(schedule.apply, self.engine, proposal) is not None:
                self.notify(_("Plan stored."))
                self.action_replan()

        self.app.push_screen(ConfirmDialog(question), answered)

    def action_keep(self) -> None:
        from qaudit.services import schedule
        from qaudit.tui.screens.form import Field, FormDialog

        uid = self.selected_uid()
        if uid is None:
            return
        field = Field("on", _("Keep on (day)"), kind="date", required=True)

        def kept(values: dict[str, Any] | None) -> None:
            if values and self._call(schedule.keep, self.engine, uid, on=values["on"]):
                self.notify(_("Event {uid} is kept.").format(uid=uid))
                self.action_replan()

        self.app.push_screen(FormDialog(_("Keep {uid}").format(uid=uid), [field]), kept)

    def action_release(self) -> None:
        from qaudit.services import schedule

        uid = self.selected_uid()
        if uid is not None and self._call(schedule.release, self.engine, uid, done=True):
            self.notify(_("Event {uid} is planned by the planner again.").format(uid=uid))
            self.action_replan()

    def action_held(self) -> None:
        from qaudit.services.schedule_status import mark_done

        uid = self.selected_uid()
        if uid is not None and self._call(mark_done, self.engine, uid):
            self.notify(_("Event {uid} is recorded as held.").format(uid=uid))
            self.action_replan()

    def action_missed(self) -> None:
        from qaudit.services.schedule_status import mark_missed

        uid = self.selected_uid()
        if uid is not None and self._call(mark_missed, self.engine, uid):
            self.notify(_("Event {uid} is recorded as missed.").format(uid=uid))
            self.action_replan()

    def action_export(self) -> None:
        from pathlib import Path

        from qaudit.services import schedule
        from qaudit.tui.screens.form import Field, FormDialog

        field = Field("folder", _("Folder for the calendar"), default=str(Path.cwd()))

        def chosen(values: dict[str, Any] | None) -> None:
            if not values:
                return
            out = Path(str(values["folder"])).expanduser() / "kwaliteit-planning.ics"
            done = self._call(schedule.export_calendar, self.engine, out)
            if done is not None:
                self.notify(
                    _("{count} events written to {path}.").format(count=done.events, path=out)
                )

        self.app.push_screen(FormDialog(_("Export the calendar"), [field]), chosen)

    def _call(self, function: Any, *args: Any, done: bool = False, **kwargs: Any) -> Any:
        """Run one service call; a user error is shown, not raised (None: it failed)."""
        from qaudit.errors import QauditError

        try:
            result = function(*args, **kwargs)
        except QauditError as exc:
            self.notify(str(exc), severity="error")
            return None
        return True if done and result is None else result

    @work(thread=True, exclusive=True, group="planner-workload")
    def _workload(self) -> None:
        from qaudit.services.schedule_people import workload

        try:
            rows = workload(self.engine, start=self.start, months=12)
        except Exception:  # the workload is a view: the plan stays usable without it
            return
        self.app.call_from_thread(self._show_workload, rows)

    def _show_workload(self, rows: list[Any]) -> None:
        table = self.query_one("#planner-workload", DataTable)
        table.clear(columns=True)
        months = list(rows[0].per_month) if rows else []
        table.add_columns(_("person"), _("max/year"), *(m[2:] for m in months), _("over in"))
        for r in rows:
            table.add_row(
                r.name,
                str(r.maximum),
                *(str(r.per_month[m] or "") for m in months),
                ", ".join(map(str, r.over)),
                key=str(r.person_id),
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
