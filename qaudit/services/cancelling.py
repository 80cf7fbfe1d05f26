"""Cancelling an assessment started by mistake: kept and logged, never deleted.

A cancelled assessment keeps its answers and people but takes no more answers, and is left
out of scores, verdicts, reports, exports and planning. Who cancelled it, when and why is
in the audit log; the reason and moment are also on the assessment itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain.enums import AssessmentKind, AssessmentStatus, EventStatus
from qaudit.domain.models import Assessment, ScheduledEvent, utcnow
from qaudit.errors import QauditError
from qaudit.i18n import _
from qaudit.services import access, answering, assessments, audit, step_undo
from qaudit.services.step_undo import StepUndo
from qaudit.storage import transaction


@dataclass(frozen=True)
class Cancelled:
    id: int
    kind: AssessmentKind
    location_id: int
    answered: int
    events_released: int
    """Planned events that pointed at the assessment, now free for a new one."""
    step: StepUndo
    """What happened to the step the assessment's start started (see ``step_undo``)."""


def cancel(
    engine: Engine,
    assessment_id: int,
    reason: str,
    *,
    actor: str | None = None,
    today: date | None = None,
) -> Cancelled:
    """Cancel an open assessment in one transaction; refused when closed or cancelled. The
    step its start started goes back to what it was, if nothing else happened to it."""
    why = reason.strip()
    if not why:
        raise QauditError(
            _("assessment {id}: give a reason for cancelling it (--reason)").format(
                id=assessment_id
            )
        )
    with transaction(engine) as session:
        access.require_assessment(session, assessment_id, write=True)
        assessment = answering.lock_open(session, assessment_id)
        return cancel_in(session, assessment, why, actor=actor, today=today)


def step_after_cancel(session: Session, assessment_id: int) -> StepUndo:
    """What cancelling the assessment would do to its step (for the confirmation)."""
    access.require_assessment(session, assessment_id)
    return step_undo.judge(session, assessments.get(session, assessment_id))


def cancel_in(
    session: Session,
    assessment: Assessment,
    reason: str,
    *,
    actor: str | None = None,
    today: date | None = None,
) -> Cancelled:
    assert assessment.id is not None
    answered = assessments.verdict_of(session, assessment).score.overall.answered
    assessment.status = AssessmentStatus.CANCELLED
    assessment.cancelled_at = utcnow()
    assessment.cancel_reason = reason
    session.add(assessment)
    released = 0
    for event in session.exec(
        select(ScheduledEvent).where(col(ScheduledEvent.assessment_id) == assessment.id)
    ):
        event.assessment_id = None
        if event.status is EventStatus.DONE:
            event.status = EventStatus.PLANNED
        session.add(event)
        released += 1
    session.flush()
    step = step_undo.undo_start(session, assessment, today or date.today())
    audit.log(
        session,
        "cancel",
        "assessment",
        assessment.id,
        actor,
        kind=assessment.kind.value,
        reason=reason,
        answered=answered,
        events_released=released,
        step=int(step.step) if step.step else None,
        step_undone=step.undone,
        step_kept=step.kept_because,
    )
    return Cancelled(
        assessment.id, assessment.kind, assessment.location_id, answered, released, step
    )
