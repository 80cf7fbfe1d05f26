"""What the checklist screen shows of one assessment, read in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from qaudit.checklists import ChecklistSpec
from qaudit.domain.enums import AssessmentStatus, Result
from qaudit.services import assessments, checklists, evidence, locations, snapshots


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
    reference_notes: dict[str, str] = field(default_factory=dict)
    """The notes with the reference's answers (the self-evaluation's own words)."""
    evidence: dict[str, int] = field(default_factory=dict)
    """Per point: how many evidence files are attached."""


def checklist_view(session: Session, assessment_id: int) -> ChecklistView:
    assessment = assessments.get(session, assessment_id)
    spec = checklists.spec_of_assessment(session, assessment)
    rows = assessments.answers(session, assessment_id)
    results: dict[str, Result] = {
        k: a.result for k, a in rows.items() if a.result is not Result.NOT_ASSESSED
    }
    reference: dict[str, Result] = {}
    reference_notes: dict[str, str] = {}
    if assessment.reference_assessment_id is not None:
        kept = snapshots.reference_answers(session, assessment)
        if kept is not None:
            given = {k: (result, note) for k, (result, note, _evidence) in kept.items()}
        else:
            live_rows = assessments.answers(session, assessment.reference_assessment_id)
            given = {k: (a.result, a.note) for k, a in live_rows.items()}
        reference = {k: r for k, (r, _note) in given.items() if r is not Result.NOT_ASSESSED}
        reference_notes = {k: note for k, (_r, note) in given.items() if note}
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
        reference_notes=reference_notes,
        evidence=evidence.counts_by_point(session, assessment_id),
    )
