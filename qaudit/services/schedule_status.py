"""The plan meets reality: a planned visitation or Cirkel was held, or missed.

A held event is linked to its assessment (if there is one) and counts in the rhythm; a missed
one stays in the database as missed, so the same kind stays due and the next plan gives the
new event a new uid. ``apply`` never re-plans, cancels or reopens either.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, select

from qaudit.domain.enums import AssessmentKind, EventKind, EventStatus
from qaudit.domain.models import Assessment, ScheduledEvent
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
