"""What is recorded during a visit: interviews, findings, recommendations, quality advice,
improvement actions; and closing the visit with its verdict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain.cycle import gate
from qaudit.domain.enums import (
    ActionStatus,
    AssessmentKind,
    FindingKind,
    InterviewGroup,
    StepStatus,
)
from qaudit.domain.models import (
    Assessment,
    Finding,
    ImprovementAction,
    Interview,
    Location,
    Recommendation,
)
from qaudit.domain.verdict import Outcome, Verdict
from qaudit.errors import NotFound, QauditError
from qaudit.services import access, assessments, audit, checklists, locations
from qaudit.services.trajectory import KIND_STEP
from qaudit.storage import transaction


@dataclass(frozen=True)
class VisitRecord:
    assessment: Assessment
    location: Location
    interviews: tuple[Interview, ...]
    findings: tuple[Finding, ...]
    recommendations: tuple[Recommendation, ...]
    actions: tuple[ImprovementAction, ...]
    verdict: Verdict


def visit_record(session: Session, assessment_id: int) -> VisitRecord:
    access.require_assessment(session, assessment_id)
    visit = assessments.get(session, assessment_id)
    location = locations.get(session, visit.location_id)

    interviews = session.exec(
        select(Interview)
        .where(Interview.assessment_id == assessment_id)
        .order_by(col(Interview.held_on), col(Interview.id))
    ).all()
    if not access.scope(session).can_read_interviews(assessment_id):
        interviews = []  # a location's own people never read the auditor's interview notes
    findings = session.exec(
        select(Finding).where(Finding.assessment_id == assessment_id).order_by(col(Finding.id))
    )
    advice = session.exec(
        select(Recommendation)
        .where(Recommendation.assessment_id == assessment_id)
        .order_by(col(Recommendation.id))
    )
    actions = session.exec(
        select(ImprovementAction)
        .where(ImprovementAction.assessment_id == assessment_id)
        .order_by(col(ImprovementAction.id))
    )
    return VisitRecord(
        visit,
        location,
        tuple(interviews),
        tuple(findings),
        tuple(advice),
        tuple(actions),
        assessments.verdict_of(session, visit),
    )


def _open_visit(session: Session, assessment_id: int) -> Assessment:
    access.require_assessment(session, assessment_id, write=True)
    visit = assessments.get(session, assessment_id)
    assessments.ensure_open(visit)
    return visit


def add_interview(
    engine: Engine,
    assessment_id: int,
    group: InterviewGroup,
    participants: int,
    held_on: date,
    notes: str,
) -> Interview:
    if participants < 0:
        raise QauditError(f"interview: participants must be 0 or more, not {participants}")
    with transaction(engine) as session:
        _open_visit(session, assessment_id)
        interview = Interview(
            assessment_id=assessment_id,
            group=group,
            participants=participants,
            held_on=held_on,
            notes=notes.strip(),
        )
        session.add(interview)
        session.flush()
        audit.log(session, "interview", "assessment", assessment_id, group=group.value)
        return interview


def add_finding(
    engine: Engine, assessment_id: int, kind: FindingKind, text: str, point_ids: list[str]
) -> Finding:
    if not text.strip():
        raise QauditError("finding: the text is empty")
    with transaction(engine) as session:
        visit = _open_visit(session, assessment_id)
        spec = checklists.spec_of_assessment(session, visit)
        for point_id in point_ids:
            if point_id not in spec.point_index:
                raise NotFound(
                    f"finding: checklist '{spec.id}' {spec.version} has no point '{point_id}'"
                )
        finding = Finding(
            assessment_id=assessment_id, kind=kind, text=text.strip(), point_ids=list(point_ids)
        )
        session.add(finding)
        session.flush()
        audit.log(session, "finding", "assessment", assessment_id, kind=kind.value)
        return finding


def add_recommendation(
    engine: Engine, assessment_id: int, text: str, finding_id: int | None = None
) -> Recommendation:
    if not text.strip():
        raise QauditError("recommendation: the text is empty")
    with transaction(engine) as session:
        access.require_assessment(session, assessment_id, write=True)
        assessments.get(session, assessment_id)
        if finding_id is not None and session.get(Finding, finding_id) is None:
            raise NotFound(f"recommendation: no finding with id {finding_id}")
        row = Recommendation(assessment_id=assessment_id, finding_id=finding_id, text=text.strip())
        session.add(row)
        session.flush()
        audit.log(session, "recommendation", "assessment", assessment_id)
        return row


def set_quality_advice(engine: Engine, assessment_id: int, text: str) -> None:
    with transaction(engine) as session:
        access.require_assessment(session, assessment_id, write=True)
        visit = assessments.get(session, assessment_id)
        visit.quality_advice = text.strip()
        session.add(visit)
        audit.log(session, "quality_advice", "assessment", assessment_id)


def set_summary(engine: Engine, assessment_id: int, text: str) -> None:
    with transaction(engine) as session:
        access.require_assessment(session, assessment_id, write=True)
        visit = assessments.get(session, assessment_id)
        visit.summary = text.strip()
        session.add(visit)
        audit.log(session, "summary", "assessment", assessment_id)


def add_action(
    engine: Engine,
    location_id: int,
    title: str,
    *,
    owner: str = "",
    deadline: date | None = None,
    assessment_id: int | None = None,
    promise_id: str | None = None,
) -> ImprovementAction:
    if not title.strip():
        raise QauditError("improvement action: the title is empty")
    with transaction(engine) as session:
        access.require_location(session, location_id, write=True)
        locations.get(session, location_id)
        action = ImprovementAction(
            location_id=location_id,
            assessment_id=assessment_id,
            promise_id=promise_id,
            title=title.strip(),
            owner=owner.strip(),
            deadline=deadline,
        )
        session.add(action)
        session.flush()
        audit.log(session, "action", "location", location_id, title=action.title)
        return action


def set_action_status(engine: Engine, action_id: int, status: ActionStatus) -> None:
    with transaction(engine) as session:
        action = session.get(ImprovementAction, action_id)
        if action is None:
            raise NotFound(f"no improvement action with id {action_id}")
        access.require_location(session, action.location_id, write=True)
        action.status = status
        session.add(action)
        audit.log(session, "action_status", "action", action_id, status=status.value)


def close_visit(engine: Engine, assessment_id: int, *, today: date) -> Verdict:
    """Close the assessment (its answers are locked from now on) and record its verdict.

    A sufficient audit visit completes step 4; a visitation or Cirkel assessment completes
    its step when the cycle's gates allow it.
    """
    return assessments.retry_when_locked(lambda: _close_visit(engine, assessment_id, today))


def _close_visit(engine: Engine, assessment_id: int, today: date) -> Verdict:
    with transaction(engine) as session:
        access.require_assessment(session, assessment_id, write=True)
        visit = assessments.close_in(session, assessment_id)
        judged = assessments.verdict_of(session, visit)
        step = KIND_STEP[visit.kind]
        completes = visit.kind is not AssessmentKind.SELF_EVALUATION and (
            visit.kind is not AssessmentKind.AUDIT_VISIT or judged.outcome is Outcome.SUFFICIENT
        )
        session.flush()
        state = locations.cycle_state(session, visit.location_id)
        if completes and not state.done(step) and gate(step, state).allowed:
            locations.set_step(session, visit.location_id, step, StepStatus.DONE, on=today)
        return judged
