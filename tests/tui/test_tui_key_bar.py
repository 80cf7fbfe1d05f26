"""The key bar at 80×24 on every main screen: each shown key with its whole word."""

from __future__ import annotations

import pytest

from qaudit.config import Settings
from qaudit.i18n import _, set_language
from qaudit.tui.app import QAuditApp
from qaudit.tui.widgets.key_bar import KeyBar

from .conftest import TODAY, World, settle

SCREENS = ["dashboard", "checklist", "visit", "rollout", "help", "location", "network", "planner"]


async def open_screen(app: QAuditApp, pilot, world: World, name: str) -> None:
    from qaudit.tui.screens.network import NetworkScreen
    from qaudit.tui.screens.planner import PlannerScreen
    from qaudit.tui.screens.rollout import RolloutScreen
    from qaudit.tui.screens.visit import VisitScreen

    await settle(app, pilot)
    if name == "checklist":
        app.open_assessment(world.visit_id)
    elif name == "location":
        app.open_location(world.member_id)
    elif name == "visit":
        app.push_screen(VisitScreen(world.visit_id))
    elif name == "rollout":
        app.push_screen(RolloutScreen(world.member_id))
    elif name == "network":
        app.push_screen(NetworkScreen())
    elif name == "planner":
        app.push_screen(PlannerScreen(app.engine(), start=TODAY))
    elif name == "help":
        await pilot.press("f1")
    await settle(app, pilot)


def shown_bindings(app: QAuditApp, screen) -> list[str]:
    """Every binding the screen shows, as "key word" (its key and its translated word)."""
    shown, seen = [], set()
    for _node, binding, _enabled, _tip in screen.active_bindings.values():
        if binding.show and binding.action not in seen:
            seen.add(binding.action)
            shown.append(f"{app.get_key_display(binding)} {_(binding.description)}")
    return shown


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", SCREENS)
async def test_every_shown_key_has_its_whole_word_at_80x24(world, name, language):
    set_language(language)
    app = QAuditApp(Settings(), engine=world.engine, catalogue=world.catalogue, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, world, name)
        # the help is a dialog over a screen: the bar seen is that screen's
        below = [s for s in app.screen_stack if s.query(KeyBar)][-1]
        bar = below.query_one(KeyBar)
        lines = str(bar.render()).split("\n")
        assert bar.size.height == len(lines)  # no line of the bar is cut off below
        assert all(len(line) <= 80 for line in lines), lines
        for entry in shown_bindings(app, below):
            assert any(entry in line for line in lines), (entry, lines)
