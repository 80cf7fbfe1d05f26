"""The readiness scan's result per dimension, with advice: pure functions of plain data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qaudit.domain.enums import Result
from qaudit.domain.scoring import tally
from qaudit.i18n import _

if TYPE_CHECKING:  # annotations only: keeps pydantic off the UI's start-up path
    from qaudit.checklists.spec import ReadinessSpec


@dataclass(frozen=True)
class DimensionResult:
    theme_id: str
    title: str
    percent: float | None
    """Weighted score of the dimension's statements; None when none was answered."""
    threshold: float
    answered: int
    total: int
    advice: str

    @property
    def below(self) -> bool:
        """Below its threshold (a dimension without any answer counts as below)."""
        return self.percent is None or self.percent < self.threshold

    @property
    def warning(self) -> str:
        if self.percent is None:
            return _("Readiness: {dimension} has no answered statement yet.").format(
                dimension=self.title
            )
        return _(
            "Readiness: {dimension} scores {percent:.0f}%, below its threshold of {threshold:.0f}%."
        ).format(dimension=self.title, percent=self.percent, threshold=self.threshold)


@dataclass(frozen=True)
class ReadinessResult:
    assessment_id: int
    dimensions: tuple[DimensionResult, ...]

    @property
    def complete(self) -> bool:
        return all(d.answered == d.total for d in self.dimensions)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(d.warning for d in self.dimensions if d.below)


def readiness(
    spec: ReadinessSpec, results: Mapping[str, Result], assessment_id: int = 0
) -> ReadinessResult:
    """Score each dimension and pick the advice that fits its threshold."""
    rows = []
    for theme in spec.themes:
        rule = spec.dimension_of[theme.id]
        counted = tally(theme.points, results)
        percent = counted.percent
        below = percent is None or percent < rule.threshold_percent
        rows.append(
            DimensionResult(
                theme.id,
                theme.title,
                percent,
                rule.threshold_percent,
                counted.answered,
                counted.total,
                rule.advice_below if below else rule.advice_met,
            )
        )
    return ReadinessResult(assessment_id, tuple(rows))
