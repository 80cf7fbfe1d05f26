"""Each assignment constraint, and the "why not" explanation it produces."""

from __future__ import annotations

from datetime import date

import pytest

from qaudit.domain.enums import ConflictKind
from qaudit.errors import QauditError
from qaudit.scheduling import AuditIn, ConflictIn, FixedEvent, Held, PlannerSettings, plan
from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.explain import Names, why_not
from qaudit.scheduling.settings import planner_settings

from .builders import C, V, assessor, data, loc, org, visitor, with_settings

VISIT_DUE = date(2025, 3, 1)  # rollout: the visitation is due in 2026, overdue on 2027-01-01
CIRKEL_HISTORY = (Held(V, date(2026, 3, 1), 9),)  # then a Cirkel is due in 2027


def excluded(event) -> dict[Constraint, tuple[int, ...]]:
    return {x.constraint: x.candidates for x in event.unassigned}


def test_peer_is_never_the_own_organisation_and_why_not():
    result = plan(data([loc(1, 1)], [org(1)], [visitor(10, 1)]))
    event = result.events[0]
    assert event.kind is V and event.visiting_organisation_id is None
    assert excluded(event) == {Constraint.OWN_ORGANISATION: (1,)}
    lines = why_not(event, Names(organisations={1: "Zorggroep Eén"}))
    assert "Zorggroep Eén" in lines[1]


def test_peer_must_be_a_member_that_year():
    lapsed = org(2, memberships=((date(2015, 1, 1), date(2020, 1, 1)),))
    event = plan(data([loc(1, 1)], [org(1), lapsed], [visitor(10, 2)])).events[0]
    assert excluded(event) == {Constraint.OWN_ORGANISATION: (1,), Constraint.NOT_MEMBER: (2,)}


def test_not_the_same_peer_as_the_previous_visitation():
    history = (Held(V, date(2024, 3, 1), 2), Held(C, date(2025, 3, 1)))
    d = data(
        [loc(1, 1, date(2023, 1, 1), history)],
        [org(1), org(2), org(3)],
        [visitor(10, 2), visitor(11, 3)],
    )
    assert plan(d).events[0].visiting_organisation_id == 3
    event = plan(data(list(d.locations), [org(1), org(2)], [visitor(10, 2)])).events[0]
    assert excluded(event)[Constraint.SAME_PEER] == (2,)


def test_no_reciprocal_visit_in_the_same_year_unless_allowed():
    d = data([loc(1, 1), loc(2, 2)], [org(1), org(2)], [visitor(10, 1), visitor(20, 2)])
    first, second = plan(d).events
    assert first.visiting_organisation_id == 2
    assert excluded(second) == {Constraint.OWN_ORGANISATION: (2,), Constraint.RECIPROCAL: (1,)}
    allowed = plan(with_settings(d, allow_reciprocal_same_year=True)).events
    assert [e.visiting_organisation_id for e in allowed] == [2, 1]


def test_organisation_load_is_capped_per_year():
    d = data(
        [loc(i, 1) for i in range(1, 4)],
        [org(1), org(2)],
        [visitor(20, 2), visitor(21, 2)],
        settings=PlannerSettings(max_visits_per_organisation=2),
    )
    events = plan(d).events
    assert [e.visiting_organisation_id for e in events] == [2, 2, None]
    assert excluded(events[2])[Constraint.ORGANISATION_LOAD] == (2,)


def test_peer_needs_a_free_independent_visitor():
    conflicted = visitor(20, 2)
    d = data(
        [loc(1, 1)],
        [org(1), org(2), org(3)],
        [conflicted],
        conflicts=(ConflictIn(20, 1, ConflictKind.EMPLOYED, date(2020, 1, 1), None),),
    )
    event = plan(d).events[0]
    assert excluded(event)[Constraint.NO_PEER_VISITOR] == (2, 3)


def test_peer_in_the_same_region_first():
    d = data(
        [loc(1, 1, region="Noord")],
        [org(1), org(2, "Zuid"), org(3, "Noord")],
        [visitor(20, 2), visitor(30, 3)],
    )
    assert plan(d).events[0].visiting_organisation_id == 3
    assert plan(with_settings(d, prefer_same_region=False)).events[0].visiting_organisation_id == 2


def _cirkel(people, **kw):
    return data([loc(1, 1, history=CIRKEL_HISTORY)], [org(1), org(2)], people, **kw)


def test_cirkel_team_of_configured_size():
    people = [assessor(30), assessor(31), assessor(32)]
    assert plan(_cirkel(people)).events[0].person_ids == (30, 31)
    three = plan(_cirkel(people, settings=PlannerSettings(team_size=3))).events[0]
    assert three.kind is C and three.person_ids == (30, 31, 32)


def test_assessor_employed_by_the_organisation_is_excluded():
    event = plan(_cirkel([assessor(30, employer=1), assessor(31)])).events[0]
    assert event.person_ids == ()
    assert excluded(event) == {Constraint.EMPLOYED: (30,), Constraint.TEAM_INCOMPLETE: (31,)}


@pytest.mark.parametrize(
    ("kind", "constraint"),
    [
        (ConflictKind.EMPLOYED, Constraint.EMPLOYED),
        (ConflictKind.ADVISES, Constraint.ADVISES),
        (ConflictKind.AUDITED, Constraint.AUDITED),
        (ConflictKind.OTHER, Constraint.OTHER_CONFLICT),
    ],
)
def test_declared_conflicts_within_the_independence_years(kind, constraint):
    conflict = ConflictIn(30, 1, kind, date(2019, 1, 1), date(2024, 6, 30))
    people = [assessor(30), assessor(31), assessor(32)]
    event = plan(_cirkel(people, conflicts=(conflict,))).events[0]  # 2027 - 3 = 2024
    assert event.person_ids == (31, 32)
    alone = plan(_cirkel(people[:2], conflicts=(conflict,))).events[0]
    assert excluded(alone)[constraint] == (30,)
    longer_ago = plan(
        _cirkel(people, conflicts=(conflict,), settings=PlannerSettings(independence_years=2))
    ).events[0]
    assert 30 in longer_ago.person_ids


def test_assessor_who_audited_the_organisation_recently_is_excluded():
    people = [assessor(30), assessor(31)]
    event = plan(_cirkel(people, audits=(AuditIn(31, 1, date(2025, 5, 1)),))).events[0]
    assert excluded(event)[Constraint.AUDITED] == (31,)
    old = plan(_cirkel(people, audits=(AuditIn(31, 1, date(2022, 5, 1)),))).events[0]
    assert old.person_ids == (30, 31)


def test_the_plans_own_cirkels_count_as_audits():
    people = [assessor(30), assessor(31), assessor(32), assessor(33)]
    d = _cirkel(people, years=3)
    cirkels = [e for e in plan(d).events if e.kind is C]
    assert len(cirkels) == 2
    assert not set(cirkels[0].person_ids) & set(cirkels[1].person_ids)


def test_unavailable_assessor_is_excluded():
    settings = PlannerSettings(unavailable={30: ((date(2027, 1, 1), date(2027, 12, 31)),)})
    event = plan(_cirkel([assessor(30), assessor(31)], settings=settings)).events[0]
    assert excluded(event)[Constraint.UNAVAILABLE] == (30,)


def test_assessor_load_is_capped_per_year():
    locations = [loc(i, 1, history=CIRKEL_HISTORY) for i in (1, 2)]
    d = data(locations, [org(1)], [assessor(30, max_per_year=1), assessor(31, max_per_year=1)])
    first, second = plan(d).events
    assert first.person_ids == (30, 31)
    assert excluded(second) == {Constraint.PERSON_LOAD: (30, 31)}


def test_no_candidates_at_all_is_said_so():
    event = plan(_cirkel([])).events[0]
    assert excluded(event) == {Constraint.NO_CANDIDATES: ()}
    assert len(why_not(event, Names())) == 2


def test_the_rest_is_planned_when_one_location_cannot_be():
    d = data([loc(1, 1), loc(2, 2)], [org(1), org(2)], [visitor(10, 1)])
    first, second = plan(d).events
    assert first.visiting_organisation_id == 2 or second.visiting_organisation_id == 1
    assert sum(1 for e in (first, second) if e.unassigned) == 1


def test_stored_assignment_is_kept_when_still_valid():
    people = [assessor(30), assessor(31), assessor(32)]
    d = _cirkel(people, previous={"loc1-cirkel-1@qaudit": (None, (31, 32))})
    assert plan(d).events[0].person_ids == (31, 32)


def test_kept_event_is_rechecked():
    kept = FixedEvent("k", 1, C, date(2027, 5, 1), None, (30,))
    d = _cirkel([assessor(30, employer=1), assessor(31)], fixed=(kept,))
    event = plan(d).events[0]
    assert event.manual and event.person_ids == (30,)
    assert {(v.constraint, v.subject) for v in event.violations} == {
        (Constraint.EMPLOYED, 30),
        (Constraint.TEAM_INCOMPLETE, None),
    }


def test_settings_are_checked_with_the_key_named():
    assert planner_settings({"team_size": 3}).team_size == 3
    with pytest.raises(QauditError, match="team_sise"):
        planner_settings({"team_sise": 3})
    with pytest.raises(QauditError, match="team_size"):
        planner_settings({"team_size": 0})
    with pytest.raises(QauditError, match="unavailable"):
        planner_settings({"unavailable": {"12": ["2027-13-01"]}})
    periods = planner_settings({"unavailable": {"12": ["2027", "2028-07-01/2028-08-31"]}})
    assert periods.unavailable[12][1] == (date(2028, 7, 1), date(2028, 8, 31))
