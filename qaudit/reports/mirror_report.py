"""The spiegel report (one location among its anonymous peers) and the netwerk report (the
cooperative's view for staff): their plain data and template fields.

The spiegel report names only its own location and organisation: every other figure is a
median, a quartile or a count (see :mod:`qaudit.domain.mirror`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from qaudit.domain.mirror import MIN_GROUP, Distribution, GroupFigure, Mirror
from qaudit.i18n import N_, _
from qaudit.reports.band_chart import BandRow, Series, band_chart, trend_chart
from qaudit.reports.chart import ChartImage
from qaudit.reports.common import Context
from qaudit.reports.formatting import MISSING, Formatter, clean

SIZE_LABELS = {
    "small": N_("small (under 60 residents)"),
    "medium": N_("medium (60 to 119 residents)"),
    "large": N_("large (120 residents or more)"),
}
TREND_LABELS = {
    "basis:overall": N_("Basis op orde"),
    "verdict": N_("Verdicts in order"),
    "cirkel:overall": N_("Cirkel"),
    "visitation:overall": N_("Visitation"),
}
OUTCOME_METRICS = ("verdict", "cirkel:overall", "visitation:overall")


@dataclass(frozen=True)
class SpiegelReport:
    today: date
    location_code: str
    location_name: str
    organisation: str
    members: int
    mirror: Mirror
    labels: Mapping[str, str]


@dataclass(frozen=True)
class SpreadPractice:
    text: str
    tag: str
    location: str
    """Shared with the location's consent, so it may be named."""
    meetings: int
    reached: int


@dataclass(frozen=True)
class MeetingLine:
    held_on: date
    theme: str
    host: str
    attendees: int
    locations: int


@dataclass(frozen=True)
class NetwerkReport:
    today: date
    year: int
    members: int
    labels: Mapping[str, str]
    distributions: Mapping[str, Distribution | None]
    """Per metric, all member locations as of ``year`` (None: fewer than MIN_GROUP)."""
    medians: Mapping[str, Sequence[tuple[int, float | None]]]
    practices: Sequence[SpreadPractice]
    meetings: Sequence[MeetingLine]


def _suppressed() -> str:
    return _("not shown: fewer than {count} locations").format(count=MIN_GROUP)


def _group_text(figure: GroupFigure, fmt: Formatter) -> str:
    d = figure.distribution
    if figure.suppressed or d is None:
        return _suppressed()
    text = _("median {median} (quartiles {q1}–{q3}, {n} locations)").format(
        median=fmt.percent(d.median), q1=fmt.percent(d.q1), q3=fmt.percent(d.q3), n=d.n
    )
    if figure.rank is not None:
        text += "; " + _("position {rank}").format(rank=fmt.number(figure.rank))
    return text


def _rows(data: SpiegelReport, metrics: Sequence[str], fmt: Formatter) -> list[Context]:
    by_metric = {m.metric: m for m in data.mirror.metrics}
    rows = []
    for metric in metrics:
        row = by_metric[metric]
        everyone, size, region = row.groups
        rows.append(
            {
                "label": clean(data.labels.get(metric, metric)),
                "own": fmt.percent(row.own),
                "all": _group_text(everyone, fmt),
                "size": _group_text(size, fmt),
                "region": _group_text(region, fmt),
            }
        )
    return rows


def _band_rows(data: SpiegelReport, metrics: Sequence[str]) -> list[BandRow]:
    by_metric = {m.metric: m for m in data.mirror.metrics}
    out = []
    for metric in metrics:
        row = by_metric[metric]
        d = row.groups[0].distribution
        out.append(
            BandRow(
                clean(data.labels.get(metric, metric)),
                d.q1 if d else None,
                d.median if d else None,
                d.q3 if d else None,
                row.own,
            )
        )
    return out


def _legend(own: bool = True) -> tuple[str, str, str]:
    return (
        _("middle half of the locations"),
        _("median"),
        _("this location") if own else "",
    )


def _picked(labels: Mapping[str, str], prefix: str) -> list[str]:
    return [m for m in labels if m.startswith(prefix)]


def build_spiegel(data: SpiegelReport, fmt: Formatter) -> Context:
    m = data.mirror
    basis = _picked(data.labels, "basis:")
    promises = _picked(data.labels, "promise:")
    client = _picked(data.labels, "client:")
    outcomes = [x for x in OUTCOME_METRICS if x in data.labels]
    trend_rows = _trend_rows(m.trends, fmt)
    return {
        "title": _("Mirror report"),
        "report_date": fmt.date(data.today),
        "draft": False,
        "draft_mark": "",
        "draft_reason": "",
        "location": {"name": clean(data.location_name), "code": data.location_code},
        "organisation": {"name": clean(data.organisation)},
        "year": m.year,
        "members": data.members,
        "min_group": MIN_GROUP,
        "size_class": _(SIZE_LABELS.get(m.size_class, m.size_class)),
        "region": clean(m.region) or MISSING,
        "basis": _rows(data, basis, fmt),
        "outcomes": _rows(data, outcomes, fmt),
        "promises": _rows(data, promises, fmt),
        "client": _rows(data, client, fmt),
        "has_client": bool(client),
        "has_basis": bool(basis),
        "has_promises": bool(promises),
        "basis_chart": band_chart(
            _band_rows(data, basis),
            value_text=fmt.percent,
            legend=_legend(),
            description=_("Basis op orde per theme: this location against all member locations"),
        ),
        "promise_chart": band_chart(
            _band_rows(data, promises),
            value_text=fmt.percent,
            legend=_legend(),
            description=_("Promise perception: this location against all member locations"),
        ),
        "trend_chart": trend_chart(
            [
                Series(
                    _("this location"), [(t.year, t.own) for t in m.trends["basis:overall"]], True
                ),
                Series(
                    _("median of all members"),
                    [(t.year, t.median) for t in m.trends["basis:overall"]],
                    False,
                ),
            ],
            description=_("Basis op orde over the years: this location and the median"),
        ),
        "trends": trend_rows,
        "verdicts": [
            {
                "year": year,
                "label": _("basis sufficiently in order")
                if ok
                else _("basis not sufficiently in order"),
            }
            for year, ok in m.verdicts
        ],
    }


def _trend_chart(m: Mirror) -> ChartImage:
    points = m.trends["basis:overall"]
    return trend_chart(
        [
            Series(_("this location"), [(t.year, t.own) for t in points], True),
            Series(_("median of all members"), [(t.year, t.median) for t in points], False),
        ],
        description=_("Basis op orde over the years: this location and the median"),
    )


def _trend_rows(trends: Mapping[str, Sequence], fmt: Formatter) -> list[Context]:
    years = sorted({p.year for points in trends.values() for p in points})
    rows = []
    for year in years:
        row: Context = {"year": year}
        for metric, key in (
            ("basis:overall", "basis"),
            ("verdict", "verdict"),
            ("cirkel:overall", "cirkel"),
            ("visitation:overall", "visitation"),
        ):
            point = next((p for p in trends.get(metric, ()) if p.year == year), None)
            own = fmt.percent(point.own) if point else MISSING
            median = fmt.percent(point.median) if point else MISSING
            row[key] = f"{own} / {median}"
        rows.append(row)
    return rows


def _distribution_rows(
    data: NetwerkReport, metrics: Sequence[str], fmt: Formatter
) -> list[Context]:
    rows = []
    for metric in metrics:
        d = data.distributions.get(metric)
        rows.append(
            {
                "label": clean(data.labels.get(metric, metric)),
                "n": d.n if d else MISSING,
                "q1": fmt.percent(d.q1) if d else MISSING,
                "median": fmt.percent(d.median) if d else _suppressed(),
                "q3": fmt.percent(d.q3) if d else MISSING,
            }
        )
    return rows


def _distribution_bands(data: NetwerkReport, metrics: Sequence[str]) -> list[BandRow]:
    out = []
    for metric in metrics:
        d = data.distributions.get(metric)
        out.append(
            BandRow(
                clean(data.labels.get(metric, metric)),
                d.q1 if d else None,
                d.median if d else None,
                d.q3 if d else None,
            )
        )
    return out


def build_netwerk(data: NetwerkReport, fmt: Formatter) -> Context:
    basis = _picked(data.labels, "basis:") + [x for x in OUTCOME_METRICS if x in data.labels]
    promises = _picked(data.labels, "promise:") + _picked(data.labels, "client:")
    years = sorted({y for points in data.medians.values() for y, _v in points})
    movement = []
    for year in years:
        row: Context = {"year": year}
        for metric, key in (
            ("basis:overall", "basis"),
            ("verdict", "verdict"),
            ("cirkel:overall", "cirkel"),
            ("visitation:overall", "visitation"),
        ):
            value = dict(data.medians.get(metric, ())).get(year)
            row[key] = fmt.percent(value)
        movement.append(row)
    series = [
        Series(_(TREND_LABELS[metric]), list(points), i == 0, colour=i)
        for i, (metric, points) in enumerate(data.medians.items())
        if metric in TREND_LABELS
    ]
    return {
        "title": _("Network report"),
        "report_date": fmt.date(data.today),
        "draft": False,
        "draft_mark": "",
        "draft_reason": "",
        "year": data.year,
        "members": data.members,
        "min_group": MIN_GROUP,
        "counts": {
            "meetings": len(data.meetings),
            "attendees": sum(m.attendees for m in data.meetings),
            "practices": len(data.practices),
            "spread": sum(1 for p in data.practices if p.meetings),
        },
        "themes": _distribution_rows(data, basis, fmt),
        "promises": _distribution_rows(data, promises, fmt),
        "themes_chart": band_chart(
            _distribution_bands(data, basis),
            value_text=fmt.percent,
            legend=_legend(own=False),
            description=_("Distribution per theme over all member locations"),
        ),
        "promises_chart": band_chart(
            _distribution_bands(data, promises),
            value_text=fmt.percent,
            legend=_legend(own=False),
            description=_("Distribution per promise over all member locations"),
        ),
        "movement": movement,
        "movement_chart": trend_chart(
            series, description=_("Medians of all member locations over the years")
        ),
        "practices": [
            {
                "text": clean(p.text),
                "tag": p.tag or MISSING,
                "location": clean(p.location),
                "meetings": p.meetings,
                "reached": p.reached,
            }
            for p in data.practices
        ],
        "meetings": [
            {
                "date": fmt.date(m.held_on),
                "theme": clean(m.theme),
                "host": clean(m.host) or MISSING,
                "attendees": m.attendees,
                "locations": m.locations,
            }
            for m in data.meetings
        ],
    }
