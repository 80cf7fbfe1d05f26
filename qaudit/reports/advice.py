"""The quality advice letter (kwaliteitsadvies) to the board, after an audit or a Cirkel."""

from __future__ import annotations

from qaudit.domain.enums import AssessmentKind
from qaudit.domain.scoring import tally
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
from qaudit.reports.formatting import Formatter, clean
from qaudit.reports.promises import points_per_promise
from qaudit.reports.wording import advice, occasion_the, verdict_sentence


def build_context(data: AssessmentReport, fmt: Formatter) -> Context:
    a = data.assessment
    spec = a.spec
    judged = verdict(spec, a.results)
    is_cirkel = a.kind is AssessmentKind.CIRKEL
    promise_points = {
        p.id: p for points in points_per_promise(spec, data.promises).values() for p in points
    }
    promises = tally(list(promise_points.values()), a.results) if is_cirkel else None
    context = cover(data, fmt, _("Quality advice"))
    sections = score_sections(judged, spec, fmt, a.results)
    context.update(
        is_audit=a.kind is AssessmentKind.AUDIT_VISIT,
        is_cirkel=is_cirkel,
        occasion=a.kind.label,
        occasion_the=occasion_the(a.kind),
        dates={
            "assessment": fmt.date(a.started_on),
            "closed": fmt.date(a.closed_at) if a.closed_at else _("still open"),
        },
        **sections,
        verdict_sentence=verdict_sentence(judged.outcome),
        critical_failed=basis.critical_failed(spec, a, None, judged.score.overall.critical_failed),
        quality_advice=clean(a.quality_advice),
        advice=advice(a.kind, judged.outcome, clean(a.quality_advice), data.events, fmt, promises),
        **basis.findings(data, spec),
        actions=basis.actions(data, fmt),
        next_steps=next_steps(data, fmt, judged.outcome),
    )
    return context
