"""Snapshots of the key screens with fixed data (mini checklists, fixed dates), each at the
smallest supported terminal (80×24) and a large one (160×45)."""

from __future__ import annotations

import pytest

from qaudit.config import Settings
from qaudit.tui.app import QAuditApp

from .conftest import TODAY, build_world

SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["80x24", "160x45"])


@pytest.fixture
def snap_world(sqlite_engine, mini_catalogue):
    return build_world(sqlite_engine, mini_catalogue)


def make_app(world) -> QAuditApp:
    return QAuditApp(Settings(), engine=world.engine, catalogue=world.catalogue, today=TODAY)


async def _loaded(pilot) -> None:
    """Workers done (the engine's warm-up starts after the first populated frame), and the
    table's deferred column widths settled."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@SIZES
def test_dashboard(snap_compare, snap_world, size):
    assert snap_compare(make_app(snap_world), terminal_size=size, run_before=_loaded)


@SIZES
def test_help(snap_compare, snap_world, size):
    async def run_before(pilot) -> None:
        await _loaded(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make_app(snap_world), terminal_size=size, run_before=run_before)


@SIZES
def test_trajectory(snap_compare, snap_world, size):
    async def run_before(pilot) -> None:
        await _loaded(pilot)
        pilot.app.open_location(snap_world.prospect_id)
        await pilot.pause()
        await pilot.press("down", "down", "down")

    assert snap_compare(make_app(snap_world), terminal_size=size, run_before=run_before)


@SIZES
def test_checklist_beside_the_self_evaluation(snap_compare, snap_world, size):
    async def run_before(pilot) -> None:
        await _loaded(pilot)
        pilot.app.open_assessment(snap_world.visit_id)
        await pilot.pause()

    assert snap_compare(make_app(snap_world), terminal_size=size, run_before=run_before)


@SIZES
def test_visit(snap_compare, snap_world, size):
    async def run_before(pilot) -> None:
        from qaudit.tui.screens.visit import VisitScreen

        await _loaded(pilot)
        pilot.app.push_screen(VisitScreen(snap_world.visit_id))
        await pilot.pause()

    assert snap_compare(make_app(snap_world), terminal_size=size, run_before=run_before)


@SIZES
def test_planner(snap_compare, snap_world, size):
    async def run_before(pilot) -> None:
        from qaudit.tui.screens.planner import PlannerScreen

        await _loaded(pilot)
        pilot.app.push_screen(PlannerScreen(pilot.app.engine(), start=TODAY))
        await _loaded(pilot)

    assert snap_compare(make_app(snap_world), terminal_size=size, run_before=run_before)


@SIZES
def test_rollout(snap_compare, snap_world, size):
    async def run_before(pilot) -> None:
        from qaudit.tui.screens.rollout import RolloutScreen

        await _loaded(pilot)
        pilot.app.push_screen(RolloutScreen(snap_world.member_id))
        await _loaded(pilot)

    assert snap_compare(make_app(snap_world), terminal_size=size, run_before=run_before)
