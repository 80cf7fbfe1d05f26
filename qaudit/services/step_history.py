"""A step's history: every start, completion and reopening, kept with its date.

The step's own ``completed_on`` is its first completion; completing a reopened step again
adds an event here instead of replacing that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from qaudit.domain.enums import Step, StepStatus
from qaudit.domain.models import StepEvent
from qaudit.services import audit

STARTED = "started"
COMPLETED = "completed"
REOPENED = "reopened"


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


def record(session: Session, location_id: int, step: Step, event: str, day: date) -> None:
    session.add(
        StepEvent(
            location_id=location_id,
            step=int(step),
            event=event,
            day=day,
            actor=audit.current_actor(session),
        )
    )


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
