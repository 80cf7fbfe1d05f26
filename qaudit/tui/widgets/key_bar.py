"""The bottom lines of keys: the shown bindings of the screen, each a click that presses it.

Textual's ``Footer`` mounts a widget per key and mounts them all again whenever the
bindings change (focus moves), which made it the largest single cost of the dashboard's
first frame. This bar is one widget that redraws its text; F1 explains every key with its
tooltip and id.

The bar never cuts a key or its word: the keys are laid out in whole entries over as many
lines as the width needs (a key and its word are never split, and none is left out). When
the roomy form (a space either side of each key) needs more than :data:`ROOMY_LINES`
lines, the compact form (the key without those spaces) is used, which often saves a line.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape
from rich.text import Text
from textual import events
from textual.widgets import Static

from qaudit.i18n import N_, _

ROOMY_LINES = 2
"""The most lines the roomy form may take before the bar switches to the compact form."""
SEPARATOR = "  "
PALETTE = N_("palette")
"""Textual's word for the command palette's key, translated like ours (and its tooltip,
which the help shows)."""
PALETTE_TOOLTIP = N_("Open the command palette")


@dataclass(frozen=True)
class Entry:
    """One key of the bar: what it presses, the key as shown and its word."""

    click: str
    key: str
    word: str
    enabled: bool = True

    def parts(self, compact: bool) -> tuple[str, str]:
        """The key and its word as plain text, in the compact or the roomy form."""
        if compact:
            return self.key, f" {self.word}" if self.word else ""
        return f" {self.key} ", self.word

    def markup(self, compact: bool) -> str:
        style = "$footer-key-foreground" if self.enabled else "$text-disabled"
        key, word = self.parts(compact)
        return f"[@click={self.click}][b {style}]{escape(key)}[/]{escape(word)}[/]"

    def width(self, compact: bool) -> int:
        return Text("".join(self.parts(compact))).cell_len


def layout(entries: list[Entry], width: int, compact: bool = False) -> list[list[Entry]]:
    """The entries in lines of at most ``width`` cells, whole entries only (an entry wider
    than the width has a line of its own). Pure."""
    lines: list[list[Entry]] = [[]]
    used = 0
    for entry in entries:
        size = entry.width(compact=compact)
        gap = len(SEPARATOR) if lines[-1] else 0
        if lines[-1] and used + gap + size > width:
            lines.append([])
            used, gap = 0, 0
        lines[-1].append(entry)
        used += gap + size
    return lines if lines[0] else []


def render_lines(entries: list[Entry], width: int) -> str:
    """The bar's markup: every key with its whole word, in the roomy form when that takes
    at most :data:`ROOMY_LINES` lines, else in the compact form, over as many lines as
    needed."""
    compact = len(layout(entries, width)) > ROOMY_LINES
    lines = layout(entries, width, compact)
    return "\n".join(SEPARATOR.join(entry.markup(compact) for entry in line) for line in lines)


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self._shown: tuple[int, tuple[Entry, ...]] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self, _event: events.Resize) -> None:
        self._redraw()

    def _bindings_changed(self, *_args: object) -> None:
        seen: set[str] = set()
        entries = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            click = f"app.simulate_key('{escape(binding.key)}')"
            entries.append(
                Entry(click, self.app.get_key_display(binding), _(binding.description), enabled)
            )
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            key = self.app.get_key_display(palette.binding)
            entries.append(Entry("app.command_palette", key, _(PALETTE)))
        self.entries = entries
        self._redraw()

    def _redraw(self) -> None:
        width = self.size.width or self.app.size.width
        shown = (width, tuple(self.entries))
        if shown == self._shown:
            return  # nothing changed: no new text, no new layout
        self._shown = shown
        self.update(render_lines(self.entries, width))
