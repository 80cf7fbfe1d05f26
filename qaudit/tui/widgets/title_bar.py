"""The top line of every screen: the command palette's icon and the title, centred.

Drawn as Textual's ``Header`` draws it (the icon in the first eight cells, the title centred
between it and a ten-cell space on the right), but as one widget: the ``Header`` mounts an
icon, a title and a clock space of its own and parses their stylesheets, which made it a
noticeable share of the dashboard's first frame.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_CELLS = 8
"""The icon's cells on the left (a click there opens the command palette)."""
RIGHT_CELLS = 10


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for node, name in (
            (self.app, "title"),
            (self.app, "sub_title"),
            (self.screen, "title"),
            (self.screen, "sub_title"),
        ):
            self.watch(node, name, self._title_changed, init=False)

    def _title_changed(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        middle = max(0, self.size.width - ICON_CELLS - RIGHT_CELLS)
        return Content.assemble(
            Content(f" {ICON}").pad_right(ICON_CELLS - 2),
            app.format_title(title, sub_title).center(middle, ellipsis=True),
            " " * RIGHT_CELLS,
        )

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
