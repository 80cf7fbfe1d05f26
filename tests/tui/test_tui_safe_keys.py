"""Pilot tests: keys that cannot do damage (issue 15) — starting asks first with counts, a
second open assessment is refused, a mistaken one is cancelled, reopening keeps history, a
refused form keeps what was typed."""

from __future__ import annotations

from sqlmodel import select

from qaudit.domain.enums import AssessmentKind, AssessmentStatus, Step, StepStatus
from qaudit.domain.models import Assessment, AuditLog, CycleStep, Finding
from qaudit.services import cancelling
from qaudit.storage import transaction

from .conftest import TODAY, settle

SIZE = (160, 45)


def kinds(world) -> list[tuple[AssessmentKind, AssessmentStatus]]:
    with transaction(world.engine) as s:
        rows = s.exec(select(Assessment).where(Assessment.location_id == world.member_id)).all()
        return [(a.kind, a.status) for a in rows]


async def open_member(app, pilot, world) -> None:
    await settle(app, pilot)
    app.open_location(world.member_id)
    await settle(app, pilot)


async def test_starting_asks_first_with_the_open_work_and_no_is_nothing(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await open_member(app, pilot, world)
        await pilot.press("a")  # an audit visit is open already: refused, no dialog
        await settle(app, pilot)
        assert type(app.screen).__name__ == "LocationScreen"
        await pilot.press("s")  # a second self-evaluation: refused too
        await settle(app, pilot)
        assert type(app.screen).__name__ == "LocationScreen"
        assert len(kinds(world)) == 2
        cancelling.cancel(world.engine, world.visit_id, "dubbel")
        await pilot.press("a")  # asked first: what it does beside the open self-evaluation
        await settle(app, pilot)
        question = str(app.screen.query_one(".form-title").render())
        assert type(app.screen).__name__ == "FormDialog"
        assert "T01" in question and "3 van 4" in question
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(kinds(world)) == 2  # not started
        await pilot.press("a", "ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ChecklistScreen"
        await pilot.press("escape")
        await settle(app, pilot)
        cancelling.cancel(world.engine, world.self_eval_id, "verkeerde locatie")
        await pilot.press("s")  # a self-evaluation: a yes/no question, no is nothing
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        await settle(app, pilot)
    assert kinds(world).count((AssessmentKind.AUDIT_VISIT, AssessmentStatus.OPEN)) == 1
    assert (AssessmentKind.SELF_EVALUATION, AssessmentStatus.OPEN) not in kinds(world)


async def test_a_mistaken_audit_visit_is_cancelled_and_a_new_one_asked_for(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await open_member(app, pilot, world)
        screen = app.screen
        await pilot.press("tab")  # the assessments table; the newest (the visit) first
        assert screen.selected_assessment().id == world.visit_id
        await pilot.press("x")
        await settle(app, pilot)
        form = app.screen
        assert type(form).__name__ == "FormDialog"
        assert "0 van 4" in str(form.query_one(".form-title").render())
        await pilot.press("ctrl+s")  # no reason: the form stays open
        await settle(app, pilot)
        assert app.screen is form
        await pilot.press("tab", *"per ongeluk", "ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "LocationScreen"
        await pilot.press("a")  # now allowed: asked first, with who does the work
        await settle(app, pilot)
        assert "3 van 4" in str(app.screen.query_one(".form-title").render())
        await pilot.press("escape")  # cancelled dialog: nothing started
        await settle(app, pilot)
    with transaction(world.engine) as s:
        visit = s.get(Assessment, world.visit_id)
        assert visit is not None and visit.status is AssessmentStatus.CANCELLED
        assert visit.cancel_reason == "per ongeluk"
        assert s.exec(select(AuditLog).where(AuditLog.action == "cancel")).one()
    assert kinds(world).count((AssessmentKind.AUDIT_VISIT, AssessmentStatus.OPEN)) == 0


async def test_reopening_a_done_step_asks_and_keeps_its_first_completion(app, world):
    first = TODAY.replace(year=2025, month=1, day=20)
    async with app.run_test(size=SIZE) as pilot:
        await open_member(app, pilot, world)  # step 1 is done since 20-01-2025
        await pilot.press("b")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ConfirmDialog"
        assert "20-01-2025" in str(app.screen.query_one(".form-title").render())
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press("b", "y")
        await settle(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        history = str(app.screen.query_one("#step-reason").render())
    with transaction(world.engine) as s:
        step = s.exec(
            select(CycleStep).where(
                CycleStep.location_id == world.member_id, CycleStep.step == int(Step.INTAKE)
            )
        ).one()
    assert step.status is StepStatus.DONE and step.completed_on == first
    assert "01-10-2026" in history and history.count("01-10-2026") == 2


async def test_a_refused_finding_keeps_what_was_typed(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        await pilot.press("v")  # the visit screen
        await settle(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        await pilot.press("tab", "tab", *"Z.99", "tab", *"Geen overdracht bij de avonddienst")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        form = app.screen
        assert type(form).__name__ == "FormDialog"
        assert "Z.99" in str(form.query_one("#form-error").render())
        assert form.query_one("#f-points").value == "Z.99"
        assert form.query_one("#f-text").text == "Geen overdracht bij de avonddienst"
        form.query_one("#f-points").value = "A.01"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "VisitScreen"
    with transaction(world.engine) as s:
        found = s.exec(select(Finding)).one()
    assert found.point_ids == ["A.01"] and found.text.startswith("Geen overdracht")
