"""Cancelling an assessment started by mistake undoes the step start it made, through the
step's history, only when nothing else has happened to the step since."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from qaudit.checklists import Catalogue
from qaudit.domain.enums import AssessmentKind, MtDecision, Step, StepStatus
from qaudit.domain.models import AuditLog, CycleStep, Location, StepEvent
from qaudit.services import cancelling, trajectory
from qaudit.storage import transaction
from tests.tui.conftest import World, build_world

DAY = date(2026, 10, 1)
CANCELLED_ON = date(2026, 10, 2)


@pytest.fixture
def world(engine: Engine, mini_catalogue: Catalogue) -> World:
    return build_world(engine, mini_catalogue)


def step_row(engine: Engine, location_id: int, step: Step) -> CycleStep | None:
    with transaction(engine) as s:
        return s.exec(
            select(CycleStep).where(
                CycleStep.location_id == location_id, CycleStep.step == int(step)
            )
        ).first()


def history(engine: Engine, location_id: int, step: Step) -> list[tuple[str, date, int | None]]:
    with transaction(engine) as s:
        rows = s.exec(
            select(StepEvent)
            .where(StepEvent.location_id == location_id, StepEvent.step == int(step))
            .order_by(StepEvent.id)  # type: ignore[arg-type]
        ).all()
        return [(e.event, e.day, e.assessment_id) for e in rows]


def start(world: World, location_id: int, kind: AssessmentKind) -> int:
    """Start through the service the CLI and the TUI call (the readiness scan is not in the
    mini catalogue: the shipped one)."""
    readiness = kind is AssessmentKind.READINESS_SCAN
    catalogue = None if readiness else world.catalogue
    return trajectory.start_assessment(
        world.engine, location_id, kind, today=DAY, catalogue=catalogue
    )


def scan_at_the_prospect(world: World) -> int:
    """The prospect's intake done, then a readiness scan: it starts step 2."""
    trajectory.set_step(world.engine, world.prospect_id, Step.INTAKE, StepStatus.DONE, on=DAY)
    assert step_row(world.engine, world.prospect_id, Step.MT_SESSION) is None
    scan = start(world, world.prospect_id, AssessmentKind.READINESS_SCAN)
    row = step_row(world.engine, world.prospect_id, Step.MT_SESSION)
    assert row is not None and row.status is StepStatus.IN_PROGRESS
    return scan


def test_cancel_puts_the_step_it_started_back_and_keeps_that_in_the_history(world: World):
    engine = world.engine
    scan = scan_at_the_prospect(world)
    with transaction(engine) as s:
        preview = cancelling.step_after_cancel(s, scan)
    assert (preview.step, preview.undone) == (Step.MT_SESSION, True)
    assert "Stap 2" in preview.question() and "niet gestart" in preview.question()

    done = cancelling.cancel(engine, scan, "per ongeluk", today=CANCELLED_ON)

    assert (done.step.step, done.step.undone, done.step.kept_because) == (Step.MT_SESSION, True, "")
    assert "Stap 2" in done.step.result()
    row = step_row(engine, world.prospect_id, Step.MT_SESSION)
    assert row is not None and row.status is StepStatus.NOT_STARTED
    assert (row.started_on, row.completed_on, row.person_id) == (None, None, None)
    assert history(engine, world.prospect_id, Step.MT_SESSION) == [
        ("started", DAY, scan),
        ("start_undone", CANCELLED_ON, scan),
    ]
    with transaction(engine) as s:
        logged = s.exec(select(AuditLog).where(AuditLog.action == "cancel")).one()
        assert logged.detail["step"] == 2 and logged.detail["step_undone"] is True
        undo = s.exec(select(AuditLog).where(AuditLog.action == "step_start_undone")).one()
        assert undo.entity_id == world.prospect_id and undo.detail["assessment"] == scan
        state = trajectory.locations.cycle_state(s, world.prospect_id)
    assert state.status(Step.MT_SESSION) is StepStatus.NOT_STARTED
    # a new start starts the step again, with a history of its own
    again = start(world, world.prospect_id, AssessmentKind.READINESS_SCAN)
    assert history(engine, world.prospect_id, Step.MT_SESSION)[-1] == ("started", DAY, again)


def test_a_step_that_changed_since_the_start_is_left_and_the_result_says_why(world: World):
    engine = world.engine
    scan = scan_at_the_prospect(world)
    trajectory.set_step(
        engine,
        world.prospect_id,
        Step.MT_SESSION,
        StepStatus.DONE,
        on=CANCELLED_ON,
        decision=MtDecision.GO,
    )
    with transaction(engine) as s:
        preview = cancelling.step_after_cancel(s, scan)
    assert not preview.undone and "02-10-2026" in preview.kept_because

    done = cancelling.cancel(engine, scan, "per ongeluk", today=CANCELLED_ON)

    assert done.step.step is Step.MT_SESSION and not done.step.undone
    assert "afgerond" in done.step.result() and "blijft zoals" in done.step.result()
    row = step_row(engine, world.prospect_id, Step.MT_SESSION)
    assert row is not None and row.status is StepStatus.DONE and row.decision is MtDecision.GO
    assert [e for e, _day, _a in history(engine, world.prospect_id, Step.MT_SESSION)] == [
        "started",
        "completed",
    ]
    with transaction(engine) as s:
        logged = s.exec(select(AuditLog).where(AuditLog.action == "cancel")).one()
    assert logged.detail["step_undone"] is False and logged.detail["step_kept"]


def test_a_change_without_a_history_event_also_keeps_the_step(world: World):
    scan = scan_at_the_prospect(world)
    trajectory.set_step(
        world.engine,
        world.prospect_id,
        Step.MT_SESSION,
        StepStatus.IN_PROGRESS,
        on=CANCELLED_ON,
        notes="gesprek gepland",
    )
    done = cancelling.cancel(world.engine, scan, "per ongeluk", today=CANCELLED_ON)
    assert not done.step.undone and "gewijzigd" in done.step.kept_because
    row = step_row(world.engine, world.prospect_id, Step.MT_SESSION)
    assert row is not None and row.status is StepStatus.IN_PROGRESS
    assert row.notes == "gesprek gepland"


def test_another_assessment_of_the_step_since_keeps_it(world: World):
    engine = world.engine
    with transaction(engine) as s:
        fresh = Location(organisation_id=1, code="T03", name="Nieuw Huis", city="Utrecht")
        member = s.get(Location, world.member_id)
        assert member is not None
        fresh.organisation_id = member.organisation_id
        s.add(fresh)
        s.flush()
        assert fresh.id is not None
        location = fresh.id
        for step in (Step.INTAKE, Step.MT_SESSION, Step.MEMBERSHIP):
            decision = MtDecision.GO if step is Step.MT_SESSION else None
            s.add(
                CycleStep(
                    location_id=location,
                    step=int(step),
                    status=StepStatus.DONE,
                    started_on=DAY,
                    completed_on=DAY,
                    decision=decision,
                )
            )
    own = start(world, location, AssessmentKind.SELF_EVALUATION)
    visit = start(world, location, AssessmentKind.AUDIT_VISIT)
    assert [e for e, _d, _a in history(engine, location, Step.BASIS)] == ["started"]

    first = cancelling.cancel(engine, own, "verkeerde locatie", today=CANCELLED_ON)
    assert first.step.step is Step.BASIS and not first.step.undone
    assert f"#{visit}" in first.step.kept_because
    # the audit visit did not start the step: cancelling it leaves the steps alone
    with transaction(engine) as s:
        preview = cancelling.step_after_cancel(s, visit)
    assert preview.step is None and "stappen" in preview.question()
    second = cancelling.cancel(engine, visit, "ook verkeerd", today=CANCELLED_ON)
    assert second.step.step is None and second.step.result() == ""
    row = step_row(engine, location, Step.BASIS)
    assert row is not None and row.status is StepStatus.IN_PROGRESS


def test_the_command_line_says_what_happened_to_the_step(
    world: World, db_url: str, capsys: pytest.CaptureFixture[str]
):
    from qaudit.cli import main

    scan = scan_at_the_prospect(world)
    cancel = ["--database", db_url, "assessment", "cancel", str(scan), "--reason", "per ongeluk"]
    assert main(cancel) == 0
    out = capsys.readouterr().out
    assert "Stap 2 Inspiratiesessie met MT staat weer op niet gestart." in out
