"""What a closed audit was compared with: the self-evaluation's answers, kept at the close.

The self-evaluation stays open and may change after the audit closed; the audit's list of
differences and its report read this snapshot instead, so they never change afterwards.
"""

from __future__ import annotations

from sqlmodel import Session, select

from qaudit.domain.enums import AssessmentStatus, Result
from qaudit.domain.models import Answer, Assessment, ReferenceAnswer
from qaudit.domain.models._base import id_of


def take(session: Session, assessment: Assessment) -> int:
    """Copy the reference's answers beside ``assessment``; the number of answers kept."""
    if assessment.reference_assessment_id is None:
        return 0
    rows = session.exec(
        select(Answer).where(Answer.assessment_id == assessment.reference_assessment_id)
    ).all()
    for row in rows:
        session.add(
            ReferenceAnswer(
                assessment_id=id_of(assessment),
                point_id=row.point_id,
                result=row.result,
                note=row.note,
                evidence=row.evidence,
            )
        )
    return len(rows)


def reference_answers(
    session: Session, assessment: Assessment
) -> dict[str, tuple[Result, str, str]] | None:
    """The reference answers a closed assessment keeps (result, note, evidence by point).

    None when the assessment is open (compare with the live reference then) or has none.
    """
    if (
        assessment.status is not AssessmentStatus.CLOSED
        or assessment.reference_assessment_id is None
    ):
        return None
    rows = session.exec(
        select(ReferenceAnswer).where(ReferenceAnswer.assessment_id == assessment.id)
    )
    return {r.point_id: (Result(r.result), r.note, r.evidence) for r in rows}


def reference_results(session: Session, assessment: Assessment) -> dict[str, Result] | None:
    kept = reference_answers(session, assessment)
    return None if kept is None else {point: answer[0] for point, answer in kept.items()}
