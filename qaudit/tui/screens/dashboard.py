"""The dashboard: every location, its step, Basis op orde verdict and next event.

Kept light for start-up: the search box, the table and a status line are all the first
frame needs; the step and auditor filters are chosen in a dialog (``f``) and shown in the
status line, and ``o`` toggles "only overdue".
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from qaudit.i18n import N_, _
from qaudit.tui import format as fmt
from qaudit.tui.screens.base import if_given
from qaudit.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from qaudit.services.dashboard import DashboardRow
    from qaudit.tui.app import QAuditApp


class DashboardScreen(Screen[None]):
    AUTO_FOCUS = "#locations"
    BINDINGS = [
        Binding(
            "slash",
            "search",
            _("Search"),
            id="dashboard.search",
            tooltip=_("Search by code, name, organisation, city or auditor"),
        ),
        Binding(
            "f",
            "filter",
            _("Filter"),
            id="dashboard.filter",
            tooltip=_("Show only one step of the cycle or one auditor"),
        ),
        Binding(
            "o",
            "toggle_overdue",
            _("Overdue"),
            id="dashboard.overdue",
            tooltip=_("Show only locations with an overdue event"),
        ),
        Binding(
            "r",
            "reload",
            _("Reload"),
            id="dashboard.reload",
            tooltip=_("Read the dashboard from the database again"),
        ),
        Binding(
            "n",
            "network",
            _("Network"),
            id="dashboard.network",
            tooltip=_("The learning network: meetings and good practices (step 10)"),
        ),
        Binding(
            "escape",
            "clear",
            _("Clear"),
            id="dashboard.clear",
            show=False,
            tooltip=_("Clear the search and the filters"),
        ),
    ]
    PALETTE = (("reload", N_("Reload the dashboard"), N_("Read all locations again")),)

    class Loaded(Message):
        """The rows were read (posted by the loading worker)."""

        def __init__(self, rows: list[DashboardRow]) -> None:
            super().__init__()
            self.rows = rows

    class Failed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[DashboardRow] = []
        self.left = False
        self.step: int | None = None
        """Show only this step of the cycle (None: all)."""
        self.person: str | None = None
        """Show only locations this person is assigned to (None: all)."""
        self.overdue = False

    @property
    def qapp(self) -> QAuditApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder=_("Search (/) by code, name, organisation, city or auditor"), id="search"
        )
        yield DataTable(id="locations", cursor_type="row", zebra_stripes=True)
        yield Static(_("Loading…"), id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = _("Locations")
        table = self.query_one(DataTable)
        table.add_columns(
            *(
                Text(label)
                for label in (
                    _("code"),
                    _("location"),
                    _("organisation"),
                    _("step"),
                    _("score"),
                    _("verdict"),
                    _("next event"),
                    _("due"),
                )
            )
        )  # Text, not markup: nothing in a name is markup
        table.focus()
        prefetched, self.qapp.prefetched = self.qapp.prefetched, None
        if prefetched is not None and prefetched.done() and prefetched.exception() is None:
            self.show_rows(prefetched.result())  # the first frame is already populated
        else:
            self.load(prefetched)

    @work(thread=True, exclusive=True, group="dashboard")
    def load(self, prefetched: Future[list[DashboardRow]] | None = None) -> None:
        try:
            rows = prefetched.result() if prefetched is not None else read_rows(self.qapp)
            self.post_message(self.Loaded(rows))
        except Exception as error:  # shown to the user; the app stays usable
            self.post_message(self.Failed(error))

    def on_dashboard_screen_loaded(self, message: Loaded) -> None:
        self.show_rows(message.rows)

    def show_rows(self, rows: list[DashboardRow]) -> None:
        """Show freshly read rows; the engine warms up once they are on the screen."""
        first = not self.rows
        self.rows = rows
        self.qapp.dashboard_rows = rows
        self.refill()
        if first:
            self.call_after_refresh(self.qapp.warm_up)

    def on_dashboard_screen_failed(self, message: Failed) -> None:
        self.query_one("#status", Static).update(str(message.error))
        self.qapp.report_error(message.error)

    def visible_rows(self) -> list[DashboardRow]:
        text = self.query_one("#search", Input).value.strip()
        return [
            r
            for r in self.rows
            if (not text or r.matches(text))
            and (self.step is None or int(r.step) == self.step)
            and (self.person is None or self.person in r.people)
            and (not self.overdue or r.overdue or r.evaluation_overdue)
        ]

    def refill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        shown = self.visible_rows()
        for row in shown:
            table.add_row(*_cells(row), key=str(row.id))
        overdue = sum(r.overdue for r in self.rows)
        status = [
            _("{shown} of {total} locations · {overdue} overdue").format(
                shown=len(shown), total=len(self.rows), overdue=overdue
            )
        ]
        late = sum(r.evaluation_overdue for r in self.rows)
        if late:
            status.append(_("{n} with an evaluation overdue").format(n=late))
        due = sum(bool(r.evaluations) and not r.evaluation_overdue for r in self.rows)
        if due:
            status.append(_("{n} with an evaluation due").format(n=due))
        if self.step is not None:
            from qaudit.domain.enums import Step

            status.append(_("step {step}").format(step=f"{self.step} {Step(self.step).label}"))
        if self.person is not None:
            status.append(_("auditor {name}").format(name=self.person))
        if self.overdue:
            status.append(_("only overdue"))
        self.query_one("#status", Static).update(" · ".join(status))

    @on(Input.Changed, "#search")
    def _filter_changed(self, _event: Any) -> None:
        self.refill()

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.qapp.open_location(int(event.row_key.value))

    def action_network(self) -> None:
        from qaudit.tui.screens.network import NetworkScreen

        self.app.push_screen(NetworkScreen())

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_toggle_overdue(self) -> None:
        self.overdue = not self.overdue
        self.refill()

    def action_filter(self) -> None:
        from qaudit.domain.enums import Step
        from qaudit.tui.screens.form import Field, FormDialog

        steps = [(_("All steps"), 0)] + [(f"{int(s)} {s.label}", int(s)) for s in Step]
        people = [(_("All auditors"), "")] + [
            (p, p) for p in sorted({p for row in self.rows for p in row.people})
        ]
        fields = [
            Field("step", _("Step"), "select", self.step or 0, steps),
            Field("person", _("Auditor"), "select", self.person or "", people),
            Field(
                "overdue",
                _("Only overdue"),
                "select",
                self.overdue,
                [(_("no"), False), (_("yes"), True)],
            ),
        ]
        self.app.push_screen(
            FormDialog(_("Filter the locations"), fields), if_given(lambda v: self.set_filters(**v))
        )

    def set_filters(self, *, step: int | None, person: str | None, overdue: bool) -> None:
        """Show only one step (0 or None: all), one person ("" or None: all), overdue."""
        self.step, self.person, self.overdue = step or None, person or None, bool(overdue)
        self.refill()

    def action_clear(self) -> None:
        self.query_one("#search", Input).value = ""
        self.set_filters(step=None, person=None, overdue=False)
        self.query_one(DataTable).focus()

    def action_reload(self) -> None:
        self.load()

    def on_screen_suspend(self) -> None:
        self.left = True

    def on_screen_resume(self) -> None:
        if self.left:  # back from a screen that may have changed something: read again
            self.load()


def _cells(row: DashboardRow) -> tuple[Any, ...]:
    due: Text | str = fmt.day(row.next_due)
    if row.overdue:
        due = Text(f"⚠ {due} " + _("overdue"), style="bold red")
    kind = _event_label(row.next_kind.value) if row.next_kind else ""
    if row.evaluations and (row.next_kind is None or (row.evaluation_overdue and not row.overdue)):
        kind, due = _evaluation_cells(row)  # the client's voice: an evaluation is due
    cells = (
        row.code,
        row.name,
        row.organisation,
        f"{int(row.step)} {row.step.label}",
        fmt.percent(row.percent),
        fmt.outcome(row.outcome),
        kind,
        due,
    )
    return tuple(Text(cell) if isinstance(cell, str) else cell for cell in cells)


def _evaluation_cells(row: DashboardRow) -> tuple[str, Text | str]:
    first = row.evaluations[0]
    due: Text | str = fmt.day(first.due_on)
    if first.state == "overdue":
        due = Text(f"⚠ {due} " + _("overdue"), style="bold red")
    return first.kind.label, due


def _event_label(kind: str) -> str:
    from qaudit.tui.labels import EVENT_LABELS

    return _(EVENT_LABELS.get(kind, kind))


def read_rows(app: QAuditApp) -> list[DashboardRow]:
    """Off the UI thread: the rows of the dashboard (through the app's services)."""
    return app.services.dashboard_rows(app.today)
