"""The help screen (F1 or ?): the keys of the screen below, with what they do."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from qaudit.i18n import _


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding(
            "escape,f1,question_mark,q",
            "dismiss",
            _("Close"),
            id="help.close",
            tooltip=_("Close the help"),
        ),
    ]

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(_("Keys of this screen"), classes="form-title")
            yield DataTable(id="keys", cursor_type="row")
            yield Static(
                _(
                    "Every answer is saved the moment you give it. Keys can be changed in "
                    'config.toml under [keys], e.g. "checklist.next" = "n". '
                    "Ctrl+P opens the command palette; Esc goes back."
                ),
                classes="hint",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("key"), _("action"), _("explanation"), _("id"))
        seen: set[str] = set()
        for key, active in self.below.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.id in seen:
                continue
            seen.add(binding.id or key)
            table.add_row(
                self.app.get_key_display(binding),
                binding.description,
                binding.tooltip,
                binding.id or "",
            )
        table.focus()
