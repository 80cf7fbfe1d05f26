"""Undoing the step start an assessment made, when the assessment is cancelled.

Starting an assessment may start its cycle step (``trajectory.start_assessment``); that
start is kept in the step's history with the assessment and the step as it was before and
after (``step_history.record``). Cancelling the assessment restores the step to what it
was before, through that history, only when the step was started by this assessment and
nothing else has happened to it since: no later history event, no other change to the
step, no other assessment of the step started since. Otherwise the step is left as it is
and the result says why. The undo is an event of its own in the step's history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from qaudit.domain.enums import (
    AssessmentStatus,
    MtDecision,
    Step,
    StepStatus,
    step_event_label,
)
from qaudit.domain.models import Assessment, CycleStep, StepEvent
from qaudit.i18n import _
from qaudit.services import audit, step_history


@dataclass(frozen=True)
class StepUndo:
    """What cancelling an assessment does to the step its start started."""

    step: Step | None
    """The step the assessment's start started (None: it started none)."""
    undone: bool
    """The step goes (or went) back to what it was before that start."""
    kept_because: str = ""
    """Why the step stays as it is (translated); "" when it is undone or there is none."""

    def question(self) -> str:
        """For the confirmation, before cancelling: what will happen to the step."""
        if self.step is None:
            return _("The cycle's steps do not change.")
        if self.undone:
            return _(
                "Step {step} {name} was started with it and goes back to not started "
                "(kept in the step's history)."
            ).format(step=int(self.step), name=self.step.label)
        return self._kept()

    def result(self) -> str:
        """After cancelling: what happened to the step ("" when there was no step)."""
        if self.step is None:
            return ""
        if self.undone:
            return _("Step {step} {name} is back to not started.").format(
                step=int(self.step), name=self.step.label
            )
        return self._kept()

    def _kept(self) -> str:
        assert self.step is not None
        return _("Step {step} {name} is left as it is: {why}.").format(
            step=int(self.step), name=self.step.label, why=self.kept_because
        )


def judge(session: Session, assessment: Assessment) -> StepUndo:
    """What cancelling ``assessment`` would do to the step its start started (nothing is
    written)."""
    return _plan(session, assessment)[0]


def undo_start(session: Session, assessment: Assessment, day: date) -> StepUndo:
    """Restore the step the assessment started, if nothing else happened to it since; the
    undo is kept in the step's history and the audit log."""
    verdict, started, row = _plan(session, assessment)
    if not verdict.undone or started is None or row is None or verdict.step is None:
        return verdict
    now = step_history.snapshot(row)
    _restore(row, started.before or {})
    session.add(row)
    session.flush()
    step_history.record(
        session,
        assessment.location_id,
        verdict.step,
        step_history.START_UNDONE,
        day,
        assessment_id=assessment.id,
        before=now,
        after=step_history.snapshot(row),
    )
    audit.log(
        session,
        "step_start_undone",
        "location",
        assessment.location_id,
        step=int(verdict.step),
        assessment=assessment.id,
    )
    return verdict


def _plan(
    session: Session, assessment: Assessment
) -> tuple[StepUndo, StepEvent | None, CycleStep | None]:
    started = session.exec(
        select(StepEvent)
        .where(
            StepEvent.assessment_id == assessment.id,
            StepEvent.event == step_history.STARTED,
        )
        .order_by(col(StepEvent.id).desc())
    ).first()
    if started is None:
        return StepUndo(None, False), None, None
    step = Step(started.step)
    row = session.exec(
        select(CycleStep).where(
            CycleStep.location_id == assessment.location_id, CycleStep.step == started.step
        )
    ).first()
    why = _why_kept(session, assessment, started, row)
    return StepUndo(step, not why, why), started, row


def _why_kept(
    session: Session, assessment: Assessment, started: StepEvent, row: CycleStep | None
) -> str:
    """Why the step's start is not undone ("" when it may be)."""
    later = session.exec(
        select(StepEvent).where(
            StepEvent.location_id == started.location_id,
            StepEvent.step == started.step,
            col(StepEvent.id) > started.id,
        )
    ).first()
    if later is not None:
        return _("it was {event} on {day} after this assessment started it").format(
            event=step_event_label(later.event), day=later.day.strftime("%d-%m-%Y")
        )
    if row is None or step_history.snapshot(row) != started.after:
        return _("it was changed after this assessment started it")
    other = _other_assessment(session, assessment, Step(started.step))
    if other is not None:
        return _("{kind} #{id} was started for it since").format(kind=other.kind.label, id=other.id)
    return ""


def _other_assessment(session: Session, assessment: Assessment, step: Step) -> Assessment | None:
    """A later assessment at the location, not cancelled, whose kind belongs to ``step``."""
    from qaudit.services.trajectory import KIND_STEP

    kinds = [kind for kind, of in KIND_STEP.items() if of is step]
    return session.exec(
        select(Assessment)
        .where(
            Assessment.location_id == assessment.location_id,
            col(Assessment.kind).in_(kinds),
            col(Assessment.id) > assessment.id,
            Assessment.status != AssessmentStatus.CANCELLED,
        )
        .order_by(col(Assessment.id))
    ).first()


def _restore(row: CycleStep, before: dict[str, Any]) -> None:
    """Put the step's fields back as ``before`` has them (see ``step_history.snapshot``)."""
    row.status = StepStatus(before.get("status") or StepStatus.NOT_STARTED.value)
    row.started_on = _day(before.get("started_on"))
    row.completed_on = _day(before.get("completed_on"))
    row.person_id = before.get("person_id")
    decision = before.get("decision")
    row.decision = MtDecision(decision) if decision else None
    row.notes = before.get("notes") or ""


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
