"""A location whose every free-text field was typed in through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from qaudit.checklists import shipped_catalogue
from qaudit.domain.enums import AssessmentKind, EventKind, FindingKind, InterviewGroup, Result
from qaudit.domain.models import (
    EventAssignment,
    Location,
    Membership,
    Organisation,
    Person,
    ScheduledEvent,
)
from qaudit.services import assessments, checklists, people, rollout, visits
from qaudit.storage import transaction

TODAY = date(2026, 10, 1)
KINDS = (
    AssessmentKind.SELF_EVALUATION,
    AssessmentKind.AUDIT_VISIT,
    AssessmentKind.VISITATION,
    AssessmentKind.CIRKEL,
)


@dataclass(frozen=True)
class World:
    engine: Engine
    location_id: int
    ids: dict[AssessmentKind, int]


def build(engine: Engine, texts: list[str], *, code: str = "P01") -> World:
    """One location with an assessment of every kind; ``texts`` typed into every field."""
    with transaction(engine) as s:
        org = Organisation(name=f"Zorggroep {code}", city="Groningen", region="Noord")
        s.add(org)
        s.flush()
        assert org.id
        s.add(Membership(organisation_id=org.id, member_number=f"K@-{code}", start_date=TODAY))
        location = Location(organisation_id=org.id, code=code, name="Huize Privé", city="Assen")
        auditor = Person(name="Anouk Verbeek")
        s.add_all([location, auditor])
        s.flush()
        assert location.id and auditor.id
        ids: dict[AssessmentKind, int] = {}
        for kind in KINDS:
            reference = ids.get(AssessmentKind.SELF_EVALUATION)
            started = assessments.start(
                s,
                location.id,
                kind,
                started_on=TODAY,
                reference_assessment_id=reference if kind is AssessmentKind.AUDIT_VISIT else None,
            )
            assert started.id
            ids[kind] = started.id
        event = ScheduledEvent(
            uid=f"{code}-visitation-1",
            location_id=location.id,
            kind=EventKind.VISITATION,
            planned_on=date(2027, 3, 1),
        )
        s.add(event)
        s.flush()
        assert event.id
        s.add(EventAssignment(event_id=event.id, person_id=auditor.id, role="peer_visitor"))
    world = World(engine, location.id, ids)
    for assessment_id in ids.values():
        _type_into(world, assessment_id, texts)
    catalogue = shipped_catalogue()
    assert catalogue.promises is not None
    for i, promise in enumerate(catalogue.promises.promises):
        rollout.save_translation(
            engine, location.id, promise.id, _pick(texts, i), _pick(texts, i + 1)
        )
    people.add_absence(engine, auditor.id, date(2027, 1, 1), date(2027, 1, 5), _pick(texts, 0))
    return world


def _pick(texts: list[str], i: int) -> str:
    return texts[i % len(texts)]


def _type_into(world: World, assessment_id: int, texts: list[str]) -> None:
    engine = world.engine
    with transaction(engine) as s:
        spec = checklists.spec_of_assessment(s, assessments.get(s, assessment_id))
    points = [p.id for p in spec.points]
    for i, text in enumerate(texts):  # a note and evidence on a point per text
        point = points[i % len(points)]
        result = (Result.COMPLIANT, Result.PARTLY, Result.NOT_COMPLIANT)[i % 3]
        assessments.give_answer(
            engine, assessment_id, point, result, note=text, evidence=_pick(texts, i + 1)
        )
    for i, text in enumerate(texts):
        group = list(InterviewGroup)[i % len(InterviewGroup)]
        visits.add_interview(engine, assessment_id, group, 2, TODAY, text)
        kind = (FindingKind.STRENGTH, FindingKind.IMPROVEMENT)[i % 2]
        tied = [points[i % len(points)]] if i % 3 else []
        finding = visits.add_finding(engine, assessment_id, kind, text, tied)
        visits.add_recommendation(engine, assessment_id, text, finding.id if i % 2 else None)
        visits.add_action(
            engine,
            world.location_id,
            text,
            owner="teamleider",
            deadline=TODAY,
            assessment_id=assessment_id,
        )
    visits.set_quality_advice(engine, assessment_id, "\n".join(texts))
    visits.set_summary(engine, assessment_id, "\n".join(texts))
