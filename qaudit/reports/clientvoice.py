"""The client-experience report (``clientervaring``): plain data in, template fields out.

Every figure carries its 95 % interval and is marked indicative below the minimum number of
responses; charts show the NPS per quarter, the six parameters against their target and the
promises as perceived.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from qaudit.domain.clientvoice import Figure, Targets, action_check_label
from qaudit.domain.clientvoice_rhythm import Period, RhythmStatus, state_label
from qaudit.domain.clientvoice_summary import Figures
from qaudit.i18n import _
from qaudit.reports import clientvoice_charts as charts
from qaudit.reports.chart import ChartImage
from qaudit.reports.formatting import MISSING, Formatter, clean

Context = dict[str, Any]


@dataclass(frozen=True)
class UnitLine:
    name: str
    figures: Figures
    actions: int
    check: str


@dataclass(frozen=True)
class ComplaintLine:
    reference: str
    received: date
    subject: str
    due: date
    decided: date | None
    outcome: str
    overdue: bool


@dataclass(frozen=True)
class ActionLine:
    title: str
    source: str
    unit: str
    owner: str
    deadline: date | None
    status: str
    effect: str


@dataclass(frozen=True)
class ClientVoiceReport:
    """What the report is made from (gathered by ``qaudit.services.voice_report``)."""

    code: str
    name: str
    city: str
    organisation: str
    today: date
    period: Period
    targets: Targets
    figures: Figures
    titles: dict[str, str]
    trend: Sequence[tuple[Period, Figure]]
    units: Sequence[UnitLine]
    rhythm: Sequence[RhythmStatus]
    complaints: Sequence[ComplaintLine]
    actions: Sequence[ActionLine]
    aggregates: Sequence[tuple[str, str, float, int]]
    """(source, period, score, count) of scores published elsewhere."""


def verdict(figure: Figure) -> str:
    if figure.value is None:
        return MISSING
    if figure.indicative:
        return _("indicative (too few responses)")
    if figure.meets_target is None:
        return ""
    return _("above target") if figure.meets_target else _("below target")


def _figure(figure: Figure, fmt: Formatter, digits: int, unit: str = "") -> Context:
    interval = MISSING
    if figure.low is not None and figure.high is not None:
        interval = (
            f"{fmt.number(figure.low, digits)}{unit} – {fmt.number(figure.high, digits)}{unit}"
        )
    value = fmt.number(figure.value, digits) + (unit if figure.value is not None else "")
    return {
        "value": value,
        "interval": interval,
        "n": figure.n,
        "target": f"> {fmt.number(figure.target, digits)}{unit}" if figure.target else MISSING,
        "verdict": verdict(figure),
        "indicative": figure.indicative,
        "below": figure.meets_target is False,
    }


def build_context(data: ClientVoiceReport, fmt: Formatter) -> Context:
    f = data.figures
    overdue = [c for c in data.complaints if c.overdue]
    return {
        "title": _("Client experience"),
        "report_date": fmt.date(data.today),
        "draft": False,
        "draft_mark": "",
        "draft_reason": "",
        "location": {"name": clean(data.name), "code": data.code, "city": clean(data.city)},
        "organisation": {"name": clean(data.organisation)},
        "period": str(data.period),
        "period_from": fmt.date(data.period.start),
        "period_until": fmt.date(min(data.period.end, data.today)),
        "responses": f.responses,
        "min_responses": data.targets.min_responses,
        "indicative": f.responses < data.targets.min_responses,
        "groups": ", ".join(f"{g.label}: {n}" for g, n in f.groups.items()),
        "nps": _figure(f.nps, fmt, 0),
        "satisfaction": _figure(f.satisfaction, fmt, 2),
        "parameters": [
            {"label": p.label, **_figure(fig, fmt, 2)} for p, fig in f.parameters.items()
        ],
        "promises": [
            {
                "id": p.promise_id,
                "title": clean(data.titles.get(p.promise_id, "")),
                **_figure(p.kept, fmt, 0, "%"),
                "yes": p.tally.yes,
                "partly": p.tally.partly,
                "no": p.tally.no,
                "not_applicable": p.tally.not_applicable,
            }
            for p in f.promises
        ],
        "units": [_unit(u, fmt) for u in data.units],
        "rhythm": [_rhythm(s, fmt) for s in data.rhythm],
        "complaints": [_complaint(c, fmt) for c in data.complaints],
        "complaints_overdue": len(overdue),
        "actions": [_action(a, fmt) for a in data.actions],
        "aggregates": [
            {"source": clean(s), "period": p, "score": fmt.number(v, 1), "count": n}
            for s, p, v, n in data.aggregates
        ],
        "chart_trend": _trend_chart(data, fmt),
        "chart_parameters": _parameter_chart(data, fmt),
        "chart_promises": _promise_chart(data, fmt),
    }


def _unit(u: UnitLine, fmt: Formatter) -> Context:
    return {
        "name": clean(u.name),
        "responses": u.figures.responses,
        "nps": _figure(u.figures.nps, fmt, 0),
        "actions": u.actions,
        "check": action_check_label(u.check),
    }


def _rhythm(s: RhythmStatus, fmt: Formatter) -> Context:
    return {
        "kind": s.kind.label,
        "last_held": fmt.date(s.last_held),
        "window": str(s.window),
        "due": fmt.date(s.due_on),
        "state": state_label(s.state),
        "overdue": s.state == "overdue",
    }


def _complaint(c: ComplaintLine, fmt: Formatter) -> Context:
    return {
        "reference": clean(c.reference),
        "received": fmt.short_date(c.received),
        "subject": clean(c.subject) or MISSING,
        "due": fmt.short_date(c.due),
        "decided": fmt.short_date(c.decided),
        "outcome": c.outcome or MISSING,
        "overdue": c.overdue,
        "status": _("overdue") if c.overdue else (c.outcome or _("open")),
    }


def _action(a: ActionLine, fmt: Formatter) -> Context:
    return {
        "title": clean(a.title),
        "source": a.source,
        "unit": clean(a.unit) or MISSING,
        "owner": clean(a.owner) or MISSING,
        "deadline": fmt.short_date(a.deadline),
        "status": a.status,
        "effect": clean(a.effect) or MISSING,
    }


def _trend_chart(data: ClientVoiceReport, fmt: Formatter) -> ChartImage:
    columns = [
        charts.Value(str(p), f.value, f.low, f.high, f.meets_target, f"n={f.n}")
        for p, f in data.trend
    ]
    label = _("target {value}").format(value=fmt.number(data.targets.nps))
    text = _("NPS per quarter with its 95% interval; grey: fewer than {n} responses")
    return charts.nps_trend(
        columns, data.targets.nps, label, text.format(n=data.targets.min_responses)
    )


def _parameter_chart(data: ClientVoiceReport, fmt: Formatter) -> ChartImage:
    bars = [
        charts.Value(p.label, f.value, f.low, f.high, f.meets_target)
        for p, f in data.figures.parameters.items()
    ]
    return charts.interval_bars(
        bars,
        scale=(1.0, 5.0),
        ticks=(1, 2, 3, 4, 5),
        tick_text=lambda t: fmt.number(t),
        value_text=lambda v: fmt.number(v, 2),
        target=data.targets.parameters,
        target_label=_("target {value}").format(value=fmt.number(data.targets.parameters, 1)),
        description=_("The six parameters (1–5) with their 95% interval against the target"),
    )


def _promise_chart(data: ClientVoiceReport, fmt: Formatter) -> ChartImage:
    bars = [
        charts.Value(
            f"{p.promise_id} {data.titles.get(p.promise_id, '')}",
            p.kept.value,
            p.kept.low,
            p.kept.high,
            p.kept.meets_target,
        )
        for p in data.figures.promises
    ]
    return charts.interval_bars(
        bars,
        scale=(0.0, 100.0),
        ticks=(0, 20, 40, 60, 80, 100),
        tick_text=lambda t: f"{t:.0f}%",
        value_text=lambda v: fmt.percent(v, 0),
        target=data.targets.promises,
        target_label=_("target {value}").format(value=fmt.percent(data.targets.promises, 0)),
        description=_("Share of respondents who noticed each promise kept, with its 95% interval"),
    )
