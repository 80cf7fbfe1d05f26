"""``h`` on the checklist: the point's history (who, when, what changed) in a modal."""

from __future__ import annotations

from textual.widgets import DataTable

from qaudit.tui.screens.history import HistoryScreen

from .conftest import settle

SIZE = (160, 45)


async def test_history_of_the_selected_point(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        await pilot.press("right_square_bracket")  # theme A: A.01 selected
        point = app.screen.current_point_id()
        await pilot.press("2", "u")  # partly, then undone: two changes of this point
        app.screen.query_one("#points", DataTable).move_cursor(row=0)
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen) and screen.point_id == point
        changes = [e.changes for e in screen.entries]
        assert changes[-2:] == ["– → voldoet deels", "voldoet deels → nog niet beoordeeld"]
        sqlite = world.engine.dialect.name == "sqlite"  # PostgreSQL: the login, not $QAUDIT_ACTOR
        assert ({e.actor for e in screen.entries} == {"tester"}) is sqlite
        assert screen.query_one(DataTable).row_count == len(screen.entries)
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ChecklistScreen"
