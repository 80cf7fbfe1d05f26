"""The quality advice letter (kwaliteitsadvies) to the board, after an audit or a Cirkel."""

from __future__ import annotations

from qaudit.domain.enums import AssessmentKind
from qaudit.domain.verdict import verdict
from qaudit.i18n import _
from qaudit.reports import basis
from qaudit.reports.common import (
    Context,
    cover,
    next_steps,
    score_sections,
)
from qaudit.reports.data import AssessmentReport
from qaudit.reports.formatting import MISSING, Formatter, clean


def build_context(data: AssessmentReport, fmt: Formatter) -> Context:
    a = data.assessment
    spec = a.spec
    judged = verdict(spec, a.results)
    context = cover(data, fmt, _("Quality advice"))
    context.update(
        is_audit=a.kind is AssessmentKind.AUDIT_VISIT,
        is_cirkel=a.kind is AssessmentKind.CIRKEL,
        occasion=a.kind.label,
        dates={
            "assessment": fmt.date(a.started_on),
            "closed": fmt.date(a.closed_at) if a.closed_at else MISSING,
        },
        **score_sections(judged, spec, fmt),
        critical_failed=basis.critical_failed(spec, a, None, judged.score.overall.critical_failed),
        quality_advice=clean(a.quality_advice),
        **basis.findings(data, spec),
        actions=basis.actions(data, fmt),
        next_steps=next_steps(data, fmt),
    )
    return context
