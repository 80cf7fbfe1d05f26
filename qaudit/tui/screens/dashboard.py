"""The dashboard: every location, its step, Basis op orde verdict and next event.

Kept light for start-up: the table and a status line are all the first frame needs. The
search box is a line of text that looks like one until ``/`` (or a click) puts a real input
there; the step and auditor filters are chosen in a dialog (``f``) and shown in the status
line, and ``o`` toggles "only overdue".
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from qaudit.i18n import N_, _
from qaudit.tui.screens.base import if_given
from qaudit.tui.screens.dashboard_columns import (
    Column,
    columns_for,
    detail_line,
    is_wide,
    score_cell,
    table_cells,
)
from qaudit.tui.widgets.bulk_table import BulkTable
from qaudit.tui.widgets.key_bar import KeyBar
from qaudit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from qaudit.services.dashboard_next import Progress
    from qaudit.services.dashboard_row import DashboardRow
    from qaudit.tui.app import QAuditApp


SEARCH_HINT = N_("Search (/) by code, name, organisation, city or auditor")


class DashboardScreen(Screen[None]):
    AUTO_FOCUS = "#locations"
    BINDINGS = [
        Binding(
            "slash",
            "search",
            N_("Search"),
            id="dashboard.search",
            tooltip=N_("Search by code, name, organisation, city or auditor"),
        ),
        Binding(
            "f",
            "filter",
            N_("Filter"),
            id="dashboard.filter",
            tooltip=N_("Show only one step of the cycle or one auditor"),
        ),
        Binding(
            "o",
            "toggle_overdue",
            N_("Overdue"),
            id="dashboard.overdue",
            tooltip=N_("Show only locations with an overdue event"),
        ),
        Binding(
            "r",
            "reload",
            N_("Reload"),
            id="dashboard.reload",
            tooltip=N_("Read the dashboard from the database again"),
        ),
        Binding(
            "n",
            "network",
            N_("Network"),
            id="dashboard.network",
            tooltip=N_("The learning network: meetings and good practices (step 10)"),
        ),
        Binding(
            "escape",
            "clear",
            N_("Clear"),
            id="dashboard.clear",
            show=False,
            tooltip=N_("Clear the search and the filters"),
        ),
    ]
    PALETTE = (("reload", N_("Reload the dashboard"), N_("Read all locations again")),)

    class Loaded(Message):
        """The rows were read (posted by the loading worker)."""

        def __init__(self, rows: list[DashboardRow]) -> None:
            super().__init__()
            self.rows = rows

    class Progressed(Message):
        """The open assessments' progress was read (posted by its worker)."""

        def __init__(self, progress: dict[int, Progress]) -> None:
            super().__init__()
            self.progress = progress

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
        self.columns: tuple[Column, ...] = ()
        self.progress: dict[int, Progress] = {}
        """Points and score so far of the open assessments (read after the first frame)."""

    @property
    def qapp(self) -> QAuditApp:
        return cast("QAuditApp", self.app)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(_(SEARCH_HINT), id="search-hint", markup=False)
        yield BulkTable(id="locations", cursor_type="row", zebra_stripes=True)
        yield Static("", id="row-detail", markup=False)
        yield Static(_("Loading…"), id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = _("Locations")
        table = self.query_one(DataTable)
        table.focus()
        prefetched, self.qapp.prefetched = self.qapp.prefetched, None
        if prefetched is not None and prefetched.done() and prefetched.exception() is None:
            self.show_rows(prefetched.result())  # the first frame is already populated
        else:
            self.set_columns()
            self.load(prefetched)

    def language_changed(self) -> None:
        """Redraw every word in the language just chosen."""
        self.sub_title = _("Locations")
        box = self.search_box()
        if box is None:
            self.query_one("#search-hint", Static).update(_(SEARCH_HINT))
        else:
            box.placeholder = _(SEARCH_HINT)
        self.columns = ()
        self.set_columns()
        self.refill()

    def set_columns(self) -> bool:
        """Choose the columns that fit the screen's width (dropped by priority, see
        :data:`COLUMNS`); True when they changed (the table was emptied)."""
        width = self.app.size.width - 2  # the table's scroll bar
        chosen = columns_for(width, self.rows)
        if chosen == self.columns:
            return False
        self.columns = chosen
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for column in chosen:
            # Text, not markup: nothing in a name is markup
            table.add_column(Text(_(column.title)), width=column.width, key=column.key)
        return True

    def on_resize(self, _event: events.Resize) -> None:
        if self.rows and self.set_columns():
            self.refill()

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
        self.set_columns()
        self.refill()
        if first:
            self.call_after_refresh(self.qapp.started)
            self.call_after_refresh(self.qapp.warm_up)
        if any(r.work is not None for r in rows):
            self.call_after_refresh(self.read_progress)

    @work(thread=True, exclusive=True, group="dashboard-progress")
    def read_progress(self) -> None:
        """After the first frame: the points and score so far of every open assessment."""
        from qaudit.services.dashboard_next import open_progress

        ids = [r.work.assessment_id for r in self.rows if r.work and r.work.assessment_id]
        try:
            found = open_progress(self.qapp.engine(), ids)
        except Exception as error:  # shown to the user; the app stays usable
            self.post_message(self.Failed(error))
            return
        self.post_message(self.Progressed(found))

    def on_dashboard_screen_progressed(self, message: Progressed) -> None:
        self.progress = message.progress
        table = self.query_one(DataTable)
        if "score" not in table.columns:
            self._show_detail()
            return
        for row in self.rows:
            if row.work is not None and row.work.assessment_id in self.progress:
                with contextlib.suppress(Exception):  # filtered out: not in the table
                    table.update_cell(str(row.id), "score", self._score(row))
        self._show_detail()

    def on_dashboard_screen_failed(self, message: Failed) -> None:
        self.qapp.started()
        self.query_one("#status", Static).update(str(message.error))
        self.qapp.report_error(message.error)

    def visible_rows(self) -> list[DashboardRow]:
        box = self.search_box()
        text = box.value.strip() if box is not None else ""
        return [
            r
            for r in self.rows
            if (not text or r.matches(text))
            and (self.step is None or int(r.step) == self.step)
            and (self.person is None or self.person in r.people)
            and (not self.overdue or r.overdue or r.evaluation_overdue)
        ]

    def refill(self) -> None:
        table = self.query_one(BulkTable)
        table.clear()
        shown = self.visible_rows()
        keys = [column.key for column in self.columns]
        wide = is_wide(self.app.size.width - 2)
        table.add_many(table_cells(shown, self.progress, wide, keys))
        self._show_detail()
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

    def _score(self, row: DashboardRow) -> Text:
        return score_cell(row, self.progress)

    def _show_detail(self) -> None:
        """The highlighted location's next step and who, in full, under the table."""
        table = self.query_one(DataTable)
        line = ""
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            row = next((r for r in self.rows if str(r.id) == key), None)
            line = detail_line(row, self.progress) if row is not None else ""
        self.query_one("#row-detail", Static).update(line)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

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

    def search_box(self) -> Input | None:
        """The search input, once ``/`` or a click has put it in place of the hint."""
        found = self.query("#search")
        return found.first(Input) if found else None

    @on(events.Click, "#search-hint")
    def action_search(self) -> None:
        box = self.search_box()
        if box is None:
            box = Input(placeholder=_(SEARCH_HINT), id="search")
            hint = self.query_one("#search-hint")
            self.mount(box, before=hint)
            hint.remove()
        box.focus()

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
        box = self.search_box()
        if box is not None:
            box.value = ""
        self.set_filters(step=None, person=None, overdue=False)
        self.query_one(DataTable).focus()

    def action_reload(self) -> None:
        self.load()

    def on_screen_suspend(self) -> None:
        self.left = True

    def on_screen_resume(self) -> None:
        if self.left:  # back from a screen that may have changed something: read again
            self.load()


def read_rows(app: QAuditApp) -> list[DashboardRow]:
    """Off the UI thread: the rows of the dashboard (through the app's services)."""
    return app.services.dashboard_rows(app.today)
