"""The planner's settings: the ``[planner]`` table of ``config.toml`` as a typed value.

Every key is optional; an unknown key or a value of the wrong type is refused with a message
that names the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date

from qaudit.errors import QauditError
from qaudit.i18n import _


@dataclass(frozen=True)
class PlannerSettings:
    team_size: int = 2
    """Independent assessors per Cirkel van Kwaliteit@ assessment."""

    peer_visitors: int = 2
    """Peer visitors of the visiting organisation sent to one visitation (at least one must be
    available; up to this many are assigned)."""

    max_visits_per_organisation: int = 2
    """How many visitations one organisation carries out in one calendar year at the most."""

    independence_years: int = 3
    """An assessor must not have been employed by, advised or audited the location's organisation
    (declared conflicts, employment, assessments led or assigned) within this many years."""

    allow_reciprocal_same_year: bool = False
    """May A visit B in the same year that B visits A?"""

    prefer_same_region: bool = True
    """Look for peers and assessors in the location's region first (nearest by region)."""

    unavailable: Mapping[int, tuple[tuple[date, date], ...]] = field(default_factory=dict)
    """Person id -> periods (first day, last day) in which they cannot visit or assess."""

    uid_domain: str = "qaudit"
    """The right-hand side of the calendar UIDs (``loc12-visitation-3@<uid_domain>``)."""

    working_days: tuple[int, ...] = (1, 2, 3, 4, 5)
    """ISO weekdays on which events are planned (1 = Monday ... 7 = Sunday)."""

    holiday_country: str = "NL"
    """Public holidays of this country (ISO code) are no working days; "" for none."""

    extra_holidays: frozenset[date] = frozenset()
    """Further days without events (e.g. the cooperative's own closing days)."""

    max_events_per_week: int = 3
    """Events one person takes part in within one ISO week at the most."""

    overdue_spread_weeks: int = 8
    """Overdue events are spread evenly over this many weeks from the plan's start."""

    travel_days: int = 1
    """Free days between two events of one person in different regions."""

    organizer_name: str = "Kwaliteit@ planning"
    """Who invitations come from (``schedule ics --invitations``)."""

    organizer_email: str = ""
    """The address invitations come from and answers go to; required for invitations."""


_INTS = (
    "team_size",
    "peer_visitors",
    "max_visits_per_organisation",
    "independence_years",
    "max_events_per_week",
    "overdue_spread_weeks",
    "travel_days",
)
_ZERO_ALLOWED = ("independence_years", "travel_days")
_BOOLS = ("allow_reciprocal_same_year", "prefer_same_region")


def planner_settings(values: Mapping[str, object], source: str = "config.toml") -> PlannerSettings:
    """Typed settings from the ``[planner]`` table; errors name ``source`` and the key."""
    known = {f.name for f in fields(PlannerSettings)}
    unknown = sorted(set(values) - known)
    if unknown:
        from qaudit.config import unknown_key

        raise QauditError(unknown_key(source, f"planner.{unknown[0]}", known))
    typed: dict[str, object] = {}
    for key, value in values.items():
        if key in _INTS:
            typed[key] = _int(value, key, source)
        elif key in _BOOLS:
            if not isinstance(value, bool):
                message = _("{path}: planner.{key}: expected true or false, got {value!r}")
                raise QauditError(message.format(path=source, key=key, value=value))
            typed[key] = value
        elif key == "unavailable":
            typed[key] = _periods(value, source)
        elif key == "working_days":
            typed[key] = _weekdays(value, source)
        elif key == "extra_holidays":
            typed[key] = _days(value, source)
        elif key == "holiday_country":
            typed[key] = _country(value, source)
        else:
            if not isinstance(value, str) or not value:
                message = _("{path}: planner.{key}: expected text, got {value!r}")
                raise QauditError(message.format(path=source, key=key, value=value))
            typed[key] = value
    return PlannerSettings(**typed)  # type: ignore[arg-type]


def _weekdays(value: object, source: str) -> tuple[int, ...]:
    if (
        not isinstance(value, list)
        or not value
        or any(isinstance(d, bool) or not isinstance(d, int) or not 1 <= d <= 7 for d in value)
    ):
        message = _("{path}: planner.working_days: expected a list of weekdays 1–7, got {value!r}")
        raise QauditError(message.format(path=source, value=value))
    return tuple(sorted(set(value)))


def _days(value: object, source: str) -> frozenset[date]:
    message = _(
        "{path}: planner.extra_holidays: expected a list of dates (2027-12-24), got {value!r}"
    )
    if not isinstance(value, list):
        raise QauditError(message.format(path=source, value=value))
    days = set()
    for entry in value:
        if isinstance(entry, date):
            days.add(entry)
            continue
        try:
            days.add(date.fromisoformat(str(entry)))
        except ValueError:
            raise QauditError(message.format(path=source, value=entry)) from None
    return frozenset(days)


def _country(value: object, source: str) -> str:
    if value == "":
        return ""
    import holidays

    if not isinstance(value, str) or value.upper() not in holidays.list_supported_countries():
        message = _(
            "{path}: planner.holiday_country: expected a country code such as NL, got {value!r}"
        )
        raise QauditError(message.format(path=source, value=value))
    return value.upper()


def _int(value: object, key: str, source: str) -> int:
    minimum = 0 if key in _ZERO_ALLOWED else 1
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        message = _("{path}: planner.{key}: expected a whole number ≥ {minimum}, got {value!r}")
        raise QauditError(message.format(path=source, key=key, minimum=minimum, value=value))
    return value


def _periods(value: object, source: str) -> dict[int, tuple[tuple[date, date], ...]]:
    """``{"12" = ["2027-07-01/2027-08-31", "2028"]}``: a period or a whole year per entry."""
    if not isinstance(value, Mapping):
        message = _("{path}: planner.unavailable: expected a table of person ids")
        raise QauditError(message.format(path=source))
    result: dict[int, tuple[tuple[date, date], ...]] = {}
    for person, entries in value.items():
        where = f"{source}: planner.unavailable.{person}"
        if not str(person).isdigit() or not isinstance(entries, list):
            message = _("{where}: expected a person id with a list of periods")
            raise QauditError(message.format(where=where))
        result[int(person)] = tuple(_period(str(entry), where) for entry in entries)
    return result


def _period(text: str, where: str) -> tuple[date, date]:
    try:
        if text.isdigit():
            return date(int(text), 1, 1), date(int(text), 12, 31)
        first, _sep, last = text.partition("/")
        start, end = date.fromisoformat(first), date.fromisoformat(last or first)
    except ValueError:
        message = _("{where}: {text!r} is not a year (2027) or a period (2027-07-01/2027-08-31)")
        raise QauditError(message.format(where=where, text=text)) from None
    if end < start:
        raise QauditError(
            _("{where}: {text!r} ends before it starts").format(where=where, text=text)
        )
    return start, end
