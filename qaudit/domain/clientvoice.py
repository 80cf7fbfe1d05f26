"""Figures of the client's voice with honest uncertainty: pure functions on plain numbers.

- **NPS** (net promoter score): the share of promoters (9–10 on "would you recommend us")
  minus the share of detractors (0–6), in points from −100 to 100. Its 95 % interval uses
  the variance of a difference of two shares of one multinomial sample:
  ``var = (p + d − (p − d)²) / n``.
- **Means** (satisfaction and the six parameters, 1–5): Student's t interval
  ``mean ± t(0.975, n − 1) · s / √n``, clipped to the scale.
- **Shares** (a promise noticed kept): the Wilson score interval, which behaves at 0 % and
  100 % and for small samples where the normal approximation does not.

Below the minimum number of responses a figure is **indicative**: shown, with its interval,
but not judged against its target.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qaudit.i18n import N_, _

Z95 = 1.959964
_T975 = (  # Student's t, 97.5th percentile, for 1–30 degrees of freedom
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


@dataclass(frozen=True)
class Targets:
    """What a location aims for (``[clientvoice]`` in config.toml; defaults from seed 002)."""

    nps: float = 80.0
    satisfaction: float = 4.5
    parameters: float = 4.5
    promises: float = 80.0
    """Share (percent) of respondents who noticed a promise kept."""
    min_responses: int = 30
    actions_min: int = 1
    actions_max: int = 5


@dataclass(frozen=True)
class Figure:
    """One figure with its 95 % interval, sample size and whether it is only indicative."""

    value: float | None
    low: float | None
    high: float | None
    n: int
    indicative: bool
    target: float | None = None

    @property
    def meets_target(self) -> bool | None:
        """Above target (True), not (False), or not judged (None: no value, no target,
        or only indicative)."""
        if self.value is None or self.target is None or self.indicative:
            return None
        return self.value > self.target

    def as_json(self, digits: int = 2) -> dict[str, object]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, digits)

        return {
            "value": r(self.value),
            "low": r(self.low),
            "high": r(self.high),
            "n": self.n,
            "indicative": self.indicative,
            "target": self.target,
            "meets_target": self.meets_target,
        }


def t_quantile(df: int) -> float:
    """The 97.5th percentile of Student's t with ``df`` degrees of freedom (df ≥ 1)."""
    if df <= len(_T975):
        return _T975[df - 1]
    z = Z95  # Cornish–Fisher expansion: within 0.001 of the exact value beyond 30 df
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    return z + g1 / df + g2 / df**2


def nps(scores: Iterable[int | None], min_n: int = 30, target: float | None = None) -> Figure:
    """The NPS of 0–10 scores (None: not answered, left out)."""
    given = [s for s in scores if s is not None]
    n = len(given)
    if not n:
        return Figure(None, None, None, 0, True, target)
    p = sum(s >= 9 for s in given) / n
    d = sum(s <= 6 for s in given) / n
    value = 100 * (p - d)
    half = 100 * Z95 * math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
    low, high = max(-100.0, value - half), min(100.0, value + half)
    return Figure(value, low, high, n, n < min_n, target)


def mean(
    scores: Iterable[int | None],
    min_n: int = 30,
    target: float | None = None,
    scale: tuple[float, float] = (1.0, 5.0),
) -> Figure:
    """The mean of 1–5 scores with a t interval (none for a single response)."""
    given = [s for s in scores if s is not None]
    n = len(given)
    if not n:
        return Figure(None, None, None, 0, True, target)
    value = sum(given) / n
    if n == 1:
        return Figure(value, None, None, 1, True, target)
    variance = sum((s - value) ** 2 for s in given) / (n - 1)
    half = t_quantile(n - 1) * math.sqrt(variance / n)
    low, high = max(scale[0], value - half), min(scale[1], value + half)
    return Figure(value, low, high, n, n < min_n, target)


def share(hits: int, n: int, min_n: int = 30, target: float | None = None) -> Figure:
    """``hits`` of ``n`` as a percentage with its Wilson interval."""
    if n <= 0:
        return Figure(None, None, None, 0, True, target)
    p = hits / n
    z2 = Z95**2
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z95 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    return Figure(100 * p, 100 * low, 100 * high, n, n < min_n, target)


@dataclass(frozen=True)
class PromiseTally:
    """How respondents answered "did you notice this promise kept?" for one promise."""

    yes: int = 0
    partly: int = 0
    no: int = 0
    not_applicable: int = 0

    @property
    def applicable(self) -> int:
        return self.yes + self.partly + self.no


def tally(answers: Iterable[str | None]) -> PromiseTally:
    """Count ``ja`` / ``deels`` / ``nee`` / ``nvt`` (anything else is not counted)."""
    counts = {"ja": 0, "deels": 0, "nee": 0, "nvt": 0}
    for answer in answers:
        if answer in counts:
            counts[answer] += 1
    return PromiseTally(counts["ja"], counts["deels"], counts["nee"], counts["nvt"])


def promise_share(t: PromiseTally, min_n: int = 30, target: float | None = None) -> Figure:
    """The share that noticed the promise kept (``ja``) of those it applied to
    (``ja`` + ``deels`` + ``nee``; ``nvt`` and empty answers are left out)."""
    return share(t.yes, t.applicable, min_n, target)


ACTIONS_TOO_FEW = "too_few"
ACTIONS_IN_RANGE = "in_range"
ACTIONS_TOO_MANY = "too_many"
_ACTION_LABELS = {
    ACTIONS_TOO_FEW: N_("too few"),
    ACTIONS_IN_RANGE: N_("in range"),
    ACTIONS_TOO_MANY: N_("too many"),
}


def action_check_label(check: str) -> str:
    return _(_ACTION_LABELS[check])


def action_check(count: int, low: int = 1, high: int = 5) -> str:
    """Seed 002: every unit makes 1–5 improvement actions from the feedback per period."""
    if count < low:
        return ACTIONS_TOO_FEW
    if count > high:
        return ACTIONS_TOO_MANY
    return ACTIONS_IN_RANGE


def values(rows: Sequence[object], attribute: str) -> list[int | None]:
    """One attribute of every row (a small helper for the services)."""
    return [getattr(row, attribute) for row in rows]
