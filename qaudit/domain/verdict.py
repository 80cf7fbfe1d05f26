"""The verdict "basis voldoende op orde", by the rule in the checklist file.

The verdict always explains itself: every rule that failed is a :class:`Reason`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from qaudit.domain.enums import Outcome, Result
from qaudit.domain.scoring import Score, Tally, score
from qaudit.i18n import N_, _

if TYPE_CHECKING:  # annotations only: keeps pydantic off the UI's start-up path
    from qaudit.checklists.spec import ChecklistSpec


_TEMPLATES = {
    "critical": N_("Critical point {point} is not compliant."),
    "overall": N_("The overall score of {percent:.0f}% is below the required {minimum:.0f}%."),
    "theme": N_("Theme {theme} scores {percent:.0f}%, below the required {minimum:.0f}%."),
    "open": N_("{count} of {total} points have not been assessed yet."),
    "nothing": N_("No applicable point has been answered yet."),
    "all_nvt": N_("Theme {theme} is answered entirely 'not applicable': it has no score."),
    "conditional": N_(
        "Within the conditional rule: repair the failed points within {weeks} weeks; "
        "a re-check of only those points follows."
    ),
    "appreciative": N_("An appreciative visitation gives no verdict."),
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
    remarks: tuple[Reason, ...] = ()
    """What the reader must know but does not change the outcome (an all-n.v.t. theme)."""

    @property
    def explanation(self) -> str:
        remarks = [r.message for r in self.remarks]
        if not self.reasons:
            rule = self.score.overall.percent or 0.0
            done = _("All rules are met (overall score {percent:.0f}%).").format(percent=rule)
            return " ".join([done, *remarks])
        return " ".join([*(r.message for r in self.reasons), *remarks])


class Rule(Protocol):
    """The verdict rule of a checklist (``VerdictRule``), read-only."""

    @property
    def overall_min_percent(self) -> float: ...
    @property
    def theme_min_percent(self) -> float: ...
    @property
    def critical_must_comply(self) -> bool: ...
    @property
    def require_complete(self) -> bool: ...


def verdict(spec: ChecklistSpec, results: Mapping[str, Result]) -> Verdict:
    """Apply the checklist's verdict rule to ``results``."""
    scored = score(spec, results)
    themes = [(t.theme.id, t.tally) for t in scored.themes]
    remarks = tuple(Reason("all_nvt", {"theme": theme}) for theme in all_nvt_themes(themes))
    if spec.appreciative:
        return Verdict(Outcome.NOT_JUDGED, (Reason("appreciative"),), scored, remarks)
    outcome, reasons = judge(spec.verdict, scored.overall, themes)
    return Verdict(outcome, reasons, scored, remarks)


def all_nvt_themes(themes: Sequence[tuple[str, Tally]]) -> list[str]:
    """Themes whose points are all answered "n.v.t.": reported, never silently passed."""
    return [
        theme_id
        for theme_id, tally in themes
        if tally.total and tally.not_applicable == tally.total
    ]


def _within_conditional(
    rule: Rule, overall_tally: Tally, themes: Sequence[tuple[str, Tally]]
) -> bool:
    """Failed, but within the checklist's conditional rule (if it has one)."""
    conditional = getattr(rule, "conditional", None)
    if conditional is None or overall_tally.percent is None:
        return False
    if len(overall_tally.critical_failed) > conditional.max_critical_failed:
        return False
    if overall_tally.percent < conditional.overall_min_percent:
        return False
    return all(t.percent is None or t.percent >= conditional.theme_min_percent for _id, t in themes)


def judge(
    rule: Rule, overall_tally: Tally, themes: Sequence[tuple[str, Tally]]
) -> tuple[Outcome, tuple[Reason, ...]]:
    """The outcome and its reasons from tallies (also computed in bulk, e.g. by SQL)."""
    failures: list[Reason] = []
    if rule.critical_must_comply:
        failures += [Reason("critical", {"point": p}) for p in overall_tally.critical_failed]
    knocked_out = bool(failures)
    overall = overall_tally.percent
    if overall is not None and overall < rule.overall_min_percent:
        minimum = rule.overall_min_percent
        failures.append(Reason("overall", {"percent": overall, "minimum": minimum}))
    for theme_id, tally in themes:
        percent = tally.percent
        if percent is not None and percent < rule.theme_min_percent:
            minimum = rule.theme_min_percent
            failures.append(
                Reason("theme", {"theme": theme_id, "percent": percent, "minimum": minimum})
            )
    incomplete: list[Reason] = []
    if rule.require_complete and not overall_tally.complete:
        params: dict[str, object] = {"count": overall_tally.open, "total": overall_tally.total}
        incomplete.append(Reason("open", params))
    if overall is None and not knocked_out:
        incomplete.append(Reason("nothing"))
    if knocked_out or (failures and not incomplete):
        if not incomplete and _within_conditional(rule, overall_tally, themes):
            weeks = rule.conditional.repair_weeks  # type: ignore[attr-defined]
            return Outcome.CONDITIONAL, (*failures, Reason("conditional", {"weeks": weeks}))
        return Outcome.INSUFFICIENT, tuple(failures + incomplete)
    if incomplete:
        return Outcome.INCOMPLETE, tuple(incomplete + failures)
    return Outcome.SUFFICIENT, ()
