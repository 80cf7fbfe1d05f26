"""Switching the language in the running app: every word is looked up when it is drawn."""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import DataTable, Static

from qaudit.i18n import get_language
from qaudit.tui.widgets.key_bar import KeyBar

from .conftest import settle

SIZE = (160, 45)


def _search_words(screen) -> str:
    """The search box's words: its hint until it is used, then the input's placeholder."""
    box = screen.search_box()
    return box.placeholder if box is not None else str(screen.query_one("#search-hint").render())


def _words(app) -> str:
    screen = app.screen
    table = screen.query_one(DataTable)
    headers = " ".join(str(c.label) for c in table.columns.values())
    bar = " ".join(e.word for e in screen.query_one(KeyBar).entries)
    status = str(screen.query_one("#status", Static).render())
    return f"{headers} | {bar} | {status} | {_search_words(screen)}"


async def test_switch_from_dutch_to_english_without_a_restart(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = _words(app)
        assert "locatie" in before and "Zoeken" in before and "Filter" in before
        assert "locaties" in before
        # the command palette offers the other language
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Taal: Engels")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        after = _words(app)
        assert get_language() == "en"
        assert "location" in after and "locatie" not in after
        assert "Search" in after and "Zoeken" not in after
        assert "locations" in after and "locaties" not in after
        await app.run_action("language('nl')")
        await settle(app, pilot)
        assert _words(app) == before


def test_no_word_of_the_ui_is_translated_when_it_is_imported() -> None:
    """Bindings and class attributes keep message ids: imported in Dutch, the key bar still
    shows English after a switch (were they translated at import, they would stay Dutch)."""
    code = """
import importlib, pkgutil
import qaudit.tui
from qaudit.i18n import set_language, translation
set_language("nl")
for info in pkgutil.walk_packages(qaudit.tui.__path__, "qaudit.tui."):
    importlib.import_module(info.name)
from textual.binding import Binding
from textual.screen import Screen
from textual.app import App
dutch = translation("nl")
def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)
SAME = {"Filter", "Excel", "Cirkel", "Training", "Interview", "Checklist", "Planner"}
bad = []
for cls in [*subclasses(Screen), *subclasses(App)]:
    if not cls.__module__.startswith("qaudit."):
        continue
    for b in cls.BINDINGS:
        if isinstance(b, Binding) and b.id:  # ours (Textual's own have no id)
            for text in (b.description, b.tooltip):
                if text and dutch.gettext(text) == text and text not in SAME:
                    bad.append((cls.__name__, text))
print(bad)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


async def test_the_tables_of_an_open_screen_follow_a_switch(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_location(1)
        await settle(app, pilot)
        steps = app.screen.query_one("#steps", DataTable)

        def headers() -> list[str]:
            return [str(c.label) for c in steps.columns.values()]

        rows = steps.row_count
        assert "stap" in headers() and "afgerond" in headers()
        await app.run_action("language('en')")
        await settle(app, pilot)
        assert "step" in headers() and "completed" in headers() and "stap" not in headers()
        assert steps.row_count == rows  # filled again
        await app.run_action("language('nl')")
        await settle(app, pilot)
        assert "stap" in headers()
