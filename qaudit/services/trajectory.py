"""One location's trajectory: its ten steps (with the gates' reasons) and its assessments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.checklists import Catalogue
from qaudit.domain.cycle import CycleState, Gate, gate
from qaudit.domain.enums import AssessmentKind, AssessmentStatus, MtDecision, Step, StepStatus
from qaudit.domain.models import Assessment, CycleStep, Membership, Organisation, Person
from qaudit.domain.verdict import Outcome
from qaudit.errors import QauditError, Refused
from qaudit.services import (
    access,
    assessments,
    audit,
    locations,
    readiness,
    schedule_status,
    starting,
    step_history,
    work_people,
)
from qaudit.storage import transaction

KIND_STEP = {
    AssessmentKind.SELF_EVALUATION: Step.BASIS,
    AssessmentKind.AUDIT_VISIT: Step.BASIS,
    AssessmentKind.VISITATION: Step.VISITATION,
    AssessmentKind.CIRKEL: Step.CIRKEL,
    AssessmentKind.READINESS_SCAN: Step.MT_SESSION,
}


@dataclass(frozen=True)
class StepRow:
    step: Step
    status: StepStatus
    started_on: date | None
    completed_on: date | None
    person: str
    decision: MtDecision | None
    notes: str
    gate: Gate
    history: tuple[step_history.StepEventRow, ...] = ()
    """Every start, completion and reopening, oldest first."""


@dataclass(frozen=True)
class AssessmentRow:
    id: int
    kind: AssessmentKind
    status: AssessmentStatus
    started_on: date
    answered: int
    total: int
    percent: float | None
    outcome: Outcome
    reference_id: int | None


@dataclass(frozen=True)
class Trajectory:
    location_id: int
    code: str
    name: str
    organisation_id: int
    organisation: str
    member: bool
    state: CycleState
    steps: tuple[StepRow, ...]
    assessments: tuple[AssessmentRow, ...]


def trajectory(session: Session, location_id: int) -> Trajectory:
    access.require_location(session, location_id)
    location = locations.get(session, location_id)
    organisation = session.get(Organisation, location.organisation_id)
    assert organisation is not None and location.id is not None
    state = locations.cycle_state(session, location_id)
    rows = {
        s.step: s
        for s in session.exec(select(CycleStep).where(CycleStep.location_id == location_id))
    }
    names = {
        p.id: p.name
        for p in session.exec(
            select(Person).where(
                col(Person.id).in_([r.person_id for r in rows.values() if r.person_id])
            )
        )
    }
    workers = work_people.step_people(session, location_id)
    events = step_history.history(session, location_id)
    steps = tuple(
        replace(
            _step_row(step, rows.get(int(step)), names, state, workers.get(step, "")),
            history=events.get(step, ()),
        )
        for step in Step
    )
    return Trajectory(
        location.id,
        location.code,
        location.name,
        organisation.id or 0,
        organisation.name,
        state.member,
        state,
        steps,
        tuple(assessment_rows(session, location_id)),
    )


def _step_row(
    step: Step,
    row: CycleStep | None,
    names: dict[int | None, str],
    state: CycleState,
    workers: str = "",
) -> StepRow:
    """``workers``: who did the step's latest assessment, when the step names nobody."""
    if row is None:
        return StepRow(step, StepStatus.NOT_STARTED, None, None, "", None, "", gate(step, state))
    return StepRow(
        step,
        row.status,
        row.started_on,
        row.completed_on,
        names.get(row.person_id, "") or workers,
        row.decision,
        row.notes,
        gate(step, state),
    )


def assessment_rows(session: Session, location_id: int) -> list[AssessmentRow]:
    found = session.exec(
        select(Assessment)
        .where(Assessment.location_id == location_id)
        .order_by(col(Assessment.started_on).desc(), col(Assessment.id).desc())
    )
    out = []
    for a in found:
        assert a.id is not None
        judged = assessments.verdict_of(session, a)
        overall = judged.score.overall
        out.append(
            AssessmentRow(
                a.id,
                a.kind,
                a.status,
                a.started_on,
                overall.answered,
                overall.total,
                overall.percent,
                judged.outcome,
                a.reference_assessment_id,
            )
        )
    return out


def set_step(
    engine: Engine,
    location_id: int,
    step: Step,
    status: StepStatus,
    *,
    on: date,
    decision: MtDecision | None = None,
    notes: str | None = None,
) -> tuple[str, ...]:
    """Start or complete a step; completing step 2 returns (and records) readiness warnings."""
    with transaction(engine) as session:
        access.require_location(session, location_id, write=True)
        warnings: tuple[str, ...] = ()
        if step is Step.MT_SESSION and status is StepStatus.DONE:
            scan = readiness.result_of(session, location_id)
            warnings = scan.warnings if scan is not None else ()
        if warnings:
            kept = notes if notes is not None else _existing_notes(session, location_id, step)
            notes = "\n".join([kept, *warnings]).strip()
        locations.set_step(
            session, location_id, step, status, on=on, decision=decision, notes=notes
        )
        if warnings:
            audit.log(session, "readiness_warning", "location", location_id, warnings=warnings)
        return warnings


def _existing_notes(session: Session, location_id: int, step: Step) -> str:
    row = session.exec(
        select(CycleStep).where(CycleStep.location_id == location_id, CycleStep.step == int(step))
    ).first()
    return row.notes if row is not None else ""


def record_membership(
    engine: Engine, organisation_id: int, member_number: str, start_date: date
) -> None:
    """Record the organisation's membership (step 3) and mark the step done."""
    number = member_number.strip()
    if not number:
        raise QauditError("membership: the member number is empty")
    with transaction(engine) as session:
        access.require_staff(session)
        taken = session.exec(select(Membership).where(Membership.member_number == number)).first()
        if taken is not None:
            raise Refused(f"member number '{number}' is already in use (membership {taken.id})")
        session.add(
            Membership(organisation_id=organisation_id, member_number=number, start_date=start_date)
        )
        session.flush()
        audit.log(session, "membership", "organisation", organisation_id, number=number)
        for location in locations.list_locations(session):
            if location.organisation_id == organisation_id:
                locations.set_step(
                    session, location.id, Step.MEMBERSHIP, StepStatus.DONE, on=start_date
                )


def start_assessment(
    engine: Engine,
    location_id: int,
    kind: AssessmentKind,
    *,
    today: date,
    catalogue: Catalogue | None = None,
    people: Sequence[int] = (),
) -> int:
    """A new assessment; its step is started (if the gates allow it) in the same transaction.

    An audit visit is compared with the location's latest self-evaluation. ``people`` (person
    ids) do the work: auditors, peer visitors or assessors; a Cirkel's team must be
    independent of the organisation. A visitation or Cirkel holds the location's planned event
    of its kind (``schedule_status.link_started``): the event is done, linked, and lends the
    assessment its peer organisation and (when no ``people`` are named) its team.
    """
    with transaction(engine) as session:
        access.require_start(session, kind.value, location_id)
        step = KIND_STEP[kind]
        state = locations.cycle_state(session, location_id)
        allowed = gate(step, state)
        if not allowed.allowed:
            raise Refused(allowed.reason)
        starting.refuse_second(session, location_id, kind)
        reference = None
        if kind is AssessmentKind.AUDIT_VISIT:
            reference = latest_of_kind(session, location_id, AssessmentKind.SELF_EVALUATION)
        created = assessments.start(
            session,
            location_id,
            kind,
            started_on=today,
            catalogue=catalogue,
            reference_assessment_id=reference,
        )
        _event, people = schedule_status.link_started(session, created, people)
        if people:
            work_people.record_people(session, created, people)
        assert created.id is not None
        if state.status(step) is StepStatus.NOT_STARTED:
            lead = people[0] if people else None
            locations.set_step(
                session,
                location_id,
                step,
                StepStatus.IN_PROGRESS,
                on=today,
                person_id=lead,
                assessment_id=created.id,
            )
        return created.id


def latest_of_kind(session: Session, location_id: int, kind: AssessmentKind) -> int | None:
    return session.exec(
        select(Assessment.id)
        .where(
            Assessment.location_id == location_id,
            Assessment.kind == kind,
            col(Assessment.status) != AssessmentStatus.CANCELLED,
        )
        .order_by(col(Assessment.started_on).desc(), col(Assessment.id).desc())
    ).first()
