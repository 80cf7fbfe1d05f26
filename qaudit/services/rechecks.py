"""Re-checks (herbeoordeling) after "op orde onder voorwaarde", and a visitation's leervraag."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from qaudit.domain.enums import AssessmentStatus
from qaudit.domain.models import Assessment
from qaudit.domain.models.profile import LearningQuestion, Recheck
from qaudit.domain.recheck import failed_points, repair_due
from qaudit.domain.verdict import Outcome
from qaudit.errors import Refused
from qaudit.i18n import _
from qaudit.services import assessments, audit, checklists

DEFAULT_REPAIR_WEEKS = 13


def recheck_of(session: Session, assessment_id: int) -> Recheck | None:
    """The re-check row when ``assessment_id`` is itself a re-check."""
    return session.exec(select(Recheck).where(Recheck.assessment_id == assessment_id)).first()


def start_recheck(
    session: Session, assessment_id: int, *, started_on: date, actor: str | None = None
) -> Assessment:
    """A new assessment of only the points that failed in a conditional verdict."""
    original = assessments.get(session, assessment_id)
    if (
        original.status is not AssessmentStatus.CLOSED
        or original.outcome is not Outcome.CONDITIONAL
    ):
        raise Refused(
            _(
                "assessment {id} has no conditional verdict: only a closed assessment "
                "'in order on condition' gets a re-check"
            ).format(id=assessment_id)
        )
    done = session.exec(select(Recheck).where(Recheck.of_assessment_id == assessment_id)).first()
    if done is not None:
        raise Refused(
            _("assessment {id} already has its re-check: assessment {recheck}").format(
                id=assessment_id, recheck=done.assessment_id
            )
        )
    spec, results = assessments.spec_and_results(session, original)
    points = failed_points(spec, results)
    weeks = (
        spec.verdict.conditional.repair_weeks if spec.verdict.conditional else DEFAULT_REPAIR_WEEKS
    )
    closed_on = original.closed_at.date() if original.closed_at else started_on
    recheck = Assessment(
        location_id=original.location_id,
        kind=original.kind,
        started_on=started_on,
        checklist_version_id=original.checklist_version_id,
        reference_assessment_id=original.id,
    )
    session.add(recheck)
    session.flush()
    assert recheck.id is not None
    session.add(
        Recheck(
            assessment_id=recheck.id,
            of_assessment_id=assessment_id,
            point_ids=points,
            due_on=repair_due(closed_on, weeks),
        )
    )
    session.flush()
    audit.log(session, "recheck", "assessment", recheck.id, actor, of=assessment_id, points=points)
    return recheck


def set_learning_question(
    session: Session,
    assessment_id: int,
    *,
    question: str | None = None,
    answer: str | None = None,
    actor: str | None = None,
) -> LearningQuestion:
    """The location's leervraag: asked before the visit (no answers yet), answered after."""
    assessment = assessments.get(session, assessment_id)
    spec = checklists.spec_of_assessment(session, assessment)
    if not spec.learning_question:
        raise Refused(
            _("checklist '{id}' {version} has no learning question").format(
                id=spec.id, version=spec.version
            )
        )
    row = session.exec(
        select(LearningQuestion).where(LearningQuestion.assessment_id == assessment_id)
    ).first() or LearningQuestion(assessment_id=assessment_id)
    if question is not None:
        if assessments.results(session, assessment_id):
            raise Refused(
                _(
                    "assessment {id} already has answers: the learning question is recorded "
                    "before the visit"
                ).format(id=assessment_id)
            )
        if not question.strip():
            raise Refused(_("the learning question is empty"))
        row.question = question.strip()
    if answer is not None:
        if not row.question:
            raise Refused(_("record the learning question before its answer"))
        row.answer = answer.strip()
    session.add(row)
    session.flush()
    audit.log(session, "learning_question", "assessment", assessment_id, actor)
    return row


def learning_question(session: Session, assessment_id: int) -> LearningQuestion | None:
    return session.exec(
        select(LearningQuestion).where(LearningQuestion.assessment_id == assessment_id)
    ).first()
