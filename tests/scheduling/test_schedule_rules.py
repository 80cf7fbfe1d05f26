"""The rhythm of steps 8–9: first visitation, alternation, windows, overdue, missed, moved."""

from __future__ import annotations

from datetime import date

from qaudit.scheduling import FixedEvent, Held, plan
from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.cycle import anniversary, next_due

from .builders import C, V, assessor, data, loc, org, visitor

ROLLOUT = date(2025, 3, 14)


def test_first_event_after_rollout_is_a_visitation_the_next_year():
    due = next_due(ROLLOUT, [])
    assert (due.kind, due.year, due.number, due.target) == (V, 2026, 1, date(2026, 3, 14))
    assert (due.window_start, due.window_end) == (date(2026, 1, 1), date(2026, 12, 31))


def test_kinds_alternate_yearly_after_what_was_held():
    due = next_due(ROLLOUT, [Held(V, date(2026, 5, 1))])
    assert (due.kind, due.year, due.number) == (C, 2027, 1)
    due = next_due(ROLLOUT, [Held(V, date(2026, 5, 1)), Held(C, date(2027, 6, 2))])
    assert (due.kind, due.year, due.number, due.target) == (V, 2028, 2, date(2028, 6, 2))


def test_history_order_does_not_matter():
    held = [Held(C, date(2027, 6, 2)), Held(V, date(2026, 5, 1))]
    assert next_due(ROLLOUT, held) == next_due(ROLLOUT, list(reversed(held)))


def test_a_missed_event_stays_due_and_becomes_overdue():
    due = next_due(ROLLOUT, [Held(V, date(2026, 5, 1))])  # the 2027 Cirkel was missed
    assert due.kind is C and due.year == 2027
    assert not due.overdue(date(2027, 12, 31))
    assert due.overdue(date(2028, 1, 1))
    assert due.day(date(2028, 2, 1)) == date(2028, 2, 1)  # as soon as possible


def test_a_moved_event_moves_the_rhythm_but_keeps_two_years_per_kind():
    # Cirkel held late in 2028 instead of 2027: the next visitation follows in 2029
    held = [Held(V, date(2026, 5, 1)), Held(C, date(2028, 2, 1))]
    assert (next_due(ROLLOUT, held).kind, next_due(ROLLOUT, held).year) == (V, 2029)
    # two events in one year: the next one of each kind still comes two years later
    held = [Held(C, date(2026, 1, 10)), Held(V, date(2026, 11, 1))]
    assert next_due(ROLLOUT, held).year == 2028


def test_leap_day_anniversary():
    assert anniversary(date(2024, 2, 29), 2025) == date(2025, 2, 28)


def _coop(history=(), fixed=(), years=10):
    orgs = [org(1), org(2), org(3)]
    people = [
        visitor(10, 2),
        visitor(11, 3),
        assessor(20),
        assessor(21),
        assessor(22),
        assessor(23),
    ]
    return data(
        [loc(1, 1, ROLLOUT, tuple(history))],
        orgs,
        people,
        years=years,
        start=date(2027, 1, 1),
        fixed=tuple(fixed),
    )


def test_plan_alternates_over_ten_years_from_an_overdue_event():
    result = plan(_coop())  # the 2026 visitation was never held: overdue on 2027-01-01
    kinds = [(e.kind, e.on.year) for e in result.events]
    assert kinds[0] == (V, 2027) and result.events[0].overdue
    assert result.events[0].due_year == 2026
    assert kinds == [(V if i % 2 == 0 else C, 2027 + i) for i in range(10)]
    assert not any(e.overdue for e in result.events[1:])


def test_a_location_without_rollout_is_skipped_with_the_gate_reason():
    d = _coop()
    blocked = loc(2, 1, None, blocked="The basis is not sufficiently in order.")
    result = plan(data([*d.locations, blocked], list(d.organisations), list(d.people)))
    assert [s.reason for s in result.skipped] == ["The basis is not sufficiently in order."]
    assert {e.location_id for e in result.events} == {1}


def test_kept_event_moves_the_rhythm_and_is_not_moved():
    kept = FixedEvent("kept-1", 1, V, date(2028, 4, 1), 2, (10,))
    result = plan(_coop(fixed=[kept], years=4))
    # The Cirkel's anniversary, 2029-04-01, is Easter Sunday; Easter Monday follows: the
    # first working day after it is Tuesday 2029-04-03.
    assert [(e.kind, e.on) for e in result.events][:2] == [
        (V, date(2028, 4, 1)),
        (C, date(2029, 4, 3)),
    ]
    assert result.events[0].manual and result.events[0].uid == "kept-1"
    assert result.events[0].overdue is False and result.events[0].violations == ()


def test_kept_event_of_the_wrong_kind_breaks_the_alternation():
    kept = FixedEvent("kept-2", 1, C, date(2027, 4, 1), None, (20, 21))
    result = plan(_coop(history=[Held(C, date(2025, 9, 1))], fixed=[kept], years=2))
    assert Constraint.ALTERNATION in {v.constraint for v in result.events[0].violations}


def test_kept_event_sooner_than_the_rhythm_allows():
    kept = FixedEvent("kept-3", 1, C, date(2026, 12, 1), None, (20, 21))
    result = plan(_coop(history=[Held(V, date(2026, 5, 1))], fixed=[kept], years=2))
    assert [v.constraint for v in result.events[0].violations] == [Constraint.TOO_SOON]


def test_uids_are_stable_and_number_each_kind():
    first = plan(_coop(years=4))
    assert [e.uid for e in first.events] == [
        "loc1-visitation-1@qaudit",
        "loc1-cirkel-1@qaudit",
        "loc1-visitation-2@qaudit",
        "loc1-cirkel-2@qaudit",
    ]
    later = plan(_coop(history=[Held(V, date(2027, 3, 1))], years=4))
    assert later.events[0].uid == "loc1-cirkel-1@qaudit"


def test_membership_end_stops_the_plan():
    d = _coop(years=10)
    ended = org(1, memberships=((date(2015, 1, 1), date(2029, 6, 30)),))
    result = plan(data(list(d.locations), [ended, *d.organisations[1:]], list(d.people), years=10))
    assert max(e.on.year for e in result.events) == 2029
