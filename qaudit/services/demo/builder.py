"""The demo's building blocks: people, steps, assessments, answers and events."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session

from qaudit.checklists import Catalogue, ChecklistSpec
from qaudit.domain.enums import (
    AssessmentKind,
    AssessmentStatus,
    ConflictKind,
    EventKind,
    EventStatus,
    MtDecision,
    Result,
    Role,
    StepStatus,
)
from qaudit.domain.models import (
    Answer,
    Assessment,
    ConflictOfInterest,
    CycleStep,
    EventAssignment,
    Location,
    Organisation,
    Person,
    RoleAssignment,
    ScheduledEvent,
)
from qaudit.domain.models._base import id_of
from qaudit.services import checklists
from qaudit.services.demo.cast import PEOPLE, QUALITY

Stage = Callable[["Builder", Location, dict[Role, list[Person]]], None]


@dataclass
class Builder:
    session: Session
    catalogue: Catalogue
    rng: random.Random
    today: date
    """The day the demo is written: every date is relative to it, so the demo looks current."""

    def spec(self, kind: str) -> ChecklistSpec:
        # The demo's history was made with 2026.1 and stays so (deterministic; issue 17).
        current = self.catalogue.for_kind(kind)
        pinned = self.catalogue.releases.get((current.id, "2026.1"))
        return pinned if isinstance(pinned, ChecklistSpec) else current

    def version_id(self, kind: str) -> int:
        version = checklists.register(self.session, self.spec(kind))
        assert version.id is not None
        return version.id


def cast_people(b: Builder, orgs: list[Organisation]) -> dict[Role, list[Person]]:
    people: dict[Role, list[Person]] = {}
    for name, role, org_index in PEOPLE:
        org_id = id_of(orgs[org_index]) if org_index is not None else None
        email = name.lower().replace(" ", ".") + "@example.nl"
        person = Person(name=name, email=email, organisation_id=org_id, max_per_year=6)
        b.session.add(person)
        b.session.flush()
        b.session.add(RoleAssignment(person_id=id_of(person), role=role))
        people.setdefault(role, []).append(person)
    # a declared conflict: this assessor advised Zorggroep Kustlicht until last year
    assessor = people[Role.ASSESSOR][2]
    b.session.add(
        ConflictOfInterest(
            person_id=id_of(assessor),
            organisation_id=id_of(orgs[5]),
            kind=ConflictKind.ADVISES,
            start_date=date(2023, 1, 1),
            end_date=date(2025, 12, 31),
            note="Adviestraject zorgplannen",
        )
    )
    return people


def add_steps(
    b: Builder,
    location: Location,
    done_until: int,
    *,
    started: date,
    current: int | None = None,
    decision: MtDecision = MtDecision.GO,
) -> None:
    """Steps 1..done_until done (a month apart from ``started``); ``current`` in progress."""
    for step in range(1, done_until + 1):
        day = started + timedelta(days=30 * step)
        b.session.add(
            CycleStep(
                location_id=id_of(location),
                step=step,
                status=StepStatus.DONE,
                started_on=day - timedelta(days=20),
                completed_on=day,
                decision=decision if step == 2 else None,
            )
        )
    if current:
        b.session.add(
            CycleStep(
                location_id=id_of(location),
                step=current,
                status=StepStatus.IN_PROGRESS,
                started_on=started + timedelta(days=30 * current - 20),
            )
        )


def add_answers(
    b: Builder,
    assessment: Assessment,
    spec: ChecklistSpec,
    share: float,
    quality: str,
    *,
    fail_critical: int = 0,
) -> None:
    weights = QUALITY[quality]
    scale = (Result.COMPLIANT, Result.PARTLY, Result.NOT_COMPLIANT, Result.NOT_APPLICABLE)
    critical = [p.id for p in spec.points if p.critical]
    failing = set(b.rng.sample(critical, fail_critical)) if fail_critical else set()
    day = assessment.started_on
    answered_at = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    rows = []
    for point in spec.points:
        if b.rng.random() > share:
            continue
        if point.id in failing:
            result, note = Result.NOT_COMPLIANT, "Niet aangetoond tijdens de steekproef."
        else:
            result = b.rng.choices(scale, weights)[0]
            if point.critical and result is Result.NOT_COMPLIANT:
                result = Result.PARTLY
            note = "" if result is Result.COMPLIANT else "Zie toelichting in het verslag."
        rows.append(
            {
                "assessment_id": id_of(assessment),
                "point_id": point.id,
                "result": result,
                "note": note,
                "evidence": "",
                "answered_at": answered_at,
            }
        )
    if rows:  # one bulk insert: the demo writes thousands of answers
        b.session.execute(insert(Answer), rows)


def add_assessment(
    b: Builder,
    location: Location,
    kind: AssessmentKind,
    started: date,
    *,
    closed: bool,
    **fields: Any,
) -> Assessment:
    assessment = Assessment(
        location_id=id_of(location),
        kind=kind,
        started_on=started,
        checklist_version_id=b.version_id(kind.checklist_kind),
        status=AssessmentStatus.CLOSED if closed else AssessmentStatus.OPEN,
        **fields,
    )
    if closed:
        assessment.closed_at = datetime(started.year, started.month, started.day, 16, tzinfo=UTC)
    b.session.add(assessment)
    b.session.flush()
    return assessment


def add_event(
    b: Builder, location: Location, kind: EventKind, day: date, person: Person | None = None
) -> None:
    event = ScheduledEvent(
        uid=f"demo-{location.code}-{kind.value}-{day.isoformat()}@qaudit",
        location_id=id_of(location),
        kind=kind,
        status=EventStatus.PLANNED,
        due_year=day.year,
        planned_on=day,
        window_start=day - timedelta(days=30),
        window_end=day + timedelta(days=30),
    )
    b.session.add(event)
    b.session.flush()
    if person is not None:
        b.session.add(
            EventAssignment(
                event_id=id_of(event),
                person_id=id_of(person),
                role="auditor" if kind is EventKind.AUDIT_VISIT else "assessor",
            )
        )
