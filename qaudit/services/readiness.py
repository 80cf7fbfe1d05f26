"""The readiness scan of a location and what step 2's decision learns from it."""

from __future__ import annotations

from sqlmodel import Session, col, select

from qaudit.checklists import ReadinessSpec
from qaudit.domain.enums import AssessmentKind, AssessmentStatus
from qaudit.domain.models import Assessment
from qaudit.domain.readiness import ReadinessResult, readiness
from qaudit.services import assessments, checklists


def latest_scan(session: Session, location_id: int) -> Assessment | None:
    return session.exec(
        select(Assessment)
        .where(
            Assessment.location_id == location_id,
            Assessment.kind == AssessmentKind.READINESS_SCAN,
            col(Assessment.status) != AssessmentStatus.CANCELLED,
        )
        .order_by(col(Assessment.started_on).desc(), col(Assessment.id).desc())
    ).first()


def result_of(session: Session, location_id: int) -> ReadinessResult | None:
    """The result per dimension of the location's latest readiness scan (None: no scan)."""
    scan = latest_scan(session, location_id)
    if scan is None or scan.id is None:
        return None
    spec = checklists.spec_of_assessment(session, scan)
    if not isinstance(spec, ReadinessSpec):  # pragma: no cover - guaranteed by its kind
        return None
    return readiness(spec, assessments.results(session, scan.id), scan.id)
