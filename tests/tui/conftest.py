"""A small fixed cooperative on the mini checklists, and an app on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qaudit.checklists import Catalogue
from qaudit.config import Settings
from qaudit.domain.enums import AssessmentKind, EventKind, MtDecision, Result, Step, StepStatus
from qaudit.domain.models import (
    CycleStep,
    EventAssignment,
    Location,
    Membership,
    Organisation,
    Person,
    ScheduledEvent,
)
from qaudit.services import assessments
from qaudit.storage import transaction

TODAY = date(2026, 10, 1)
FIXTURES_MINI = Path(__file__).parent.parent / "fixtures" / "mini"


@dataclass(frozen=True)
class World:
    engine: Engine
    catalogue: Catalogue
    member_id: int
    """A member location in step 4 with an open self-evaluation."""
    self_eval_id: int
    visit_id: int
    """An open audit visit beside the self-evaluation (which has three answers)."""
    prospect_id: int
    """A location at intake: later steps are blocked."""


def build_world(engine: Engine, catalogue: Catalogue) -> World:
    with transaction(engine) as s:
        org = Organisation(name="Zorggroep Test", city="Utrecht", region="Midden")
        other = Organisation(name="Stichting Nieuw", city="Zwolle", region="Oost")
        s.add_all([org, other])
        s.flush()
        assert org.id and other.id
        s.add(Membership(organisation_id=org.id, member_number="K@-1", start_date=date(2020, 1, 1)))
        member = Location(
            organisation_id=org.id, code="T01", name="Huize Test", city="Utrecht", staff=40
        )
        prospect = Location(organisation_id=other.id, code="T02", name="De Nieuwe", city="Zwolle")
        auditor = Person(name="Auditor Een")
        s.add_all([member, prospect, auditor])
        s.flush()
        assert member.id and prospect.id and auditor.id
        for step in (1, 2, 3):
            s.add(
                CycleStep(
                    location_id=member.id,
                    step=step,
                    status=StepStatus.DONE,
                    started_on=date(2025, step, 1),
                    completed_on=date(2025, step, 20),
                    decision=MtDecision.GO if step == 2 else None,
                )
            )
        s.add(
            CycleStep(
                location_id=prospect.id,
                step=1,
                status=StepStatus.IN_PROGRESS,
                started_on=date(2026, 9, 1),
            )
        )
        event = ScheduledEvent(
            uid="t-1",
            location_id=member.id,
            kind=EventKind.AUDIT_VISIT,
            planned_on=date(2026, 9, 20),
        )
        s.add(event)
        s.add(
            ScheduledEvent(
                uid="t-2",
                location_id=prospect.id,
                kind=EventKind.INTAKE,
                planned_on=date(2026, 11, 2),
            )
        )
        s.flush()
        assert event.id
        s.add(EventAssignment(event_id=event.id, person_id=auditor.id))
        own = assessments.start(
            s,
            member.id,
            AssessmentKind.SELF_EVALUATION,
            started_on=date(2026, 8, 1),
            catalogue=catalogue,
        )
        s.add(
            CycleStep(
                location_id=member.id,
                step=int(Step.BASIS),
                status=StepStatus.IN_PROGRESS,
                started_on=date(2026, 8, 1),
            )
        )
        assert own.id
        for point, result in (
            ("A.01", Result.COMPLIANT),
            ("A.02", Result.PARTLY),
            ("B.01", Result.COMPLIANT),
        ):
            assessments.record_answer(s, own.id, point, result)
        visit = assessments.start(
            s,
            member.id,
            AssessmentKind.AUDIT_VISIT,
            started_on=date(2026, 9, 20),
            catalogue=catalogue,
            reference_assessment_id=own.id,
        )
        assert visit.id
        return World(engine, catalogue, member.id, own.id, visit.id, prospect.id)


@pytest.fixture
def world(engine: Engine, mini_catalogue: Catalogue) -> World:
    return build_world(engine, mini_catalogue)


@pytest.fixture
def app(world: World):
    from qaudit.tui.app import QAuditApp

    made = QAuditApp(Settings(), engine=world.engine, catalogue=world.catalogue, today=TODAY)
    RUNNING[:] = [made]
    return made


RUNNING: list = []
"""The app under test: on PostgreSQL its answers go through a write queue."""


def drain() -> None:
    """Wait until the app's queued answers are in the database (PostgreSQL)."""
    for running in RUNNING:
        assert running.wait_for_writes(30)


async def settle(app, pilot) -> None:
    """Let workers finish and the screen catch up (never a sleep); twice, because the
    engine's warm-up worker starts only after the first populated frame."""
    for _ in range(2):
        assert app.wait_for_writes(30)
        await app.workers.wait_for_complete()
        await pilot.pause()
