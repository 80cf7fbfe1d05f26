"""The planner screen on a small database: tables per month and per location, and problems."""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.widgets import DataTable, Static

from qaudit.config import Settings
from qaudit.tui.screens.planner import PlannerScreen

from .test_schedule_service import coop  # noqa: F401  (fixture)


class _Host(App[None]):
    def __init__(self, engine) -> None:
        super().__init__()
        self.engine_ = engine

    def on_mount(self) -> None:
        self.push_screen(PlannerScreen(self.engine_, Settings(), years=2, start=date(2027, 1, 1)))


async def test_planner_screen_shows_the_plan_and_its_problems(engine, coop):  # noqa: F811
    app = _Host(engine)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlannerScreen)
        assert screen.query_one("#planner-by-month", DataTable).row_count == 6
        assert screen.query_one("#planner-by-location", DataTable).row_count == 6
        problems = str(screen.query_one("#planner-problems", Static).render())
        assert problems  # either the problems or "no problems"
        await pilot.press("plus")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.years == 3
        assert screen.query_one("#planner-by-month", DataTable).row_count == 9
