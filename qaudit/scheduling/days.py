"""Concrete days for planned events: working days, one event a day per person, travel, spread.

The rhythm decides the *year* of each event and a target day (the anniversary of the previous
one). This pass turns the target into a day people can keep:

* only **working days**: the weekdays of ``working_days`` (Monday to Friday), minus the public
  holidays of ``holiday_country`` (the ``holidays`` library: Nieuwjaarsdag, Pasen, Koningsdag,
  Hemelvaart, Pinksteren, Kerst, ...) and the ``extra_holidays``;
* every person at most **one event a day** and at most ``max_events_per_week`` in an ISO week;
* **travel**: a person's events in different regions are at least ``travel_days`` days apart;
* nobody on a day in their absences (``unavailable``);
* **overdue** events are spread evenly over the working days of the first
  ``overdue_spread_weeks`` weeks from the plan's start, most overdue first, instead of all on
  the start day (whatever the cooperative's size);
* other events take the free working day nearest to their target within their window (the
  due calendar year), later days first.

Kept (manual) events keep their day; they are booked first and re-checked: a person with two
events on a day (or over the weekly maximum, or too close for travel) is a violation of the
kept event. An event for which no day in its window is free keeps the nearest working day to
its target and names ``Constraint.NO_FREE_DAY`` with the people it could not fit.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.model import Exclusion, PlanInput, PlannedEvent, Violation
from qaudit.scheduling.settings import PlannerSettings

OVERDUE_HORIZON_DAYS = 366
"""How far past the start an overdue event may be spread before it counts as unplaceable."""


@cache
def public_holidays(country: str, year: int) -> frozenset[date]:
    """The public holidays of ``country`` (ISO code, e.g. ``NL``) in ``year``; empty for ``""``."""
    if not country:
        return frozenset()
    if country == "NL" and year >= DUTCH_RULES_FROM:
        return dutch_holidays(year)
    import holidays  # only the planner needs it (0.15 s to import: the Dutch ones are below)

    return frozenset(holidays.country_holidays(country, years=year))


DUTCH_RULES_FROM = 2014
"""From this year on (King's Day) the Dutch holidays are computed here, as the ``holidays``
library gives them (a test compares both); earlier years, and other countries, come from
the library."""


def dutch_holidays(year: int) -> frozenset[date]:
    """Nieuwjaarsdag, Goede Vrijdag, Pasen, Koningsdag (26 April when the 27th is a Sunday),
    Bevrijdingsdag (every fifth year), Hemelvaart, Pinksteren and Kerst."""
    easter = easter_sunday(year)
    kings_day = date(year, 4, 27)
    if kings_day.isoweekday() == 7:
        kings_day = date(year, 4, 26)
    days = {date(year, 1, 1), kings_day, date(year, 12, 25), date(year, 12, 26)}
    days |= {easter + timedelta(offset) for offset in (-2, 0, 1, 39, 49, 50)}
    if year % 5 == 0:
        days.add(date(year, 5, 5))
    return frozenset(days)


def easter_sunday(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def is_working_day(day: date, settings: PlannerSettings) -> bool:
    return (
        day.isoweekday() in settings.working_days
        and day not in settings.extra_holidays
        and day not in public_holidays(settings.holiday_country, day.year)
    )


@dataclass
class Diary:
    """Who is booked when: the days of each person, with the region of that day's event.

    Days are kept as ordinals (``date.toordinal()``) and weeks as ordinal // 7 (ordinal 1 is
    a Monday): the checks run tens of thousands of times per plan, without date arithmetic.
    """

    settings: PlannerSettings
    start: date
    days: dict[int, dict[int, str]] = field(default_factory=lambda: defaultdict(dict))
    weeks: Counter[tuple[int, int]] = field(default_factory=Counter)
    working: dict[date, bool] = field(default_factory=dict)

    def is_working_day(self, day: date) -> bool:
        known = self.working.get(day)
        if known is None:
            known = self.working[day] = is_working_day(day, self.settings)
        return known

    def clashes(self, person: int, day: date, region: str) -> Constraint | None:
        """Why ``person`` cannot take an event in ``region`` on ``day`` (None: they can)."""
        settings = self.settings
        booked = self.days.get(person)
        if not booked:
            return _absent(settings, person, day)
        ordinal = day.toordinal()
        if ordinal in booked:
            return Constraint.DOUBLE_BOOKED
        if self.weeks.get((person, (ordinal - 1) // 7), 0) >= settings.max_events_per_week:
            return Constraint.WEEK_LOAD
        for offset in range(1, settings.travel_days + 1):
            before, after = booked.get(ordinal - offset), booked.get(ordinal + offset)
            if (before is not None and before != region) or (after is not None and after != region):
                return Constraint.TRAVEL
        return _absent(settings, person, day)

    def book(self, people: Sequence[int], day: date, region: str) -> None:
        ordinal = day.toordinal()
        week = (ordinal - 1) // 7
        for person in people:
            self.days[person][ordinal] = region
            self.weeks[(person, week)] += 1


def _absent(settings: PlannerSettings, person: int, day: date) -> Constraint | None:
    for first, last in settings.unavailable.get(person, ()):  # a loop: no generator per call
        if first <= day <= last:
            return Constraint.UNAVAILABLE
    return None


def schedule_days(events: Sequence[PlannedEvent], data: PlanInput) -> tuple[PlannedEvent, ...]:
    """``events`` on concrete days by the rules above, in the same order as given."""
    settings = data.settings
    region = {location.id: location.region for location in data.locations}
    diary = Diary(settings, data.start)
    placed: dict[str, PlannedEvent] = {}
    for event in events:
        if event.manual:
            placed[event.uid] = _recheck_kept(diary, event, region.get(event.location_id, ""))
    waiting = sorted((e for e in events if not e.manual), key=_urgency)
    overdue = [e for e in waiting if e.overdue]
    spread = _spread_days(diary, data.start, len(overdue))
    for rank, event in enumerate(waiting):
        first = spread[rank] if event.overdue else event.on
        where = region.get(event.location_id, "")
        kept = _keep_stored_day(diary, event, data.previous_days.get(event.uid), where)
        placed[event.uid] = kept or _place(diary, event, first, where)
    return tuple(placed[event.uid] for event in events)


def _keep_stored_day(
    diary: Diary, event: PlannedEvent, day: date | None, region: str
) -> PlannedEvent | None:
    """The event on the day the stored plan gave it, when that day still holds: re-planning
    changes as little as it can (every changed day is a calendar update for people)."""
    if day is None or day < diary.start or not diary.is_working_day(day):
        return None
    if not event.overdue and not event.window_start <= day <= event.window_end:
        return None
    if any(diary.clashes(p, day, region) is not None for p in event.person_ids):
        return None
    diary.book(event.person_ids, day, region)
    return event if day == event.on else _moved(event, day)


def _spread_days(diary: Diary, start: date, count: int) -> list[date]:
    """``count`` first days, evenly over the working days of the overdue spread period."""
    period = (
        start + timedelta(offset) for offset in range(diary.settings.overdue_spread_weeks * 7)
    )
    days = [day for day in period if diary.is_working_day(day)] or [start]
    return [days[rank * len(days) // count] for rank in range(count)]


def _urgency(event: PlannedEvent) -> tuple[object, ...]:
    """Overdue first (longest overdue first), then by target day; ties by location."""
    return (not event.overdue, event.window_end if event.overdue else event.on, event.location_id)


def _recheck_kept(diary: Diary, event: PlannedEvent, region: str) -> PlannedEvent:
    found = []
    for person in event.person_ids:
        reason = diary.clashes(person, event.on, region)
        if reason is not None and reason is not Constraint.UNAVAILABLE:  # checked elsewhere
            found.append(Violation(reason, person))
    diary.book(event.person_ids, event.on, region)
    if not found:
        return event
    return replace(event, violations=event.violations + tuple(found))


def _place(diary: Diary, event: PlannedEvent, first: date, region: str) -> PlannedEvent:
    """The event on the first free day from ``first`` (overdue) or nearest its target."""
    excluded: set[int] = set()
    people, clashes, working = event.person_ids, diary.clashes, diary.is_working_day
    for day in _candidates(event, first, diary.start):
        if not working(day):
            continue
        blocked = [p for p in people if clashes(p, day, region) is not None]
        if not blocked:
            diary.book(event.person_ids, day, region)
            return event if day == event.on else _moved(event, day)
        excluded.update(blocked)
    day = _nearest_working_day(first, diary)
    people = tuple(sorted(excluded))
    return replace(
        event, on=day, unassigned=(*event.unassigned, Exclusion(Constraint.NO_FREE_DAY, people))
    )


def _moved(event: PlannedEvent, day: date) -> PlannedEvent:
    """``event`` on ``day``: ``dataclasses.replace`` without its per-field introspection
    (ten thousand events a plan move from their target day)."""
    return PlannedEvent(
        event.uid,
        event.location_id,
        event.kind,
        event.number,
        event.due_year,
        event.window_start,
        event.window_end,
        day,
        event.overdue,
        event.manual,
        event.visiting_organisation_id,
        event.person_ids,
        event.unassigned,
        event.violations,
    )


def _candidates(event: PlannedEvent, first: date, start: date) -> Iterator[date]:
    """Days to try: overdue ones from ``first`` on; others outward from the target day, within
    the window and not before the plan's ``start``."""
    if event.overdue:
        for offset in range(OVERDUE_HORIZON_DAYS):
            yield first + timedelta(offset)
        return
    first, last = max(event.window_start, start), event.window_end
    target = min(max(event.on, first), last)
    for offset in range((last - first).days + 1):
        later, earlier = target + timedelta(offset), target - timedelta(offset)
        if later <= last:
            yield later
        if offset and earlier >= first:
            yield earlier


def _nearest_working_day(day: date, diary: Diary) -> date:
    for offset in range(OVERDUE_HORIZON_DAYS):
        if diary.is_working_day(day + timedelta(offset)):
            return day + timedelta(offset)
    return day


def double_bookings(events: Sequence[PlannedEvent]) -> Mapping[tuple[int, date], list[str]]:
    """Person and day -> the uids of the events booked then, where there is more than one."""
    seen: dict[tuple[int, date], list[str]] = defaultdict(list)
    for event in events:
        for person in event.person_ids:
            seen[(person, event.on)].append(event.uid)
    return {key: uids for key, uids in seen.items() if len(uids) > 1}
