"""Two auditors on one assessment, seen from the checklist screen."""

from __future__ import annotations

import pytest

from qaudit.domain.enums import Result
from qaudit.services import answering
from qaudit.services.answering import AnswerField
from qaudit.tui.screens.form import ConfirmDialog

from .conftest import drain, settle
from .test_tui_workflows import SIZE, results


async def until(pilot, condition, rounds: int = 100) -> bool:
    """Let the screen run until ``condition()`` holds (a live update takes a moment)."""
    for _ in range(rounds):
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


async def test_an_answer_someone_else_gives_appears_where_the_cursor_is_not(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("down")  # on A.02
        answering.save(
            world.engine, world.visit_id, "B.01", AnswerField.RESULT, Result.PARTLY, actor="anna"
        )
        assert await until(pilot, lambda: screen.state.results.get("B.01") is Result.PARTLY)
        assert screen.current_point_id() == "A.02"
        cell = screen.query_one("#points").get_cell("B.01", "answer")
        assert "anna" in str(cell)
        assert "anna" in str(screen.query_one("#saved").render())


@pytest.mark.parametrize(("key", "kept"), [("y", Result.NOT_COMPLIANT), ("n", Result.PARTLY)])
async def test_a_conflicting_answer_is_shown_and_the_auditor_chooses(app, world, key, kept):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        screen = app.screen
        screen.stop_sync()  # this screen does not hear of Anna's answer before it answers
        app.queue_listeners.append(screen.queue_update)
        answering.save(
            world.engine, world.visit_id, "A.01", AnswerField.RESULT, Result.PARTLY, actor="anna"
        )
        await pilot.press("3")  # "not compliant", based on the empty answer it saw
        drain()
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        question = app.screen.question
        assert "anna" in question and "A.01" in question
        assert screen.state.results["A.01"] is Result.PARTLY  # theirs is shown meanwhile
        await pilot.press(key)
        await settle(app, pilot)
        assert results(world, world.visit_id) == {"A.01": kept}
        assert screen.state.results["A.01"] is kept


async def test_answers_left_from_an_earlier_session_are_sent_at_start(app, world):
    if world.engine.dialect.name != "postgresql":
        pytest.skip("the write queue is for a central PostgreSQL database")
    from qaudit.services.outbox import Outbox
    from qaudit.services.write_queue import database_key

    Outbox().put(
        database_key(world.engine),
        world.visit_id,
        "B.02",
        AnswerField.RESULT,
        Result.NOT_APPLICABLE,
        0,
        "bram",
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert await until(pilot, lambda: app.services.queue is not None)
        drain()
        assert results(world, world.visit_id) == {"B.02": Result.NOT_APPLICABLE}


async def test_quitting_with_answers_waiting_asks_first(app, world):
    if world.engine.dialect.name != "postgresql":
        pytest.skip("the write queue is for a central PostgreSQL database")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        app.write_queue().stop()  # as if the server could not be reached
        await pilot.press("1")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "1" in app.screen.question
        await pilot.press("n")  # stay
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog) and app.is_running
        app.write_queue().start()
        drain()
        assert results(world, world.visit_id) == {"A.01": Result.COMPLIANT}
