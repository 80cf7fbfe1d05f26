"""The help screen (F1 or ?): the keys of the screen below, with what they do."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from qaudit.i18n import N_, _

HELP_MAX_WIDTH = 110
"""The help box's widest (``#help`` in ``qaudit.tcss``)."""
HELP_CHROME = 10
"""Its border, padding and scroll bar."""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding(
            "escape,f1,question_mark,q",
            "dismiss",
            N_("Close"),
            id="help.close",
            tooltip=N_("Close the help"),
        ),
    ]

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(_("Keys of this screen"), classes="form-title")
            yield DataTable(id="keys", cursor_type="row")
            yield Static(
                _(
                    "Every answer is saved the moment you give it. Keys can be changed in "
                    'config.toml under [keys], e.g. "checklist.next" = "n". '
                    "Ctrl+P opens the command palette; Esc goes back."
                ),
                classes="hint",
                markup=False,  # "[keys]" is text, not markup
            )

    def on_mount(self) -> None:
        rows = []
        seen: set[str] = set()
        for key, active in self.below.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.id in seen:
                continue
            seen.add(binding.id or key)
            shown = self.app.get_key_display(binding)
            rows.append((shown, _(binding.description), _(binding.tooltip), binding.id or ""))
        rows.sort(key=lambda row: not row[3])  # the screen's own keys first, then Textual's
        table = self.query_one(DataTable)
        # The key first and the id last; the explanation wraps in the width that is left,
        # so on a narrow screen the key, the action and the explanation are all readable.
        key_width = max([Text(_("key")).cell_len, *(Text(r[0]).cell_len for r in rows)])
        action_width = max([Text(_("action")).cell_len, *(Text(r[1]).cell_len for r in rows)])
        inner = min(self.app.size.width, HELP_MAX_WIDTH) - HELP_CHROME
        explain = max(20, inner - key_width - action_width - 3 * 2)
        table.add_column(_("key"), width=key_width)
        table.add_column(_("action"), width=action_width)
        table.add_column(_("explanation"), width=explain)
        table.add_column(_("id"))
        for shown, action, tip, ident in rows:
            table.add_row(Text(shown), Text(action), Text(tip), Text(ident), height=None)
        table.focus()
