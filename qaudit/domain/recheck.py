"""The re-check (herbeoordeling) after a conditional verdict. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from qaudit.domain.enums import Result

if TYPE_CHECKING:  # annotations only: keeps pydantic off the UI's start-up path
    from qaudit.checklists.spec import ChecklistSpec

FAILED = (Result.NOT_COMPLIANT, Result.PARTLY)


def failed_points(spec: ChecklistSpec, results: Mapping[str, Result]) -> list[str]:
    """The points a re-check looks at again: "voldoet niet" and "voldoet deels"."""
    return [p.id for p in spec.points if results.get(p.id) in FAILED]


def recheck_spec(spec: ChecklistSpec, point_ids: list[str]) -> ChecklistSpec:
    """``spec`` cut to ``point_ids``; it passes only when every one of them complies."""
    wanted = set(point_ids)
    themes = [
        theme.model_copy(update={"points": [p for p in theme.points if p.id in wanted]})
        for theme in spec.themes
        if any(p.id in wanted for p in theme.points)
    ]
    rule = spec.verdict.model_copy(
        update={
            "overall_min_percent": 100.0,
            "theme_min_percent": 100.0,
            "critical_must_comply": True,
            "require_complete": True,
            "conditional": None,
        }
    )
    return spec.model_copy(update={"themes": themes, "verdict": rule})


def repair_due(closed_on: date, weeks: int) -> date:
    """The day the re-check is due: the repair term after the conditional verdict."""
    return closed_on + timedelta(weeks=weeks)
