"""Pilot test: cancelling an assessment from the trajectory says what happens to the step
its start started, and puts that step back."""

from __future__ import annotations

from sqlmodel import select

from qaudit.domain.enums import AssessmentKind, Step, StepStatus
from qaudit.domain.models import CycleStep
from qaudit.services import trajectory
from qaudit.storage import transaction

from .conftest import TODAY, settle


def step_two(world) -> CycleStep:
    with transaction(world.engine) as s:
        return s.exec(
            select(CycleStep).where(
                CycleStep.location_id == world.prospect_id,
                CycleStep.step == int(Step.MT_SESSION),
            )
        ).one()


async def test_the_cancel_question_names_the_step_and_cancelling_puts_it_back(app, world):
    trajectory.set_step(world.engine, world.prospect_id, Step.INTAKE, StepStatus.DONE, on=TODAY)
    scan = trajectory.start_assessment(
        world.engine, world.prospect_id, AssessmentKind.READINESS_SCAN, today=TODAY
    )
    assert step_two(world).status is StepStatus.IN_PROGRESS
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.open_location(world.prospect_id)
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("tab")  # the assessments table: the scan
        assert screen.selected_assessment().id == scan
        await pilot.press("x")
        await settle(app, pilot)
        question = str(app.screen.query_one(".form-title").render())
        assert "Stap 2" in question and "terug naar niet gestart" in question
        await pilot.press("tab", *"per ongeluk", "ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        await pilot.press("shift+tab", "down")  # the steps table: step 2 and its history
        await settle(app, pilot)
        shown = str(screen.query_one("#step-reason").render())
    assert step_two(world).status is StepStatus.NOT_STARTED
    assert "start teruggedraaid" in shown, shown


async def test_the_cancel_question_says_when_the_steps_do_not_change(app, world):
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        app.open_location(world.member_id)
        await settle(app, pilot)
        await pilot.press("tab", "x")  # the open audit visit started no step
        await settle(app, pilot)
        question = str(app.screen.query_one(".form-title").render())
    assert "De stappen van de cyclus veranderen niet." in question
