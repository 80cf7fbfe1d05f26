"""The figures of a set of responses against the targets: pure, from plain rows.

Used for a location, a unit or the whole cooperative, for any period; the service selects
the rows, this module counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from qaudit.domain import clientvoice as cv
from qaudit.domain.clientvoice_enums import Parameter, RespondentGroup
from qaudit.domain.clientvoice_rhythm import Period, quarter_of


@dataclass(frozen=True)
class ResponseRow:
    """One response as the figures need it."""

    responded_on: date
    unit_id: int | None
    group: RespondentGroup
    recommend: int | None
    parameters: Mapping[Parameter, int | None]
    promises: Mapping[str, str]


@dataclass(frozen=True)
class PromiseFigure:
    promise_id: str
    tally: cv.PromiseTally
    kept: cv.Figure
    """The share that noticed the promise kept, of those it applied to."""


@dataclass(frozen=True)
class Figures:
    responses: int
    nps: cv.Figure
    satisfaction: cv.Figure
    parameters: dict[Parameter, cv.Figure]
    promises: tuple[PromiseFigure, ...]
    groups: dict[RespondentGroup, int]

    def as_json(self) -> dict[str, object]:
        return {
            "responses": self.responses,
            "nps": self.nps.as_json(1),
            "satisfaction": self.satisfaction.as_json(),
            "parameters": {p.value: f.as_json() for p, f in self.parameters.items()},
            "promises": {
                p.promise_id: {
                    **p.kept.as_json(1),
                    "yes": p.tally.yes,
                    "partly": p.tally.partly,
                    "no": p.tally.no,
                    "not_applicable": p.tally.not_applicable,
                }
                for p in self.promises
            },
            "groups": {g.value: n for g, n in self.groups.items()},
        }


def figures(
    rows: Sequence[ResponseRow], promise_ids: Iterable[str], targets: cv.Targets
) -> Figures:
    """NPS, satisfaction, the six parameters and every promise's share, with intervals."""
    n_min = targets.min_responses
    parameters = {
        p: cv.mean(
            (r.parameters.get(p) for r in rows),
            n_min,
            targets.satisfaction if p is Parameter.SATISFACTION else targets.parameters,
        )
        for p in Parameter
    }
    promises = tuple(
        PromiseFigure(
            pid,
            tally := cv.tally(r.promises.get(pid) for r in rows),
            cv.promise_share(tally, n_min, targets.promises),
        )
        for pid in promise_ids
    )
    groups = {g: sum(r.group is g for r in rows) for g in RespondentGroup}
    return Figures(
        len(rows),
        cv.nps((r.recommend for r in rows), n_min, targets.nps),
        parameters[Parameter.SATISFACTION],
        parameters,
        promises,
        groups,
    )


def in_period(rows: Iterable[ResponseRow], period: Period) -> list[ResponseRow]:
    return [r for r in rows if period.contains(r.responded_on)]


def quarterly_nps(
    rows: Iterable[ResponseRow], quarters: Sequence[Period], targets: cv.Targets
) -> list[tuple[Period, cv.Figure]]:
    """The NPS of each quarter (the trend)."""
    by_quarter: dict[Period, list[int | None]] = {q: [] for q in quarters}
    for row in rows:
        quarter = quarter_of(row.responded_on)
        if quarter in by_quarter:
            by_quarter[quarter].append(row.recommend)
    return [(q, cv.nps(by_quarter[q], targets.min_responses, targets.nps)) for q in quarters]


def last_quarters(today: date, count: int) -> list[Period]:
    """The ``count`` quarters up to and including the one ``today`` is in, oldest first."""
    quarter = quarter_of(today)
    result = [quarter]
    for _ in range(count - 1):
        year, q = result[-1].year, result[-1].quarter or 1
        result.append(Period(year - 1, 4) if q == 1 else Period(year, q - 1))
    return result[::-1]
