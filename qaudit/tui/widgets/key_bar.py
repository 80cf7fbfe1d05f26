"""The bottom line of keys: the shown bindings of the screen, each a click that presses it.

Textual's ``Footer`` mounts a widget per key and mounts them all again whenever the
bindings change (focus moves), which made it the largest single cost of the dashboard's
first frame. This bar is one widget that redraws one line of text; F1 explains every key
with its tooltip and id.
"""

from __future__ import annotations

from rich.markup import escape
from textual.widgets import Static


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, *_args: object) -> None:
        seen: set[str] = set()
        parts = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            key = escape(self.app.get_key_display(binding))
            style = "$footer-key-foreground" if enabled else "$text-disabled"
            parts.append(
                f"[@click=app.simulate_key('{escape(binding.key)}')]"
                f"[b {style}] {key} [/]{escape(binding.description)}[/]"
            )
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            key = escape(self.app.get_key_display(palette.binding))
            parts.append(
                f"[@click=app.command_palette][b $footer-key-foreground] {key} [/]"
                f"{escape(palette.binding.description)}[/]"
            )
        self.update("  ".join(parts))
