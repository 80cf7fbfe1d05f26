"""Planner figures: a 10-year plan for a synthetic cooperative of 250, 2,500 and 25,000 locations.

The cooperative grows as a whole: 2,500 locations come with 600 organisations (two peer
visitors each) and 150 assessors, and the other sizes scale all of these by the same factor.
``plan_growth_10x`` is time(25,000) / time(2,500): near-linear means about 10.
"""

from __future__ import annotations

import random
from datetime import date

from timing import median_seconds, rounded

from qaudit.domain.enums import ConflictKind
from qaudit.scheduling import (
    AuditIn,
    ConflictIn,
    Held,
    LocationIn,
    OrganisationIn,
    PersonIn,
    PlanInput,
    PlannerSettings,
    plan,
)
from qaudit.scheduling.cycle import next_due

START = date(2026, 10, 1)
REGIONS = (
    "Noord",
    "Oost",
    "Midden",
    "West",
    "Zuid",
    "Zuidwest",
    "Noordwest",
    "Zuidoost",
    "Randstad",
    "Veluwe",
    "Achterhoek",
    "Kempen",
)


def cooperative(locations: int, seed: int = 60) -> PlanInput:
    rng = random.Random(seed)
    n_orgs, n_assessors = max(6, locations * 600 // 2500), max(4, locations * 150 // 2500)
    orgs = tuple(
        OrganisationIn(i, f"org {i}", rng.choice(REGIONS), ((date(2015, 1, 1), None),))
        for i in range(1, n_orgs + 1)
    )
    people = [
        PersonIn(
            10_000_000 + i,
            organisation_id=None,
            region=rng.choice(REGIONS),
            max_per_year=20,
            assessor=True,
        )
        for i in range(n_assessors)
    ]
    people += [
        PersonIn(
            20_000_000 + 2 * o.id + k, organisation_id=o.id, region=o.region, peer_visitor=True
        )
        for o in orgs
        for k in range(2)
    ]
    locs = tuple(_location(rng, i, rng.choice(orgs)) for i in range(1, locations + 1))
    conflicts = tuple(
        ConflictIn(
            p.id,
            rng.choice(orgs).id,
            rng.choice(list(ConflictKind)),
            date(2020, 1, 1),
            date(2025, 6, 30),
        )
        for p in people[:n_assessors]
    )
    audits = tuple(
        AuditIn(p.id, rng.choice(orgs).id, date(rng.randint(2021, 2026), 5, 1))
        for p in people[:n_assessors]
        for _ in range(3)
    )
    settings = PlannerSettings(max_visits_per_organisation=3)
    return PlanInput(START, 10, locs, orgs, tuple(people), conflicts, audits, settings=settings)


def _location(rng: random.Random, lid: int, org: OrganisationIn) -> LocationIn:
    rollout = date(rng.randint(2018, 2026), rng.randint(1, 12), rng.randint(1, 28))
    history: list[Held] = []
    while True:
        due = next_due(rollout, history)
        if due.target >= START or rng.random() < 0.1:
            break
        peer = rng.choice([o for o in (org.id - 1, org.id + 1) if o > 0] or [org.id + 1])
        history.append(Held(due.kind, due.target, peer if due.kind.value == "visitation" else None))
    return LocationIn(
        lid, org.id, f"L{lid}", region=org.region, rollout_done_on=rollout, history=tuple(history)
    )


def figures(quick: bool) -> dict[str, float]:
    """Full: 250, 2,500 and 25,000 locations, growth 2,500 -> 25,000. Quick (a few seconds):
    250 and 2,500 once each, growth 250 -> 2,500 (also 10x)."""
    sizes = (250, 2500) if quick else (250, 2500, 25_000)
    times = {}
    for size in sizes:
        data = cooperative(size)
        repeat = 1 if quick or size == 25_000 else 3
        times[size] = median_seconds(lambda data=data: plan(data), repeat)
    result = {"plan_250_s": rounded(times[250]), "plan_2500_s": rounded(times[2500])}
    if quick:
        result["plan_growth_10x"] = rounded(times[2500] / times[250], 2)
    else:
        result["plan_25000_s"] = rounded(times[25_000])
        result["plan_growth_10x"] = rounded(times[25_000] / times[2500], 2)
    return result


if __name__ == "__main__":
    import json

    data = cooperative(2500)
    result = plan(data)
    print(
        json.dumps(
            {
                "events": len(result.events),
                "unassigned": sum(1 for e in result.events if e.unassigned),
            }
        )
    )
    print(json.dumps(figures(quick=False)))
