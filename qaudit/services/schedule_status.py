"""The plan meets reality: a planned visitation or Cirkel was held, or missed.

A held event is linked to its assessment (if there is one) and counts in the rhythm; a missed
one stays in the database as missed, so the same kind stays due and the next plan gives the
new event a new uid. ``apply`` never re-plans, cancels or reopens either.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain.enums import AssessmentKind, EventKind, EventStatus
from qaudit.domain.models import (
    Assessment,
    EventAssignment,
    Organisation,
    Person,
    ScheduledEvent,
)
from qaudit.errors import NotFound, Refused
from qaudit.i18n import N_, _
from qaudit.services import access, audit
from qaudit.storage import transaction

STATUS_WORDS = {
    EventStatus.PLANNED: N_("planned"),
    EventStatus.DONE: N_("done"),
    EventStatus.MISSED: N_("missed"),
    EventStatus.CANCELLED: N_("cancelled"),
}
KIND_WORDS = {AssessmentKind.VISITATION: N_("visitation"), AssessmentKind.CIRKEL: N_("Cirkel")}

ASSESSMENT_KIND = {
    EventKind.VISITATION: AssessmentKind.VISITATION,
    EventKind.CIRKEL: AssessmentKind.CIRKEL,
}
EVENT_KIND = {assessment: event for event, assessment in ASSESSMENT_KIND.items()}


def mark_done(
    engine: Engine,
    uid: str,
    *,
    assessment_id: int | None = None,
    on: date | None = None,
    actor: str | None = None,
) -> ScheduledEvent:
    """``uid`` took place (on ``on``, or the assessment's start, or its planned day)."""
    with transaction(engine) as session:
        row = _planned(session, uid)
        if assessment_id is not None:
            assessment = _matching_assessment(session, row, assessment_id)
            row.assessment_id = assessment.id
            on = on or assessment.started_on
            if row.visiting_organisation_id is None:
                row.visiting_organisation_id = assessment.visiting_organisation_id
        row.status, row.planned_on = EventStatus.DONE, on or row.planned_on or date.today()
        session.add(row)
        audit.log(
            session,
            "schedule_done",
            "scheduledevent",
            row.id,
            actor,
            uid=uid,
            on=row.planned_on.isoformat(),
            assessment=row.assessment_id,
        )
        return row


def mark_missed(engine: Engine, uid: str, *, actor: str | None = None) -> ScheduledEvent:
    """``uid`` did not take place: it stays recorded as missed and its kind stays due."""
    with transaction(engine) as session:
        row = _planned(session, uid)
        row.status = EventStatus.MISSED
        session.add(row)
        audit.log(session, "schedule_missed", "scheduledevent", row.id, actor, uid=uid)
        return row


def _planned(session: Session, uid: str) -> ScheduledEvent:
    access.require_staff(session)
    row = session.exec(select(ScheduledEvent).where(ScheduledEvent.uid == uid)).first()
    if row is None:
        raise NotFound(_("no scheduled event with uid {uid}").format(uid=uid))
    if row.status is not EventStatus.PLANNED:
        raise Refused(
            _("event {uid} is {status}, not planned: it cannot change any more").format(
                uid=uid, status=_(STATUS_WORDS[row.status])
            )
        )
    if row.kind not in ASSESSMENT_KIND:
        raise Refused(_("event {uid} is no visitation or Cirkel").format(uid=uid))
    return row


def _matching_assessment(session: Session, row: ScheduledEvent, assessment_id: int) -> Assessment:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise NotFound(_("no assessment with id {id}").format(id=assessment_id))
    if (
        assessment.location_id != row.location_id
        or assessment.kind is not ASSESSMENT_KIND[row.kind]
    ):
        raise Refused(
            _("assessment {id} is not a {kind} of this event's location").format(
                id=assessment_id, kind=_(KIND_WORDS[ASSESSMENT_KIND[row.kind]])
            )
        )
    return assessment


def link_started(
    session: Session, assessment: Assessment, people: Sequence[int]
) -> tuple[ScheduledEvent | None, tuple[int, ...]]:
    """A visitation or Cirkel started from its planned event: the location's earliest planned
    event of that kind becomes held by ``assessment`` (on its start day), the assessment gets
    the event's visiting organisation, and — when no ``people`` were named — its team.

    Returns the event (None: none was planned) and the people who do the work.
    """
    kind = EVENT_KIND.get(assessment.kind)
    if kind is None:
        return None, tuple(people)
    row = session.exec(
        select(ScheduledEvent)
        .where(
            ScheduledEvent.location_id == assessment.location_id,
            ScheduledEvent.kind == kind,
            ScheduledEvent.status == EventStatus.PLANNED,
        )
        .order_by(col(ScheduledEvent.planned_on), col(ScheduledEvent.id))
    ).first()
    if row is None:
        return None, tuple(people)
    if not people:
        people = session.exec(
            select(EventAssignment.person_id)
            .where(EventAssignment.event_id == row.id)
            .order_by(col(EventAssignment.person_id))
        ).all()
    if assessment.visiting_organisation_id is None:
        assessment.visiting_organisation_id = row.visiting_organisation_id
        session.add(assessment)
    row.status, row.assessment_id = EventStatus.DONE, assessment.id
    row.planned_on = assessment.started_on
    session.add(row)
    audit.log(
        session,
        "schedule_done",
        "scheduledevent",
        row.id,
        None,
        uid=row.uid,
        on=assessment.started_on.isoformat(),
        assessment=assessment.id,
    )
    return row, tuple(people)


@dataclass(frozen=True)
class LinkedEvent:
    """The planned event an assessment was started from, as the user is told."""

    uid: str
    organisation: str
    people: tuple[str, ...]


def linked_event(engine: Engine, assessment_id: int) -> LinkedEvent | None:
    """The event ``assessment_id`` holds, with its peer organisation's and team's names."""
    with transaction(engine) as session:
        row = session.exec(
            select(ScheduledEvent).where(ScheduledEvent.assessment_id == assessment_id)
        ).first()
        if row is None:
            return None
        organisation = (
            session.get(Organisation, row.visiting_organisation_id)
            if row.visiting_organisation_id is not None
            else None
        )
        names = session.exec(
            select(Person.name)
            .join(EventAssignment, col(EventAssignment.person_id) == col(Person.id))
            .where(EventAssignment.event_id == row.id)
            .order_by(col(Person.id))
        ).all()
        return LinkedEvent(row.uid, organisation.name if organisation else "", tuple(names))


def started_message(linked: LinkedEvent) -> str:
    """What to tell after a start that held a planned event."""
    parts = [p for p in (linked.organisation, ", ".join(linked.people)) if p]
    if not parts:
        return _("Planned event {uid} is now held by this assessment.").format(uid=linked.uid)
    return _("Planned event {uid} is now held by this assessment ({who}).").format(
        uid=linked.uid, who="; ".join(parts)
    )
