"""Locations and their place in the cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from qaudit.domain.cycle import CycleState, gate
from qaudit.domain.enums import AssessmentKind, AssessmentStatus, MtDecision, Step, StepStatus
from qaudit.domain.models import Assessment, CycleStep, Location, Membership, Organisation
from qaudit.domain.verdict import Outcome
from qaudit.errors import NotFound, Refused
from qaudit.i18n import _
from qaudit.services import access, audit, step_history

BASIS_KINDS = (AssessmentKind.AUDIT_VISIT, AssessmentKind.CIRKEL)


@dataclass(frozen=True)
class LocationRow:
    id: int
    code: str
    name: str
    organisation_id: int
    organisation: str
    city: str
    region: str
    step: Step

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "organisation_id": self.organisation_id,
            "organisation": self.organisation,
            "city": self.city,
            "region": self.region,
            "step": int(self.step),
            "step_name": self.step.label,
        }


def get(session: Session, location_id: int) -> Location:
    location = session.get(Location, location_id)
    if location is None:
        raise NotFound(_("no location with id {id}").format(id=location_id))
    return location


def readable(session: Session, location_id: int) -> Location:
    """The location, if the login may see it (a refusal names it otherwise)."""
    location = get(session, location_id)
    access.require_location(session, location_id)
    return location


def writable(session: Session, location_id: int) -> Location:
    """The location, if the login may change its records (a refusal names it otherwise)."""
    location = get(session, location_id)
    access.require_location(session, location_id, write=True)
    return location


def scoped(session: Session, query: Any, column: Any, location_id: int | None) -> Any:
    """``query`` limited to one location (refused, naming it, if the login may not see it)
    or, without one, to the locations the login may see."""
    if location_id is not None:
        readable(session, location_id)
        return query.where(column == location_id)
    visible = access.visible_locations(session)
    return query if visible is None else query.where(col(column).in_(visible))


def list_locations(session: Session) -> list[LocationRow]:
    rows = session.exec(
        select(Location, Organisation)
        .join(Organisation, col(Location.organisation_id) == col(Organisation.id))
        .order_by(col(Location.code))
    ).all()
    statuses = _step_statuses(session)
    visible = access.visible_locations(session)
    result = []
    for location, organisation in rows:
        assert location.id is not None
        if visible is not None and location.id not in visible:
            continue
        state = CycleState(steps=statuses.get(location.id, {}))
        result.append(
            LocationRow(
                location.id,
                location.code,
                location.name,
                location.organisation_id,
                organisation.name,
                location.city,
                location.region,
                state.current_step,
            )
        )
    return result


def _step_statuses(session: Session) -> dict[int, dict[Step, StepStatus]]:
    statuses: dict[int, dict[Step, StepStatus]] = {}
    for location_id, step, status in session.exec(
        select(CycleStep.location_id, CycleStep.step, CycleStep.status)
    ):
        statuses.setdefault(location_id, {})[Step(step)] = StepStatus(status)
    return statuses


def is_member(session: Session, organisation_id: int, on: date | None = None) -> bool:
    day = on or date.today()
    for membership in session.exec(
        select(Membership).where(Membership.organisation_id == organisation_id)
    ):
        if membership.start_date <= day and (
            membership.end_date is None or membership.end_date >= day
        ):
            return True
    return False


def basis_outcome(session: Session, location_id: int) -> Outcome | None:
    """The verdict of the latest closed audit visit or Cirkel assessment (recorded at closing)."""
    latest = session.exec(
        select(Assessment)
        .where(
            Assessment.location_id == location_id,
            col(Assessment.kind).in_(BASIS_KINDS),
            Assessment.status == AssessmentStatus.CLOSED,
        )
        .order_by(col(Assessment.closed_at).desc(), col(Assessment.id).desc())
    ).first()
    return latest.outcome if latest else None


def cycle_state(session: Session, location_id: int) -> CycleState:
    location = get(session, location_id)
    steps = session.exec(select(CycleStep).where(CycleStep.location_id == location_id)).all()
    decision = next((s.decision for s in steps if s.step == Step.MT_SESSION), None)
    return CycleState(
        steps={Step(s.step): s.status for s in steps},
        mt_decision=MtDecision(decision) if decision else None,
        member=is_member(session, location.organisation_id),
        basis_outcome=basis_outcome(session, location_id),
    )


def set_step(
    session: Session,
    location_id: int,
    step: Step,
    status: StepStatus,
    *,
    on: date | None = None,
    person_id: int | None = None,
    decision: MtDecision | None = None,
    notes: str | None = None,
    actor: str | None = None,
    assessment_id: int | None = None,
) -> CycleStep:
    """Start or complete a step, if the cycle's gates allow it. ``assessment_id``: the
    assessment whose start starts the step (its cancelling may undo that start)."""
    if status is not StepStatus.NOT_STARTED:
        allowed = gate(step, cycle_state(session, location_id))
        if not allowed.allowed:
            raise Refused(allowed.reason)
    row = session.exec(
        select(CycleStep).where(CycleStep.location_id == location_id, CycleStep.step == int(step))
    ).first() or CycleStep(location_id=location_id, step=int(step))
    day = on or date.today()
    before = row.status if row.id is not None else None
    earlier = step_history.snapshot(row)
    row.status = status
    if status is not StepStatus.NOT_STARTED and row.started_on is None:
        row.started_on = day
    if status is StepStatus.DONE and row.completed_on is None:
        row.completed_on = day  # the first completion; later ones go to the history
    if person_id is None and row.person_id is None and status is not StepStatus.NOT_STARTED:
        person_id = access.identity(session).person_id  # who did it: the login's person
    if person_id is not None:
        row.person_id = person_id
    if decision is not None:
        row.decision = decision
    if notes is not None:
        row.notes = notes
    session.add(row)
    session.flush()
    event = step_history.event_for(before, status)
    if event is not None:
        undoable = assessment_id is not None and event == step_history.STARTED
        step_history.record(
            session,
            location_id,
            step,
            event,
            day,
            assessment_id=assessment_id if undoable else None,
            before=earlier if undoable else None,
            after=step_history.snapshot(row) if undoable else None,
        )
    audit.log(session, "step", "location", location_id, actor, step=int(step), status=status.value)
    return row
