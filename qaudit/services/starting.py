"""What starting an assessment will do, asked before it is done; one open one per kind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from qaudit.domain.cycle import gate
from qaudit.domain.enums import AssessmentKind, AssessmentStatus, StepStatus
from qaudit.domain.models import Assessment
from qaudit.errors import Refused
from qaudit.i18n import _
from qaudit.services import access, assessments, locations


@dataclass(frozen=True)
class OpenWork:
    """An open assessment and how far it is."""

    id: int
    kind: AssessmentKind
    started_on: date
    answered: int
    total: int


@dataclass(frozen=True)
class StartPreview:
    location_code: str
    kind: AssessmentKind
    open_same: OpenWork | None
    """An open assessment of the same kind: starting is refused while it is open."""
    open_other: tuple[OpenWork, ...]
    blocked: str
    """Why the cycle's gates refuse it ("" when allowed)."""
    starts_step: bool
    """The step of the assessment is started with it."""


def open_work(session: Session, location_id: int) -> list[OpenWork]:
    """The location's open assessments, newest first, with their answered points."""
    found = session.exec(
        select(Assessment)
        .where(Assessment.location_id == location_id, Assessment.status == AssessmentStatus.OPEN)
        .order_by(col(Assessment.started_on).desc(), col(Assessment.id).desc())
    ).all()
    out = []
    for a in found:
        assert a.id is not None
        overall = assessments.verdict_of(session, a).score.overall
        out.append(OpenWork(a.id, a.kind, a.started_on, overall.answered, overall.total))
    return out


def preview(session: Session, location_id: int, kind: AssessmentKind) -> StartPreview:
    """What starting ``kind`` at the location would do (nothing is written)."""
    from qaudit.services.trajectory import KIND_STEP

    access.require_location(session, location_id)
    location = locations.get(session, location_id)
    work = open_work(session, location_id)
    same = next((w for w in work if w.kind is kind), None)
    state = locations.cycle_state(session, location_id)
    step = KIND_STEP[kind]
    allowed = gate(step, state)
    return StartPreview(
        location.code,
        kind,
        same,
        tuple(w for w in work if w.kind is not kind),
        "" if allowed.allowed else allowed.reason,
        state.status(step) is StepStatus.NOT_STARTED,
    )


def refuse_second(session: Session, location_id: int, kind: AssessmentKind) -> None:
    """Refuse a second open assessment of one kind at a location (a key pressed twice)."""
    same = session.exec(
        select(Assessment.id).where(
            Assessment.location_id == location_id,
            Assessment.kind == kind,
            Assessment.status == AssessmentStatus.OPEN,
        )
    ).first()
    if same is not None:
        message = _(
            "location {location} already has an open {kind} (assessment {id}); "
            "close or cancel it before starting another"
        )
        code = locations.get(session, location_id).code
        raise Refused(message.format(location=code, kind=kind.label, id=same))
