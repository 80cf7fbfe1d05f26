"""Days people can keep: working days, one event a day per person, the weekly maximum,
travel between regions, absences, and overdue events spread from the start day.

The checks here are written apart from ``qaudit.scheduling.days``: they look only at the plan.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from qaudit.scheduling import FixedEvent, PlanInput, PlannedEvent, plan
from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.days import schedule_days

from .builders import C, V, assessor, data, loc, org, visitor
from .test_schedule_properties import cooperatives

# Dutch public holidays, written out by hand for the years the tests plan in.
NL_HOLIDAYS = {
    date(2027, 1, 1), date(2027, 3, 28), date(2027, 3, 29), date(2027, 4, 27), date(2027, 5, 6),
    date(2027, 5, 16), date(2027, 5, 17), date(2027, 12, 25), date(2027, 12, 26),
    date(2028, 1, 1), date(2028, 4, 16), date(2028, 4, 17), date(2028, 4, 27), date(2028, 5, 25),
    date(2028, 6, 4), date(2028, 6, 5), date(2028, 12, 25), date(2028, 12, 26),
}  # fmt: skip


def day_problems(d: PlanInput, events) -> list[str]:
    s = d.settings
    region = {location.id: location.region for location in d.locations}
    problems: list[str] = []
    booked: dict[int, dict[date, str]] = defaultdict(dict)
    weeks: Counter[tuple[int, int, int]] = Counter()
    for e in events:
        if e.manual:
            continue
        if any(x.constraint is Constraint.NO_FREE_DAY for x in e.unassigned):
            continue  # the planner reports it itself
        if e.on.isoweekday() > 5 or e.on in NL_HOLIDAYS:
            problems.append(f"{e.uid} on a non-working day {e.on}")
        if not e.overdue and not e.window_start <= e.on <= e.window_end:
            problems.append(f"{e.uid} outside its window")
        if (
            e.overdue
            and not e.person_ids
            and e.on > d.start + timedelta(7 * s.overdue_spread_weeks)
        ):
            problems.append(f"{e.uid} overdue, nobody to wait for, yet after the spread period")
        for p in e.person_ids:
            if e.on in booked[p]:
                problems.append(f"person {p} twice on {e.on}")
            for offset in range(1, s.travel_days + 1):
                for other in (e.on - timedelta(offset), e.on + timedelta(offset)):
                    if booked[p].get(other, region[e.location_id]) != region[e.location_id]:
                        problems.append(f"person {p} travels between regions on {e.on}")
            if any(a <= e.on <= b for a, b in s.unavailable.get(p, ())):
                problems.append(f"person {p} absent on {e.on}")
            booked[p][e.on] = region[e.location_id]
            year, week, _ = e.on.isocalendar()
            weeks[(p, year, week)] += 1
            if weeks[(p, year, week)] > s.max_events_per_week:
                problems.append(f"person {p} over the weekly maximum in week {week}")
    return problems


@settings(max_examples=60, deadline=None)
@given(cooperatives(), st.integers(1, 3), st.integers(0, 2), st.integers(1, 8))
def test_every_planned_day_is_a_day_people_can_keep(d, per_week, travel, weeks) -> None:
    d = replace(
        d,
        settings=replace(
            d.settings, max_events_per_week=per_week, travel_days=travel, overdue_spread_weeks=weeks
        ),
    )
    assert day_problems(d, plan(d).events) == []


def _busy_cooperative(locations: int) -> PlanInput:
    """Many locations due in the same year, two assessors and one peer organisation."""
    orgs = [org(1, "Noord"), org(2, "Zuid"), org(3, "Noord")]
    people = [visitor(10, 2, max_per_year=50), assessor(20, max_per_year=50)]
    people += [assessor(21, max_per_year=50), visitor(11, 3, max_per_year=50)]
    rollout = date(2025, 3, 3)  # the first visitation was due in 2026: overdue in 2027
    places = [loc(i, 1, rollout, region="Noord") for i in range(1, locations + 1)]
    return data(places, orgs, people, years=2, start=date(2027, 1, 4))


def test_overdue_events_are_spread_most_overdue_first_not_all_on_the_start_day() -> None:
    d = _busy_cooperative(12)
    overdue = [e for e in plan(d).events if e.overdue]
    assert len(overdue) == 12
    days = sorted(e.on for e in overdue)
    assert len(set(days)) == 12  # 40 working days in the 8 weeks: one each
    assert days[0] == date(2027, 1, 4)
    assert days[-1] < date(2027, 1, 4) + timedelta(weeks=d.settings.overdue_spread_weeks)
    assert day_problems(d, plan(d).events) == []


def test_a_person_is_never_booked_twice_on_one_day() -> None:
    d = _busy_cooperative(20)
    result = plan(d)
    seen = Counter((p, e.on) for e in result.events for p in e.person_ids)
    assert seen and max(seen.values()) == 1


def test_a_kept_event_that_double_books_someone_is_reported_on_that_event() -> None:
    d = _busy_cooperative(1)
    first = FixedEvent("kept-a", 1, V, date(2027, 2, 2), 2, (10,))
    d = replace(
        d,
        locations=(*d.locations, loc(2, 1, date(2025, 3, 3), region="Noord")),
        fixed=(first, FixedEvent("kept-b", 2, V, date(2027, 2, 2), 2, (10,))),
    )
    events = {e.uid: e for e in plan(d).events}
    clashes = [v for v in events["kept-b"].violations if v.constraint is Constraint.DOUBLE_BOOKED]
    assert [v.subject for v in clashes] == [10]
    assert events["kept-a"].on == events["kept-b"].on == date(2027, 2, 2)


def test_an_event_with_no_free_day_says_so_and_names_the_people() -> None:
    d = _busy_cooperative(2)
    d = replace(d, settings=replace(d.settings, working_days=(3,), max_events_per_week=1))
    window = (date(2027, 1, 1), date(2027, 1, 31))  # Wednesdays 6, 13, 20, 27 January

    def event(uid: str, on: date, manual: bool) -> PlannedEvent:
        return PlannedEvent(uid, 1, C, 1, 2027, *window, on, manual=manual, person_ids=(20,))

    kept = [event(f"k{i}", date(2027, 1, 6) + timedelta(7 * i), True) for i in range(4)]
    planned = schedule_days([*kept, event("new", date(2027, 1, 13), False)], d)
    new = planned[-1]
    assert [(x.constraint, x.candidates) for x in new.unassigned] == [
        (Constraint.NO_FREE_DAY, (20,))
    ]
    assert new.on.isoweekday() == 3


def test_holidays_and_weekends_come_from_the_settings() -> None:
    d = _busy_cooperative(3)
    weekends = replace(d, settings=replace(d.settings, working_days=(6, 7), holiday_country=""))
    assert {e.on.isoweekday() for e in plan(weekends).events} <= {6, 7}
    christmas = date(2027, 12, 24)
    closed = replace(d, settings=replace(d.settings, extra_holidays=frozenset({christmas})))
    assert christmas not in {e.on for e in plan(closed).events}
    assert C in {e.kind for e in plan(d).events}


def test_a_kept_event_is_rechecked_for_roles_and_membership() -> None:
    from qaudit.scheduling import PersonIn

    d = _busy_cooperative(1)
    outsider = PersonIn(30, "Collega", organisation_id=3, peer_visitor=True)
    nobody = PersonIn(31, "Geen beoordelaar")
    lapsed = replace(d.organisations[0], memberships=((date(2015, 1, 1), date(2026, 12, 31)),))
    d = replace(
        d,
        organisations=(lapsed, *d.organisations[1:]),
        people=(*d.people, outsider, nobody),
        fixed=(
            FixedEvent("kept-v", 1, V, date(2027, 3, 3), 2, (30,)),  # a visitor of org 3
            FixedEvent("kept-c", 1, C, date(2028, 3, 8), None, (31, 20)),  # no assessor
        ),
    )
    events = {e.uid: e for e in plan(d).events}
    visitation = {(v.constraint, v.subject) for v in events["kept-v"].violations}
    cirkel = {(v.constraint, v.subject) for v in events["kept-c"].violations}
    assert (Constraint.NOT_PEER_VISITOR, 30) in visitation
    assert (Constraint.LOCATION_NOT_MEMBER, 1) in visitation
    assert (Constraint.NOT_ASSESSOR, 31) in cirkel
    assert (Constraint.NOT_ASSESSOR, 20) not in cirkel


def test_the_dutch_holidays_computed_here_are_the_librarys():
    import holidays

    from qaudit.scheduling.days import DUTCH_RULES_FROM, dutch_holidays, public_holidays

    for year in range(DUTCH_RULES_FROM, 2101):
        assert dutch_holidays(year) == frozenset(holidays.country_holidays("NL", years=year))
    assert public_holidays("NL", 2013) == frozenset(holidays.country_holidays("NL", years=2013))


def test_a_moved_event_keeps_every_other_field():
    """The planner moves events with its own copy (no ``dataclasses.replace``): every field but
    the day must come along, including any field added to ``PlannedEvent`` later."""
    from dataclasses import fields

    from qaudit.scheduling.days import _moved
    from qaudit.scheduling.model import Exclusion, Violation

    event = PlannedEvent(
        "loc1-cirkel-2@x", 1, C, 2, 2027, date(2027, 1, 1), date(2027, 12, 31),
        date(2027, 3, 1), True, True, 7, (3, 4),
        (Exclusion(Constraint.NO_FREE_DAY, (3,)),), (Violation(Constraint.TRAVEL, 4),),
    )  # fmt: skip
    assert all(getattr(event, f.name) != f.default for f in fields(PlannedEvent))
    assert _moved(event, date(2027, 3, 2)) == replace(event, on=date(2027, 3, 2))
