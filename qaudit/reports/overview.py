"""The cooperative overview: every location, its step, its scores and the events ahead."""

from __future__ import annotations

from collections import Counter

from qaudit.domain.enums import Step
from qaudit.domain.verdict import Outcome
from qaudit.i18n import _
from qaudit.reports.chart import Bar, bar_chart
from qaudit.reports.common import Context, event_context
from qaudit.reports.data import LocationSummary, OverviewReport
from qaudit.reports.formatting import Formatter, clean
from qaudit.reports.wording import not_yet


def build_context(data: OverviewReport, fmt: Formatter) -> Context:
    rows = [_location(item, fmt) for item in data.locations]
    steps = Counter(item.step for item in data.locations)
    outcomes = Counter(item.basis_outcome for item in data.locations if item.basis_outcome)
    events = [event_context(e, fmt, data.today) for e in data.events]
    bars = [
        Bar(
            f"{item.location.code} {clean(item.location.name)}",
            item.basis_percent,
            None if item.basis_outcome is None else item.basis_outcome is Outcome.SUFFICIENT,
        )
        for item in data.locations
        if item.basis_percent is not None
    ]
    return {
        "title": _("Cooperative overview"),
        "report_date": fmt.date(data.today),
        "draft": False,
        "draft_mark": "",
        "draft_reason": "",
        "cooperative": clean(data.cooperative),
        "locations": rows,
        "counts": {
            "locations": len(rows),
            "organisations": len({item.organisation for item in data.locations}),
            "sufficient": outcomes[Outcome.SUFFICIENT],
            "insufficient": outcomes[Outcome.INSUFFICIENT],
            "without_verdict": len(rows)
            - outcomes[Outcome.SUFFICIENT]
            - outcomes[Outcome.INSUFFICIENT],
            "events": len(events),
            "overdue": sum(1 for e in events if e["overdue"]),
        },
        "steps": [{"step": int(step), "label": step.label, "count": steps[step]} for step in Step],
        "events": events,
        "overdue_events": [e for e in events if e["overdue"]],
        "has_scores": bool(bars),
        "chart": bar_chart(
            bars,
            value_text=lambda v: fmt.percent(v) if v is not None else not_yet(),
            description=_("Latest Basis op orde score per location"),
        ),
    }


def _location(item: LocationSummary, fmt: Formatter) -> Context:
    progress = _("no assessment in progress")
    if item.open_kind is not None and item.open_total:
        progress = _("{kind}: {answered} of {total} answered").format(
            kind=item.open_kind.label, answered=item.open_answered, total=item.open_total
        )
    return {
        "code": item.location.code,
        "name": clean(item.location.name),
        "city": clean(item.location.city),
        "region": item.location.region,
        "organisation": clean(item.organisation),
        "step": int(item.step),
        "step_label": item.step.label,
        "score": fmt.percent(item.basis_percent)
        if item.basis_percent is not None
        else _("no audit yet"),
        "verdict": item.basis_outcome.label if item.basis_outcome else _("no verdict yet"),
        "sufficient": item.basis_outcome is Outcome.SUFFICIENT,
        "assessed_on": fmt.date(item.basis_date) if item.basis_date else _("no audit yet"),
        "progress": progress,
    }
