"""Read-only overviews for scripts and lists."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from qaudit.domain.models import Answer, Assessment, Location
from qaudit.domain.verdict import verdict
from qaudit.services import access, checklists


def assessment_rows(session: Session, location_id: int | None = None) -> list[dict[str, Any]]:
    """Every assessment (of one location) with its progress, score and verdict."""
    query = select(Assessment, Location).join(
        Location, col(Assessment.location_id) == col(Location.id)
    )
    if location_id is not None:
        query = query.where(Assessment.location_id == location_id)
    rows = session.exec(query.order_by(col(Assessment.id))).all()
    results: dict[int, dict] = {}
    for assessment_id, point_id, result in session.exec(
        select(Answer.assessment_id, Answer.point_id, Answer.result)
    ):
        results.setdefault(assessment_id, {})[point_id] = result
    out = []
    allowed = access.scope(session)
    for assessment, location in rows:
        assert assessment.id is not None
        if not allowed.can_read_assessment(assessment.id):
            continue
        spec = checklists.spec_of_assessment(session, assessment)
        judged = verdict(spec, results.get(assessment.id, {}))
        out.append(
            {
                "id": assessment.id,
                "location_id": location.id,
                "location": location.name,
                "kind": assessment.kind.value,
                "kind_name": assessment.kind.label,
                "status": assessment.status.value,
                "status_name": assessment.status.label,
                "started_on": assessment.started_on.isoformat(),
                "checklist": f"{spec.id} {spec.version}",
                "points": judged.score.overall.total,
                "answered": judged.score.overall.answered,
                "percent": judged.score.overall.percent,
                "verdict": judged.outcome.value,
                "verdict_name": judged.outcome.label_for(spec.kind),
            }
        )
    return out
