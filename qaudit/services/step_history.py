"""A step's history: every start, completion and reopening, kept with its date.

The step's own ``completed_on`` is its first completion; completing a reopened step again
adds an event here instead of replacing that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from qaudit.domain.enums import Step, StepEventKind, StepStatus
from qaudit.domain.models import CycleStep, StepEvent
from qaudit.services import audit

STARTED = StepEventKind.STARTED
COMPLETED = StepEventKind.COMPLETED
REOPENED = StepEventKind.REOPENED
START_UNDONE = StepEventKind.START_UNDONE


@dataclass(frozen=True)
class StepEventRow:
    step: Step
    event: str
    day: date
    actor: str


def event_for(before: StepStatus | None, after: StepStatus) -> str | None:
    """The history event of a status change (None: nothing to keep)."""
    if after is StepStatus.DONE and before is not StepStatus.DONE:
        return COMPLETED
    if after is StepStatus.IN_PROGRESS and before is StepStatus.DONE:
        return REOPENED
    if after is StepStatus.IN_PROGRESS and before in (None, StepStatus.NOT_STARTED):
        return STARTED
    return None


def record(
    session: Session,
    location_id: int,
    step: Step,
    event: str,
    day: date,
    *,
    assessment_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Keep an event; an undoable one (a start made by an assessment) with the assessment
    and the step as it was before and after."""
    session.add(
        StepEvent(
            location_id=location_id,
            step=int(step),
            event=event,
            day=day,
            actor=audit.current_actor(session),
            assessment_id=assessment_id,
            before=before,
            after=after,
        )
    )


def snapshot(row: CycleStep) -> dict[str, Any]:
    """The step's fields as plain JSON values (a step without a row: not started)."""
    return {
        "status": _value(row.status or StepStatus.NOT_STARTED),
        "started_on": row.started_on.isoformat() if row.started_on else None,
        "completed_on": row.completed_on.isoformat() if row.completed_on else None,
        "person_id": row.person_id,
        "decision": _value(row.decision) if row.decision else None,
        "notes": row.notes or "",
    }


def history(session: Session, location_id: int) -> dict[Step, tuple[StepEventRow, ...]]:
    """Per step, its events oldest first."""
    out: dict[Step, list[StepEventRow]] = {}
    for row in session.exec(
        select(StepEvent)
        .where(StepEvent.location_id == location_id)
        .order_by(col(StepEvent.day), col(StepEvent.id))
    ):
        step = Step(row.step)
        out.setdefault(step, []).append(StepEventRow(step, row.event, row.day, row.actor))
    return {step: tuple(rows) for step, rows in out.items()}


def _value(member: Any) -> Any:
    """An enum's stored value (SQLAlchemy may hand back the enum or its value)."""
    return getattr(member, "value", member)
