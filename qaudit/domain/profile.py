"""A location's profile and which measurement points apply to it. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from qaudit.i18n import N_, _

if TYPE_CHECKING:  # annotations only: keeps pydantic off the UI's start-up path
    from qaudit.checklists.spec import Point, ProfileCondition


@dataclass(frozen=True)
class Profile:
    """What kind of location this is: it decides which points apply."""

    behandeling: bool
    """The location provides behandeling (otherwise the huisarts treats)."""
    psychogeriatric: bool
    """It has psychogeriatric units."""
    wzd_accommodation: bool
    """It is registered as a Wzd accommodation."""
    verblijf: bool
    """Residents stay at least a day and night."""
    care_providers: int | None = None
    """Care providers working for the provider (Wtza); None when unknown."""
    places: int | None = None
    """Size: the number of places (residents)."""


_FLAG_LABELS = {
    ("behandeling", True): N_("provides behandeling"),
    ("behandeling", False): N_("no behandeling"),
    ("psychogeriatric", True): N_("psychogeriatric units"),
    ("psychogeriatric", False): N_("no psychogeriatric units"),
    ("wzd_accommodation", True): N_("Wzd accommodation"),
    ("wzd_accommodation", False): N_("not a Wzd accommodation"),
    ("verblijf", True): N_("verblijf"),
    ("verblijf", False): N_("no verblijf"),
}
FLAGS = ("behandeling", "psychogeriatric", "wzd_accommodation", "verblijf")


def unmet(condition: ProfileCondition, profile: Profile) -> list[str]:
    """The conditions ``profile`` does not meet, in words (empty: the point applies)."""
    missing: list[str] = []
    for name in FLAGS:
        wanted = getattr(condition, name)
        if wanted is not None and getattr(profile, name) is not wanted:
            missing.append(_(_FLAG_LABELS[(name, not wanted)]))
    minimum = condition.min_care_providers
    if minimum is not None and (profile.care_providers or 0) < minimum:
        missing.append(
            _("fewer than {minimum} care providers ({count})").format(
                minimum=minimum, count=profile.care_providers or 0
            )
        )
    return missing


def applies(point: Point, profile: Profile | None) -> bool:
    """Does ``point`` apply at a location with ``profile``? (Unknown profile: it does.)"""
    if point.applies_to is None or profile is None:
        return True
    return not unmet(point.applies_to, profile)


def nvt_reason(point: Point, profile: Profile) -> str:
    """The note of an automatic n.v.t.: the profile named as the reason."""
    assert point.applies_to is not None
    return _("n.v.t. by the location profile: {reasons}").format(
        reasons="; ".join(unmet(point.applies_to, profile))
    )


def automatic_nvt(points: list[Point] | tuple[Point, ...], profile: Profile) -> dict[str, str]:
    """``point id -> reason`` for every point the profile makes inapplicable."""
    return {p.id: nvt_reason(p, profile) for p in points if not applies(p, profile)}
