"""Client promises in the visitation and Cirkel checklists: which points speak to which promise."""

from __future__ import annotations

from collections.abc import Mapping

from qaudit.checklists.spec import ChecklistSpec, Point, PromiseSetSpec, Theme
from qaudit.domain.enums import Result
from qaudit.domain.scoring import Tally, tally
from qaudit.i18n import _
from qaudit.reports.formatting import Formatter
from qaudit.reports.wording import not_yet

PERCEIVING_GROUPS = ("residents", "family")


def promise_of_theme(theme: Theme, promises: PromiseSetSpec | None) -> str:
    """The promise a theme is about: its own id, else the first promise its points name."""
    known = promises.promise_index if promises else {}
    if theme.id in known:
        return theme.id
    for point in theme.points:
        for promise_id in point.promises:
            if not known or promise_id in known:
                return promise_id
    return ""


def points_per_promise(
    spec: ChecklistSpec, promises: PromiseSetSpec | None
) -> dict[str, list[Point]]:
    """Promise id -> the points that check it, in checklist order."""
    result: dict[str, list[Point]] = {}
    for theme in spec.themes:
        theme_promise = promise_of_theme(theme, promises)
        for point in theme.points:
            for promise_id in point.promises or ([theme_promise] if theme_promise else []):
                result.setdefault(promise_id, []).append(point)
    return result


def is_perception(point: Point) -> bool:
    """Does the point ask residents or families how the promise is experienced?"""
    return any(e.kind == "interview" and e.group in PERCEIVING_GROUPS for e in point.evidence)


def promise_tallies(
    spec: ChecklistSpec, promises: PromiseSetSpec | None, results: Mapping[str, Result]
) -> dict[str, Tally]:
    return {
        promise_id: tally(points, results)
        for promise_id, points in points_per_promise(spec, promises).items()
    }


def promise_title(promise_id: str, promises: PromiseSetSpec | None, fallback: str = "") -> str:
    if promises and promise_id in promises.promise_index:
        return promises.promise_index[promise_id].title
    return fallback


def part_percent(points: list[Point], results: Mapping[str, Result], fmt: Formatter) -> str:
    """The score of some points, or why there is none (no such points, or none answered)."""
    if not points:
        return _("not asked in this checklist")
    percent = tally(points, results).percent
    return fmt.percent(percent) if percent is not None else not_yet()
