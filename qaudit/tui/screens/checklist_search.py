"""``/`` on the checklist: find a point by id or words, then jump to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from qaudit.domain.point_search import search
from qaudit.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from qaudit.domain.point_search import Hit, PointIndex

LIMIT = 50


class SearchDialog(ModalScreen[str | None]):
    """Type an id (``3.2``, ``T03.02``, ``BO-3.2``) or words; Enter jumps to the chosen point."""

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="search.cancel", tooltip=N_("Close")),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
    ]

    def __init__(self, index: PointIndex, query: str = "") -> None:
        super().__init__()
        self.index = index
        self.query_text = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="point-search"):
            yield Static(_("Find a point"), classes="form-title")
            yield Input(
                self.query_text,
                placeholder=_("an id (3.2, T03.02) or words (clientdossier)"),
                id="search-query",
            )
            yield Static("", id="search-count", classes="hint")
            yield OptionList(id="search-hits")

    def on_mount(self) -> None:
        self.query_one("#search-query", Input).focus()
        self.show(self.query_text)

    @on(Input.Changed, "#search-query")
    def _typed(self, event: Input.Changed) -> None:
        self.show(event.value)

    def show(self, query: str) -> None:
        self.hits = search(self.index, query, LIMIT)
        options = self.query_one("#search-hits", OptionList)
        options.clear_options()
        options.add_options(
            Option(f"{hit.point_id}  {hit.text}", id=hit.point_id) for hit in self.hits
        )
        if self.hits:
            options.highlighted = 0
        count = len(self.hits)
        if not query.strip():
            text = _("Type an id or words; Enter jumps to the highlighted point.")
        elif count == 0:
            text = _("No point matches '{query}'.").format(query=query.strip())
        else:
            text = ngettext("{n} point found", "{n} points found", count).format(n=count)
            if count >= LIMIT:
                text += " " + _("(the first {n}; type more to narrow down)").format(n=LIMIT)
        self.query_one("#search-count", Static).update(text)

    def action_move(self, step: int) -> None:
        options = self.query_one("#search-hits", OptionList)
        if self.hits:
            current = options.highlighted or 0
            options.highlighted = max(0, min(len(self.hits) - 1, current + step))

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        options = self.query_one("#search-hits", OptionList)
        if self.hits:
            self.dismiss(self.hits[options.highlighted or 0].point_id)

    @on(OptionList.OptionSelected, "#search-hits")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
