"""Demo: who did the work — the people on each assessment and on each cycle step."""

from __future__ import annotations

from sqlmodel import Session, col, select

from qaudit.domain.enums import AssessmentKind, Role, StepStatus
from qaudit.domain.models import (
    Assessment,
    CycleStep,
    EventAssignment,
    RoleAssignment,
    ScheduledEvent,
)
from qaudit.domain.models.access import AssessmentPerson
from qaudit.services.work_people import ROLE_OF_KIND, step_people

POOL = {
    AssessmentKind.AUDIT_VISIT: Role.AUDITOR,
    AssessmentKind.VISITATION: Role.PEER_VISITOR,
    AssessmentKind.CIRKEL: Role.ASSESSOR,
}
CONTACT_STEPS = {5, 6, 7}
"""Translating, training and making visible: the location's own work."""


def record_demo_people(session: Session) -> None:
    """Record the people on every demo assessment and on every started or finished step."""
    by_role = _people_by_role(session)
    contacts = {
        loc: pid
        for pid, role, loc in session.exec(
            select(RoleAssignment.person_id, RoleAssignment.role, RoleAssignment.location_id)
        )
        if Role(role) is Role.LOCATION_CONTACT and loc is not None
    }
    assigned = _event_people(session)
    for a in session.exec(select(Assessment).order_by(col(Assessment.id))):
        assert a.id is not None
        people = _workers(a, by_role, contacts, assigned.get(a.id, []))
        session.add_all(
            AssessmentPerson(assessment_id=a.id, person_id=p, role=ROLE_OF_KIND[a.kind])
            for p in people
        )
    staff_ids = by_role.get(Role.COOPERATIVE_STAFF, [])
    staff = staff_ids[0] if staff_ids else None
    session.flush()
    covered: dict[int, set[int]] = {}  # location -> steps whose assessments name people
    for step in session.exec(select(CycleStep).where(CycleStep.status != StepStatus.NOT_STARTED)):
        if step.location_id not in covered:
            found = step_people(session, step.location_id)
            covered[step.location_id] = {int(s) for s in found}
        if step.person_id is None and step.step not in covered[step.location_id]:
            own = contacts.get(step.location_id, staff)  # a location without a contact: staff
            step.person_id = own if step.step in CONTACT_STEPS else staff
            session.add(step)
    session.flush()


def _people_by_role(session: Session) -> dict[Role, list[int]]:
    found: dict[Role, list[int]] = {}
    for pid, role in session.exec(
        select(RoleAssignment.person_id, RoleAssignment.role).order_by(col(RoleAssignment.id))
    ):
        found.setdefault(Role(role), []).append(pid)
    return found


def _event_people(session: Session) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for assessment_id, pid in session.exec(
        select(ScheduledEvent.assessment_id, EventAssignment.person_id)
        .join(EventAssignment, col(EventAssignment.event_id) == col(ScheduledEvent.id))
        .where(col(ScheduledEvent.assessment_id).is_not(None))
        .order_by(col(EventAssignment.id))
    ):
        if assessment_id is not None:
            found.setdefault(assessment_id, []).append(pid)
    return found


def _workers(
    a: Assessment,
    by_role: dict[Role, list[int]],
    contacts: dict[int, int],
    assigned: list[int],
) -> list[int]:
    if a.kind in (AssessmentKind.SELF_EVALUATION, AssessmentKind.READINESS_SCAN):
        # the location's own work (a readiness scan is filled in with its board)
        return [contacts[a.location_id]] if a.location_id in contacts else []
    if assigned:
        return list(dict.fromkeys(([a.lead_person_id] if a.lead_person_id else []) + assigned))
    if a.lead_person_id is not None:
        return [a.lead_person_id]
    role = POOL.get(a.kind)
    pool = by_role.get(role, []) if role is not None else []
    return [pool[(a.id or 0) % len(pool)]] if pool else []
