"""Anonymised comparison between locations (spiegelinformatie): pure functions of plain data.

A location sees its own value beside the **median and quartiles** of all member locations
and of its peer groups (same size class, same region). Nothing here carries another
location's identity: a distribution is only counts and quantiles, never a minimum, maximum or
a single other location's value. A group of fewer than ``MIN_GROUP`` locations is suppressed
and says why.

Definitions (also in the README):

- **as of year Y** a location's value of a metric is its most recent value in the years
  Y-2..Y (``WINDOW``: visitations and Cirkels alternate, so each comes every two years, and
  the full Basis op orde audit is older still when the Cirkel has re-checked it since);
- **quartiles** are computed by linear interpolation between the order statistics
  ("inclusive" method: Excel ``QUARTILE.INC``, numpy's default, Hyndman & Fan type 7): for n
  sorted values x[0..n-1] the p-quantile is at position h = (n-1)·p, i.e.
  x[floor(h)] + (h - floor(h))·(x[floor(h)+1] - x[floor(h)]);
- a location's **position** is its percentile rank in the group: the share of the group's
  values below its own plus half the share equal to it, in percent (the location itself is
  one of the group);
- **verdict** is the share of a location's Basis op orde verdicts up to that year that found
  the basis sufficiently in order, in percent.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

MIN_GROUP = 5
WINDOW = 3
GROUPS = ("all", "size", "region")
VERDICT = "verdict"
TREND_METRICS = ("basis:overall", VERDICT, "cirkel:overall", "visitation:overall")
Medians = Mapping[str, Sequence[tuple[int, float | None]]]
"""metric -> (year, median of all member locations) per year: see ``trend_medians``."""


@dataclass(frozen=True)
class LocationFigures:
    """One member location's history. ``key`` is internal and never leaves this module."""

    key: int
    size_class: str
    region: str
    values: Mapping[str, Mapping[int, float]]
    """metric -> year -> value (percent)."""
    verdicts: Mapping[int, bool] = field(default_factory=dict)
    """year -> basis sufficiently in order (the last verdict of that year)."""


@dataclass(frozen=True)
class Distribution:
    n: int
    q1: float
    median: float
    q3: float


class GroupFigure(NamedTuple):
    group: str
    """all, size or region."""
    distribution: Distribution | None
    suppressed: bool
    rank: float | None
    """The location's percentile rank in the group (None: no own value or suppressed)."""


class MetricMirror(NamedTuple):
    metric: str
    own: float | None
    groups: tuple[GroupFigure, ...]


class TrendPoint(NamedTuple):
    year: int
    own: float | None
    median: float | None
    """The median of all member locations that year (None: fewer than MIN_GROUP)."""


@dataclass(frozen=True)
class Mirror:
    year: int
    size_class: str
    region: str
    metrics: tuple[MetricMirror, ...]
    trends: Mapping[str, tuple[TrendPoint, ...]]
    verdicts: tuple[tuple[int, bool], ...]


def quantile(ordered: Sequence[float], p: float) -> float:
    """The p-quantile of sorted values by linear interpolation (the inclusive method)."""
    if not ordered:
        raise ValueError("no values")
    h = (len(ordered) - 1) * p
    low = int(h)
    if low + 1 >= len(ordered):
        return float(ordered[-1])
    return float(ordered[low] + (h - low) * (ordered[low + 1] - ordered[low]))


def distribution(ordered: Sequence[float]) -> Distribution:
    return Distribution(
        len(ordered), quantile(ordered, 0.25), quantile(ordered, 0.5), quantile(ordered, 0.75)
    )


def percentile_rank(ordered: Sequence[float], own: float) -> float:
    below = bisect_left(ordered, own)
    equal = bisect_right(ordered, own) - below
    return 100.0 * (below + equal / 2) / len(ordered)


def as_of(by_year: Mapping[int, float], year: int) -> float | None:
    """The most recent value in the years year-WINDOW+1 .. year."""
    for y in range(year, year - WINDOW, -1):
        if y in by_year:
            return by_year[y]
    return None


def verdict_share(verdicts: Mapping[int, bool]) -> dict[int, float]:
    """year -> percent of the verdicts up to that year that were sufficient."""
    out: dict[int, float] = {}
    good = 0
    for total, year in enumerate(sorted(verdicts), start=1):
        good += verdicts[year]
        out[year] = 100.0 * good / total
    return out


def _metrics_of(location: LocationFigures) -> dict[str, Mapping[int, float]]:
    values = dict(location.values)
    if location.verdicts:
        values[VERDICT] = verdict_share(location.verdicts)
    return values


@dataclass(frozen=True)
class _Group:
    ordered: list[float]
    summary: Distribution | None


class NetworkIndex:
    """The distributions of every metric, per group, as of one year (built once)."""

    def __init__(
        self,
        locations: Sequence[LocationFigures],
        year: int,
        *,
        peers: bool = True,
        metrics: Iterable[str] | None = None,
        prepared: Mapping[int, Mapping[str, Mapping[int, float]]] | None = None,
    ) -> None:
        """``peers=False``: only the group of all member locations; ``metrics``: only these;
        ``prepared``: the locations' metrics (with the verdict share) computed once before."""
        self.year = year
        self.metrics_of = prepared or {loc.key: _metrics_of(loc) for loc in locations}
        self.locations = {loc.key: loc for loc in locations}
        self.own: dict[int, dict[str, float]] = {}
        wanted = tuple(metrics) if metrics is not None else None
        older = tuple(range(year - 1, year - WINDOW, -1))
        raw: dict[tuple[str, str], defaultdict[str, list[float]]] = {}
        everyone = raw.setdefault(("all", ""), defaultdict(list))
        for loc in locations:
            own = self.own[loc.key] = {}
            mine = self.metrics_of[loc.key]
            chosen = mine.items() if wanted is None else [(m, mine[m]) for m in wanted if m in mine]
            for metric, by_year in chosen:
                value = by_year.get(year)
                if value is None:
                    for y in older:
                        value = by_year.get(y)
                        if value is not None:
                            break
                    else:
                        continue
                own[metric] = value
            for metric, value in own.items():
                everyone[metric].append(value)
            if peers:
                for bucket in (
                    raw.setdefault(("size", loc.size_class), defaultdict(list)),
                    raw.setdefault(("region", loc.region), defaultdict(list)),
                ):
                    for metric, value in own.items():
                        bucket[metric].append(value)
        self.groups: dict[tuple[str, str, str], _Group] = {}
        self.by_group: dict[tuple[str, str], dict[str, _Group]] = {}
        for (group, label), by_metric in raw.items():
            for metric, values in by_metric.items():
                values.sort()
                summary = distribution(values) if len(values) >= MIN_GROUP else None
                found = _Group(values, summary)
                self.groups[(group, label, metric)] = found
                self.by_group.setdefault((group, label), {})[metric] = found

    def metric_names(self) -> list[str]:
        return sorted({metric for (_g, _l, metric) in self.groups})

    def figure(self, group: str, label: str, metric: str, own: float | None) -> GroupFigure:
        found = self.groups.get((group, label, metric))
        if found is None or found.summary is None:
            return GroupFigure(group, None, True, None)
        rank = percentile_rank(found.ordered, own) if own is not None else None
        return GroupFigure(group, found.summary, False, rank)

    def distribution_of(self, group: str, label: str, metric: str) -> Distribution | None:
        found = self.groups.get((group, label, metric))
        return found.summary if found else None


_SUPPRESSED = {g: GroupFigure(g, None, True, None) for g in GROUPS}


def mirror(
    index: NetworkIndex,
    key: int,
    metrics: Sequence[str],
    medians: Medians | None = None,
) -> Mirror:
    """One location's mirror: its value and its groups' quartiles per metric, and its trends."""
    location = index.locations[key]
    own_values = index.metrics_of[key]
    current = index.own[key]
    labels = {"all": "", "size": location.size_class, "region": location.region}
    buckets = [(g, index.by_group.get((g, labels[g]), {})) for g in GROUPS]
    rows = []
    for metric in metrics:
        own = current.get(metric)
        figures = []
        for group, bucket in buckets:
            found = bucket.get(metric)
            if found is None or found.summary is None:
                figures.append(_SUPPRESSED[group])
                continue
            rank = percentile_rank(found.ordered, own) if own is not None else None
            figures.append(GroupFigure(group, found.summary, False, rank))
        rows.append(MetricMirror(metric, own, tuple(figures)))
    medians = medians or {}
    trends = {
        metric: tuple(
            TrendPoint(year, own_values.get(metric, {}).get(year), median)
            for year, median in medians.get(metric, ())
        )
        for metric in TREND_METRICS
    }
    return Mirror(
        index.year,
        location.size_class,
        location.region,
        tuple(rows),
        trends,
        tuple(sorted(location.verdicts.items())),
    )


def trend_medians(
    per_year: Mapping[int, NetworkIndex],
) -> dict[str, list[tuple[int, float | None]]]:
    """(year, median of all member locations) per trend metric, computed once for all mirrors."""
    out: dict[str, list[tuple[int, float | None]]] = {}
    for metric in TREND_METRICS:
        for year in sorted(per_year):
            summary = per_year[year].distribution_of("all", "", metric)
            out.setdefault(metric, []).append((year, summary.median if summary else None))
    return out


def trend(
    own: Mapping[int, float], per_year: Mapping[int, NetworkIndex], metric: str
) -> tuple[TrendPoint, ...]:
    """Own value per year beside the median of all member locations as of that year."""
    points = []
    for year in sorted(per_year):
        summary = per_year[year].distribution_of("all", "", metric)
        points.append(
            TrendPoint(year, own.get(year), summary.median if summary is not None else None)
        )
    return tuple(points)


def yearly_indexes(
    locations: Sequence[LocationFigures],
    years: Iterable[int],
    metrics: Iterable[str] | None = TREND_METRICS,
) -> dict[int, NetworkIndex]:
    """Per year, the distributions of all member locations (no peer groups) of ``metrics``."""
    prepared = {loc.key: _metrics_of(loc) for loc in locations}
    return {
        year: NetworkIndex(locations, year, peers=False, metrics=metrics, prepared=prepared)
        for year in years
    }


def years_of(locations: Iterable[LocationFigures]) -> list[int]:
    years: set[int] = set()
    for loc in locations:
        for by_year in loc.values.values():
            years.update(by_year)
        years.update(loc.verdicts)
    return sorted(years)


def size_class(residents: int) -> str:
    """small (< 60 residents), medium (60–119) or large (120 and more)."""
    if residents < 60:
        return "small"
    return "medium" if residents < 120 else "large"
