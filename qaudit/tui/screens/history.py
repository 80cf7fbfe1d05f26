"""The history of one measurement point (``h`` on the checklist): who, when, what changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from qaudit.i18n import N_, _

if TYPE_CHECKING:
    from qaudit.services.workbench import Workbench


class HistoryScreen(ModalScreen[None]):
    BINDINGS = [
        Binding(
            "escape,h,q",
            "dismiss",
            N_("Close"),
            id="history.close",
            tooltip=N_("Close the history"),
        ),
    ]

    @dataclass
    class Loaded(Message):
        entries: list[Any]
        error: str = ""

    def __init__(self, services: Workbench, assessment_id: int, point_id: str | None) -> None:
        super().__init__()
        self.services = services
        self.assessment_id = assessment_id
        self.point_id = point_id
        self.entries: list[Any] = []

    def compose(self) -> ComposeResult:
        title = _("History of {point}").format(point=self.point_id or _("the assessment"))
        with VerticalScroll(id="help"):
            yield Static(title, classes="form-title")
            yield DataTable(id="history", cursor_type="row")
            yield Static("", id="history-note", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("when"), _("who"), _("action"), _("what changed"))
        self.load()

    @work(thread=True, exclusive=True, group="history")
    def load(self) -> None:
        try:
            entries = self.services.history(self.assessment_id, self.point_id)
        except Exception as exc:
            message = self.services.describe_fault(exc)
            if message is None:
                raise  # a bug, not a fault
            self.post_message(self.Loaded([], message))
            return
        self.post_message(self.Loaded(list(entries)))

    @on(Loaded)
    def show(self, message: Loaded) -> None:
        self.entries = message.entries
        table = self.query_one(DataTable)
        for e in message.entries:
            who = f"{e.person} ({e.actor})" if e.person else e.actor
            table.add_row(e.at.strftime("%Y-%m-%d %H:%M"), who, e.action, e.changes)
        note = message.error or (_("Nothing recorded yet.") if not message.entries else "")
        self.query_one("#history-note", Static).update(note)
        table.focus()


def open_history(
    screen: Screen, services: Workbench, assessment_id: int, point_id: str | None
) -> None:
    screen.app.push_screen(HistoryScreen(services, assessment_id, point_id))
