"""People on the work: the auditors, peer visitors and assessors recorded on an assessment.

A Cirkel's team is checked against the planner's independence rules
(:func:`qaudit.scheduling.checks.person_exclusion`): not employed by the organisation, no
declared conflict of interest, no assessment of its locations within the independence period.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from qaudit.domain.enums import AssessmentKind, AssessmentStatus, Step
from qaudit.domain.models import Assessment, Location, Person
from qaudit.domain.models.access import AssessmentPerson
from qaudit.errors import NotFound, QauditError, Refused
from qaudit.i18n import _
from qaudit.scheduling.checks import Ledger, person_exclusion
from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.model import PersonIn
from qaudit.scheduling.settings import PlannerSettings
from qaudit.services import audit

ROLE_OF_KIND = {
    AssessmentKind.SELF_EVALUATION: "contact",
    AssessmentKind.AUDIT_VISIT: "auditor",
    AssessmentKind.VISITATION: "peer-visitor",
    AssessmentKind.CIRKEL: "assessor",
    AssessmentKind.READINESS_SCAN: "contact",  # filled in with the location's board
}
INDEPENDENCE = {
    Constraint.EMPLOYED,
    Constraint.ADVISES,
    Constraint.AUDITED,
    Constraint.OTHER_CONFLICT,
}
"""The planner's constraints that make a person not independent of an organisation."""


def parse_ids(text: str) -> list[int]:
    """``"1, 4"`` -> ``[1, 4]``; a message naming the bad part otherwise."""
    ids = []
    for part in text.replace(";", ",").split(","):
        if not part.strip():
            continue
        if not part.strip().isdigit():
            raise QauditError(_("'{part}' is not a person id").format(part=part.strip()))
        ids.append(int(part))
    return list(dict.fromkeys(ids))


def record_people(
    session: Session,
    assessment: Assessment,
    person_ids: Sequence[int],
    *,
    settings: PlannerSettings | None = None,
) -> list[str]:
    """Record who does the work (replacing earlier ones); returns their names."""
    assert assessment.id is not None
    people = [_person(session, pid) for pid in dict.fromkeys(person_ids)]
    if assessment.kind is AssessmentKind.CIRKEL:
        check_independence(session, assessment, people, settings or PlannerSettings())
    for old in session.exec(
        select(AssessmentPerson).where(AssessmentPerson.assessment_id == assessment.id)
    ):
        session.delete(old)
    session.flush()
    role = ROLE_OF_KIND[assessment.kind]
    session.add_all(
        AssessmentPerson(assessment_id=assessment.id, person_id=p.id or 0, role=role)
        for p in people
    )
    audit.log(
        session, "people", "assessment", assessment.id, people=[p.id for p in people], role=role
    )
    return [p.name for p in people]


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(_("no person with id {id}").format(id=person_id))
    return person


def check_independence(
    session: Session, assessment: Assessment, people: Sequence[Person], settings: PlannerSettings
) -> None:
    """Refuse a Cirkel team member who is not independent of the location's organisation."""
    from qaudit.services.schedule_inputs import load

    location = session.get(Location, assessment.location_id)
    assert location is not None
    day = assessment.started_on
    data = load(session, date(day.year, 1, 1), 1, settings)
    ledger = Ledger.of(data)
    problems = []
    for p in people:
        candidate = PersonIn(p.id or 0, p.name, p.organisation_id, p.region, p.max_per_year)
        why = person_exclusion(ledger, candidate, location.organisation_id, day, assessor=True)
        if why in INDEPENDENCE:
            problems.append(f"{p.name} {why.explanation}")
    if problems:
        message = _("the Cirkel team is not independent of the organisation: {problems}")
        raise Refused(message.format(problems="; ".join(problems)))


def names_of(session: Session, assessment_id: int) -> list[str]:
    """The recorded people of an assessment, in the order they were recorded."""
    return list(
        session.exec(
            select(Person.name)
            .join(AssessmentPerson, col(AssessmentPerson.person_id) == col(Person.id))
            .where(AssessmentPerson.assessment_id == assessment_id)
            .order_by(col(AssessmentPerson.id))
        )
    )


STEP_OF_KIND = {
    AssessmentKind.AUDIT_VISIT: Step.BASIS,
    AssessmentKind.VISITATION: Step.VISITATION,
    AssessmentKind.CIRKEL: Step.CIRKEL,
}


def step_people(session: Session, location_id: int) -> dict[Step, str]:
    """Per cycle step: who did its latest assessment (names, comma-separated)."""
    rows = session.exec(
        select(Assessment.id, Assessment.kind, Person.name)
        .join(AssessmentPerson, col(AssessmentPerson.assessment_id) == col(Assessment.id))
        .join(Person, col(Person.id) == col(AssessmentPerson.person_id))
        .where(
            Assessment.location_id == location_id,
            col(Assessment.status) != AssessmentStatus.CANCELLED,
        )
        .order_by(col(Assessment.started_on), col(Assessment.id), col(AssessmentPerson.id))
    ).all()
    found: dict[Step, tuple[int | None, list[str]]] = {}
    for assessment_id, kind, name in rows:
        step = STEP_OF_KIND.get(AssessmentKind(kind))
        if step is None:
            continue
        current, names = found.get(step, (None, []))
        if current != assessment_id:  # a later assessment of the step replaces the earlier
            current, names = assessment_id, []
        names.append(name)
        found[step] = (current, names)
    return {step: ", ".join(names) for step, (_id, names) in found.items()}
