"""Small cooperatives for the planner's tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from qaudit.domain.enums import EventKind
from qaudit.scheduling import (
    Held,
    LocationIn,
    OrganisationIn,
    PersonIn,
    PlanInput,
    PlannerSettings,
)

START = date(2027, 1, 1)
MEMBER = ((date(2015, 1, 1), None),)
V, C = EventKind.VISITATION, EventKind.CIRKEL


def org(oid: int, region: str = "Midden", **kw: Any) -> OrganisationIn:
    return OrganisationIn(oid, f"Org {oid}", region, kw.pop("memberships", MEMBER))


def loc(
    lid: int,
    oid: int,
    rollout: date | None = date(2025, 3, 1),
    history: tuple[Held, ...] = (),
    region: str = "Midden",
    blocked: str = "",
) -> LocationIn:
    return LocationIn(lid, oid, f"L{lid}", f"Locatie {lid}", region, rollout, blocked, history)


def visitor(pid: int, oid: int, **kw: Any) -> PersonIn:
    return PersonIn(pid, f"Visitor {pid}", oid, peer_visitor=True, **kw)


def assessor(pid: int, employer: int | None = None, **kw: Any) -> PersonIn:
    return PersonIn(pid, f"Assessor {pid}", employer, assessor=True, **kw)


def data(
    locations: list[LocationIn],
    organisations: list[OrganisationIn],
    people: list[PersonIn],
    years: int = 1,
    **kw: Any,
) -> PlanInput:
    settings = kw.pop("settings", PlannerSettings())
    return PlanInput(
        kw.pop("start", START),
        years,
        tuple(locations),
        tuple(organisations),
        tuple(people),
        settings=settings,
        **kw,
    )


def with_settings(d: PlanInput, **kw: Any) -> PlanInput:
    return replace(d, settings=replace(d.settings, **kw))
