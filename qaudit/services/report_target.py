"""Which Word report an assessment has, and its file name: one mapping, ``reports.kinds``."""

from __future__ import annotations

from sqlmodel import Session

from qaudit.domain.enums import AssessmentKind
from qaudit.errors import Refused
from qaudit.i18n import _
from qaudit.reports.kinds import KINDS
from qaudit.services import assessments, locations
from qaudit.services.reports import report_name


def report_of(kind: AssessmentKind) -> str | None:
    """The ``qaudit report`` kind made from an assessment of ``kind`` (None: there is none)."""
    return next((k.id for k in KINDS.values() if kind in k.assessment_kinds), None)


def report_target(session: Session, assessment_id: int) -> tuple[str, str]:
    """(report kind, file name) of the assessment's Word report; refused, saying where its
    result shows instead, when its kind has no report."""
    assessment = assessments.get(session, assessment_id)
    kind = report_of(assessment.kind)
    if kind is None:
        message = _("There is no Word report for a {kind}: its result shows at step 2.")
        raise Refused(message.format(kind=assessment.kind.label))
    code = locations.get(session, assessment.location_id).code
    return kind, report_name(kind, code, assessment_id)
