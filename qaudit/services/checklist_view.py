"""What the checklist screen shows of one assessment, read in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from qaudit.checklists import ChecklistSpec
from qaudit.domain.enums import AssessmentStatus, Result
from qaudit.services import assessments, checklists, locations, snapshots


@dataclass(frozen=True)
class ChecklistView:
    spec: ChecklistSpec
    title: str
    closed: bool
    results: dict[str, Result]
    """The given answers (not "not assessed")."""
    notes: dict[str, str]
    reference: dict[str, Result]
    """The answers of the assessment this one is compared with."""
    has_reference: bool
    versions: dict[str, int] = field(default_factory=dict)
    """The version of each stored answer."""


def checklist_view(session: Session, assessment_id: int) -> ChecklistView:
    assessment = assessments.get(session, assessment_id)
    spec = checklists.spec_of_assessment(session, assessment)
    rows = assessments.answers(session, assessment_id)
    results: dict[str, Result] = {
        k: a.result for k, a in rows.items() if a.result is not Result.NOT_ASSESSED
    }
    reference: dict[str, Result] = {}
    if assessment.reference_assessment_id is not None:
        live = snapshots.reference_results(session, assessment)
        if live is None:
            live = assessments.results(session, assessment.reference_assessment_id)
        reference = {k: v for k, v in live.items() if v is not Result.NOT_ASSESSED}
    location = locations.get(session, assessment.location_id)
    title = f"{location.code} {location.name} · {assessment.kind.label} #{assessment_id}"
    return ChecklistView(
        spec,
        title,
        assessment.status is AssessmentStatus.CLOSED,
        results,
        {k: a.note for k, a in rows.items()},
        reference,
        assessment.reference_assessment_id is not None,
        versions={k: a.version for k, a in rows.items()},
    )
