"""Scores of an assessment: pure functions of a checklist and its answers.

A point scores 1 (voldoet), ½ (voldoet deels) or 0 (voldoet niet), times its weight.
"n.v.t." and "nog niet beoordeeld" are left out of the percentages; the latter counts as
open work in the progress figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qaudit.domain.enums import Result

if TYPE_CHECKING:  # annotations only: keeps pydantic off the UI's start-up path
    from qaudit.checklists.spec import ChecklistSpec, Point, Theme

POINT_VALUE: dict[Result, float] = {
    Result.COMPLIANT: 1.0,
    Result.PARTLY: 0.5,
    Result.NOT_COMPLIANT: 0.0,
}


@dataclass(frozen=True)
class Tally:
    """Counts and the weighted percentage over a set of points."""

    total: int
    answered: int
    not_applicable: int
    earned: float
    possible: float
    critical_failed: tuple[str, ...]

    @property
    def percent(self) -> float | None:
        """Weighted score in percent, or None when nothing applicable was answered."""
        return 100.0 * self.earned / self.possible if self.possible else None

    @property
    def open(self) -> int:
        return self.total - self.answered

    @property
    def complete(self) -> bool:
        return self.answered == self.total


@dataclass(frozen=True)
class ThemeScore:
    theme: Theme
    tally: Tally


@dataclass(frozen=True)
class Score:
    themes: tuple[ThemeScore, ...]
    overall: Tally


def result_of(results: Mapping[str, Result], point_id: str) -> Result:
    return results.get(point_id, Result.NOT_ASSESSED)


def tally(points: tuple[Point, ...] | list[Point], results: Mapping[str, Result]) -> Tally:
    answered = not_applicable = 0
    earned = possible = 0.0
    failed: list[str] = []
    points = [p for p in points if p.scored]  # open questions (strengths, tips) are not scored
    for point in points:
        result = result_of(results, point.id)
        if result is Result.NOT_ASSESSED:
            continue
        answered += 1
        if result is Result.NOT_APPLICABLE:
            not_applicable += 1
            continue
        earned += POINT_VALUE[result] * point.weight
        possible += point.weight
        if point.critical and result is Result.NOT_COMPLIANT:
            failed.append(point.id)
    return Tally(len(points), answered, not_applicable, earned, possible, tuple(failed))


def score(spec: ChecklistSpec, results: Mapping[str, Result]) -> Score:
    themes = tuple(ThemeScore(theme, tally(theme.points, results)) for theme in spec.themes)
    return Score(themes, tally(spec.points, results))


def differences(
    spec: ChecklistSpec, ours: Mapping[str, Result], reference: Mapping[str, Result]
) -> list[str]:
    """Ids of the points where two assessments answered differently (both answered)."""
    return [
        p.id
        for p in spec.points
        if result_of(ours, p.id).answered
        and result_of(reference, p.id).answered
        and ours[p.id] is not reference[p.id]
    ]
