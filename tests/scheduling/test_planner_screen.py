"""The planner screen on a small database: tables per month and per location, and problems."""

from __future__ import annotations

from datetime import date

from sqlmodel import select
from textual.app import App
from textual.widgets import DataTable, Input, Static

from qaudit.config import Settings
from qaudit.domain.models import ScheduledEvent
from qaudit.storage import transaction
from qaudit.tui.screens.form import ConfirmDialog
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


async def _open(app, pilot):
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen


def _stored(engine) -> dict[str, ScheduledEvent]:
    with transaction(engine) as s:
        return {r.uid: r for r in s.exec(select(ScheduledEvent))}


async def test_apply_asks_first_with_the_counts_then_stores(engine, coop):  # noqa: F811
    app = _Host(engine)
    async with app.run_test() as pilot:
        screen = await _open(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "6" in dialog.question  # 6 new
        await pilot.press("n")
        await pilot.pause()
        assert _stored(engine) == {}
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(_stored(engine)) == 6
        assert app.screen is screen


async def test_keep_release_search_workload_and_export(engine, coop, tmp_path):  # noqa: F811
    from qaudit.services import schedule

    schedule.apply(engine, schedule.propose(engine, Settings(), years=2, start=date(2027, 1, 1)))
    app = _Host(engine)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _open(app, pilot)
        uid = screen.selected_uid()
        assert uid in _stored(engine)
        # keep the selected event on a day of its year
        await pilot.press("k")
        await pilot.pause()
        app.screen.query_one("#f-on", Input).value = "03-06-2027"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = _stored(engine)[uid]
        assert row.manual and row.planned_on == date(2027, 6, 3)
        # and hand it back to the planner
        screen.query_one("#planner-by-month", DataTable).move_cursor(
            row=screen.query_one("#planner-by-month", DataTable).get_row_index(uid)
        )
        await pilot.press("u")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not _stored(engine)[uid].manual
        # search narrows the tables
        screen.query_one("#planner-search", Input).value = "Huis 2"
        await pilot.pause()
        assert screen.query_one("#planner-by-month", DataTable).row_count == 2
        # the workload: one row per assigned person
        assert screen.query_one("#planner-workload", DataTable).row_count > 0
        # export the calendar into a chosen folder
        screen.query_one("#planner-by-month", DataTable).focus()
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#f-folder", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        calendar = (tmp_path / "kwaliteit-planning.ics").read_text(encoding="utf-8")
        assert calendar.count("BEGIN:VEVENT") >= 6


async def test_held_and_missed_from_the_screen(engine, coop):  # noqa: F811
    from qaudit.domain.enums import EventStatus
    from qaudit.services import schedule

    schedule.apply(engine, schedule.propose(engine, Settings(), years=2, start=date(2027, 1, 1)))
    app = _Host(engine)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _open(app, pilot)
        table = screen.query_one("#planner-by-month", DataTable)
        first = screen.selected_uid()
        await pilot.press("d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert _stored(engine)[first].status is EventStatus.DONE
        second = screen.selected_uid()
        assert second != first  # the held event left the plan
        table.move_cursor(row=table.get_row_index(second))
        await pilot.press("m")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert _stored(engine)[second].status is EventStatus.MISSED
