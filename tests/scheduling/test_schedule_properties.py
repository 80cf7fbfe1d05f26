"""Properties over random cooperatives: every assignment satisfies every constraint, the
alternation holds over ten years, and the same input gives the same plan."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from qaudit.domain.enums import ConflictKind
from qaudit.scheduling import (
    AuditIn,
    ConflictIn,
    Held,
    LocationIn,
    OrganisationIn,
    PersonIn,
    Plan,
    PlanInput,
    PlannerSettings,
    plan,
)
from qaudit.scheduling.cycle import next_due

from .builders import C, V

REGIONS = ("Noord", "Zuid", "Oost")
START = date(2027, 1, 1)


@st.composite
def cooperatives(draw) -> PlanInput:
    n_orgs = draw(st.integers(2, 7))
    orgs = [
        OrganisationIn(
            i,
            f"O{i}",
            draw(st.sampled_from(REGIONS)),
            ((date(2015, 1, 1), draw(st.sampled_from([None, date(2031, 6, 1)]))),),
        )
        for i in range(1, n_orgs + 1)
    ]
    employers = st.sampled_from([None, *range(1, n_orgs + 1)])
    people = [
        PersonIn(
            100 + i,
            organisation_id=draw(employers),
            region=draw(st.sampled_from(REGIONS)),
            max_per_year=draw(st.integers(1, 4)),
            assessor=True,
        )
        for i in range(draw(st.integers(0, 8)))
    ]
    people += [
        PersonIn(
            200 + i,
            organisation_id=draw(st.integers(1, n_orgs)),
            max_per_year=draw(st.integers(1, 3)),
            peer_visitor=True,
        )
        for i in range(draw(st.integers(0, 8)))
    ]
    locations = [
        _location(draw, i, draw(st.sampled_from(orgs)), n_orgs)
        for i in range(1, draw(st.integers(1, 12)) + 1)
    ]
    pids = [p.id for p in people] or [1]
    conflicts = [
        ConflictIn(
            draw(st.sampled_from(pids)),
            draw(st.integers(1, n_orgs)),
            draw(st.sampled_from(list(ConflictKind))),
            date(draw(st.integers(2018, 2030)), 1, 1),
            draw(st.sampled_from([None, date(2024, 1, 1), date(2029, 1, 1)])),
        )
        for _ in range(draw(st.integers(0, 6)))
    ]
    audits = [
        AuditIn(
            draw(st.sampled_from(pids)),
            draw(st.integers(1, n_orgs)),
            date(draw(st.integers(2022, 2026)), 6, 1),
        )
        for _ in range(draw(st.integers(0, 6)))
    ]
    options = PlannerSettings(
        team_size=draw(st.integers(1, 3)),
        peer_visitors=draw(st.integers(1, 2)),
        max_visits_per_organisation=draw(st.integers(1, 3)),
        independence_years=draw(st.integers(0, 4)),
        allow_reciprocal_same_year=draw(st.booleans()),
        prefer_same_region=draw(st.booleans()),
        unavailable={pids[0]: ((date(2028, 1, 1), date(2028, 6, 30)),)},
    )
    return PlanInput(
        START,
        10,
        tuple(locations),
        tuple(orgs),
        tuple(people),
        tuple(conflicts),
        tuple(audits),
        settings=options,
    )


def _location(draw, lid: int, org: OrganisationIn, n_orgs: int) -> LocationIn:
    rollout = date(draw(st.integers(2019, 2027)), draw(st.integers(1, 12)), 15)
    history: list[Held] = []
    for _ in range(draw(st.integers(0, 4))):
        due = next_due(rollout, history)
        if due.target >= START:
            break
        peer = draw(st.integers(1, n_orgs)) if due.kind is V else None
        history.append(Held(due.kind, due.target, peer))
    return LocationIn(
        lid, org.id, region=org.region, rollout_done_on=rollout, history=tuple(history)
    )


def _violations(data: PlanInput, result: Plan) -> list[str]:
    """An independent check of every constraint, written apart from the planner."""
    s = data.settings
    orgs = {o.id: o for o in data.organisations}
    people = {p.id: p for p in data.people}
    locations = {loc.id: loc for loc in data.locations}
    problems: list[str] = []
    org_load: Counter[tuple[int, int]] = Counter()
    person_load: Counter[tuple[int, int]] = Counter()
    pairs: set[tuple[int, int, int]] = set()
    audits = defaultdict(list)
    for a in data.audits:
        audits[(a.person_id, a.organisation_id)].append(a.on.year)
    for e in result.events:
        if e.kind is C:
            for p in e.person_ids:
                audits[(p, locations[e.location_id].organisation_id)].append(e.on.year)
    last_peer = {
        loc.id: next(
            (
                h.visiting_organisation_id
                for h in sorted(loc.history, key=lambda h: h.on, reverse=True)
                if h.visiting_organisation_id
            ),
            None,
        )
        for loc in data.locations
    }
    for e in result.events:
        location, year = locations[e.location_id], e.on.year
        own = location.organisation_id
        for p in e.person_ids:
            person = people[p]
            person_load[(p, year)] += 1
            if person.organisation_id == own:
                problems.append(f"{e.uid}: {p} employed")
            for c in data.conflicts:
                if (
                    (c.person_id, c.organisation_id) == (p, own)
                    and (c.start is None or c.start.year <= year)
                    and (c.end is None or c.end.year >= year - s.independence_years)
                ):
                    problems.append(f"{e.uid}: {p} conflict {c.kind}")
            if any(a <= e.on <= b for a, b in s.unavailable.get(p, ())):
                problems.append(f"{e.uid}: {p} unavailable")
        if e.kind is V and e.visiting_organisation_id is not None:
            peer = e.visiting_organisation_id
            org_load[(peer, year)] += 1
            pairs.add((peer, own, year))
            if peer == own or not orgs[peer].member_in(year) or peer == last_peer[location.id]:
                problems.append(f"{e.uid}: peer {peer} own/non-member/same as last")
            if not e.person_ids or any(
                not people[p].peer_visitor or people[p].organisation_id != peer
                for p in e.person_ids
            ):
                problems.append(f"{e.uid}: visitors not of {peer}")
            last_peer[location.id] = peer
        if e.kind is C and e.person_ids:
            if len(e.person_ids) != s.team_size or len(set(e.person_ids)) != s.team_size:
                problems.append(f"{e.uid}: team size")
            for p in e.person_ids:
                if not people[p].assessor or any(
                    0 < abs(y - year) <= s.independence_years for y in audits[(p, own)]
                ):
                    problems.append(f"{e.uid}: {p} not an independent assessor")
        if not e.assigned and not e.unassigned:
            problems.append(f"{e.uid}: unassigned without a reason")
    problems += [
        f"org {o} over load in {y}"
        for (o, y), n in org_load.items()
        if n > s.max_visits_per_organisation
    ]
    problems += [
        f"person {p} over load in {y}"
        for (p, y), n in person_load.items()
        if n > people[p].max_per_year
    ]
    if not s.allow_reciprocal_same_year:
        problems += [f"reciprocal {a}<->{b} in {y}" for a, b, y in pairs if (b, a, y) in pairs]
    return problems


@settings(max_examples=150, deadline=None)
@given(cooperatives())
def test_every_assignment_satisfies_every_constraint(data):
    assert _violations(data, plan(data)) == []


@settings(max_examples=100, deadline=None)
@given(cooperatives())
def test_alternation_holds_over_ten_years(data):
    result = plan(data)
    by_location = defaultdict(list)
    for e in result.events:
        by_location[e.location_id].append(e)
    for location in data.locations:
        events = by_location[location.id]
        held = sorted(location.history, key=lambda h: h.on)
        kinds = [h.kind for h in held] + [e.kind for e in events]
        assert all(a is not b for a, b in pairwise(kinds))
        if not held and events:
            assert events[0].kind is V
        years = [h.on.year for h in held] + [e.on.year for e in events]
        assert all(b > a for a, b in pairwise(years))
        if events:  # until the horizon (or the membership) ends, one event a year
            assert all(b == a + 1 for a, b in pairwise(years[len(held) :]))
            assert events[-1].on.year <= START.year + 9


@settings(max_examples=60, deadline=None)
@given(cooperatives(), st.randoms(use_true_random=False))
def test_same_input_same_plan_whatever_the_order(data, rng):
    shuffled = list(data.locations), list(data.organisations), list(data.people)
    for items in shuffled:
        rng.shuffle(items)
    other = replace(
        data,
        locations=tuple(shuffled[0]),
        organisations=tuple(shuffled[1]),
        people=tuple(shuffled[2]),
    )
    assert plan(data) == plan(data) == plan(other)
