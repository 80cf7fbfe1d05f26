"""The verdict "basis voldoende op orde", by the rule in the checklist file.

The verdict always explains itself: every rule that failed is a :class:`Reason`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from qaudit.checklists.spec import ChecklistSpec
from qaudit.domain.enums import Result
from qaudit.domain.scoring import Score, score
from qaudit.i18n import N_, _


class Outcome(StrEnum):
    SUFFICIENT = "sufficient"
    INSUFFICIENT = "insufficient"
    INCOMPLETE = "incomplete"

    @property
    def label(self) -> str:
        return _(_OUTCOME_LABELS[self])


_OUTCOME_LABELS = {
    Outcome.SUFFICIENT: N_("basis sufficiently in order"),
    Outcome.INSUFFICIENT: N_("basis not sufficiently in order"),
    Outcome.INCOMPLETE: N_("not all points assessed yet"),
}

_TEMPLATES = {
    "critical": N_("Critical point {point} is not compliant."),
    "overall": N_("The overall score of {percent:.0f}% is below the required {minimum:.0f}%."),
    "theme": N_("Theme {theme} scores {percent:.0f}%, below the required {minimum:.0f}%."),
    "open": N_("{count} of {total} points have not been assessed yet."),
    "nothing": N_("No applicable point has been answered yet."),
}


@dataclass(frozen=True)
class Reason:
    code: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return _(_TEMPLATES[self.code]).format(**self.params)


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    reasons: tuple[Reason, ...]
    score: Score

    @property
    def explanation(self) -> str:
        if not self.reasons:
            rule = self.score.overall.percent or 0.0
            return _("All rules are met (overall score {percent:.0f}%).").format(percent=rule)
        return " ".join(r.message for r in self.reasons)


def verdict(spec: ChecklistSpec, results: Mapping[str, Result]) -> Verdict:
    """Apply the checklist's verdict rule to ``results``."""
    rule = spec.verdict
    scored = score(spec, results)
    failures: list[Reason] = []
    if rule.critical_must_comply:
        failures += [Reason("critical", {"point": p}) for p in scored.overall.critical_failed]
    knocked_out = bool(failures)
    overall = scored.overall.percent
    if overall is not None and overall < rule.overall_min_percent:
        failures.append(Reason("overall", {"percent": overall, "minimum": rule.overall_min_percent}))
    for theme_score in scored.themes:
        percent = theme_score.tally.percent
        if percent is not None and percent < rule.theme_min_percent:
            params = {"theme": theme_score.theme.id, "percent": percent,
                      "minimum": rule.theme_min_percent}
            failures.append(Reason("theme", params))
    incomplete: list[Reason] = []
    if rule.require_complete and not scored.overall.complete:
        incomplete.append(
            Reason("open", {"count": scored.overall.open, "total": scored.overall.total})
        )
    if overall is None and not knocked_out:
        incomplete.append(Reason("nothing"))
    if knocked_out or (failures and not incomplete):
        return Verdict(Outcome.INSUFFICIENT, tuple(failures + incomplete), scored)
    if incomplete:
        return Verdict(Outcome.INCOMPLETE, tuple(incomplete + failures), scored)
    return Verdict(Outcome.SUFFICIENT, (), scored)
