"""Demo content for the visitation and Cirkel reports: visitors, a summary, appreciation and
tips per client promise, and for the Cirkel locations the previous Cirkel and the visitation
in between, so that every report of the demo shows real content.

Runs after the stages with its own random generator, so the rest of the demo (and the
terminal UI snapshots made from it) stays exactly as it was.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlmodel import col, select

from qaudit.domain.enums import AssessmentKind, EventKind, EventStatus, FindingKind, Role
from qaudit.domain.models import (
    Assessment,
    EventAssignment,
    Finding,
    Location,
    Person,
    ScheduledEvent,
)
from qaudit.domain.models._base import id_of
from qaudit.services.demo.builder import Builder, add_answers, add_assessment

SUMMARY = (
    "Een warme ontvangst en een open gesprek met bewoners, naasten en medewerkers. De "
    "klantbeloften zijn in de huiskamers zichtbaar en worden in de dagelijkse zorg herkend; "
    "bij de vaste gezichten en de dagstructuur valt nog winst te behalen."
)
APPRECIATION = (
    "Bewoners vertellen spontaan dat medewerkers hun gewoonten kennen en daar rekening mee houden.",
    "De huiskamer is de hele dag bemand; er is altijd iemand om een praatje mee te maken.",
    "Naasten voelen zich welkom en worden betrokken bij het zorgleefplan.",
)
TIPS = (
    "Bespreek de klantbelofte maandelijks kort in het teamoverleg, met een voorbeeld.",
    "Laat bewoners zelf vertellen wat de belofte voor hen betekent, bijvoorbeeld in de raad.",
    "Maak afspraken over vaste gezichten ook zichtbaar in het rooster van de flexpool.",
)
GENERAL_APPRECIATION = "Het team staat open voor feedback en vertelt trots over de eigen aanpak."
GENERAL_TIP = "Deel de goede voorbeelden uit deze visitatie in het lerend netwerk."


def add_visit_content(b: Builder, people: dict[Role, list[Person]]) -> None:
    saved, b.rng = b.rng, random.Random(14)
    try:
        for cirkel in _assessments(b, AssessmentKind.CIRKEL):
            _earlier_pair(b, cirkel, people)
        for visitation in _assessments(b, AssessmentKind.VISITATION):
            _visitors_and_findings(b, visitation, people)
    finally:
        b.rng = saved


def _assessments(b: Builder, kind: AssessmentKind) -> list[Assessment]:
    query = select(Assessment).where(Assessment.kind == kind).order_by(col(Assessment.id))
    return list(b.session.exec(query))


def _earlier_pair(b: Builder, cirkel: Assessment, people: dict[Role, list[Person]]) -> None:
    """The previous Cirkel two years before, and the visitation one year before."""
    location = b.session.get(Location, cirkel.location_id)
    assert location is not None
    lead = people[Role.ASSESSOR][(id_of(location) + 1) % len(people[Role.ASSESSOR])]
    previous = add_assessment(
        b,
        location,
        AssessmentKind.CIRKEL,
        cirkel.started_on - timedelta(days=728),
        closed=True,
        lead_person_id=id_of(lead),
        summary="Eerste Cirkel van Kwaliteit@: de basis staat, de beloften zijn nog jong.",
    )
    add_answers(b, previous, b.spec("cirkel"), 1.0, "fair")
    visitation = add_assessment(
        b,
        location,
        AssessmentKind.VISITATION,
        cirkel.started_on - timedelta(days=364),
        closed=True,
        visiting_organisation_id=(location.organisation_id + 1) % 5 + 1,
    )
    add_answers(b, visitation, b.spec("visitation"), 1.0, "good")


def _visitors_and_findings(
    b: Builder, visitation: Assessment, people: dict[Role, list[Person]]
) -> None:
    location = b.session.get(Location, visitation.location_id)
    assert location is not None
    candidates = [
        p
        for p in people.get(Role.PEER_VISITOR, [])
        if p.organisation_id != location.organisation_id
    ]
    visitors = b.rng.sample(candidates, min(2, len(candidates)))
    if visitors:
        visitation.lead_person_id = id_of(visitors[0])
    visitation.summary = visitation.summary or SUMMARY
    b.session.add(visitation)
    day = visitation.started_on
    event = ScheduledEvent(
        uid=f"demo-{location.code}-visitation-held-{day.isoformat()}@qaudit",
        location_id=id_of(location),
        kind=EventKind.VISITATION,
        status=EventStatus.DONE,
        due_year=day.year,
        planned_on=day,
        window_start=day - timedelta(days=30),
        window_end=day + timedelta(days=30),
        assessment_id=id_of(visitation),
    )
    b.session.add(event)
    b.session.flush()
    for person in visitors:
        b.session.add(
            EventAssignment(event_id=id_of(event), person_id=id_of(person), role="peer_visitor")
        )
    _findings(b, visitation)


def _findings(b: Builder, visitation: Assessment) -> None:
    spec = b.spec("visitation")
    themes = b.rng.sample(list(spec.themes), min(3, len(spec.themes)))
    for number, theme in enumerate(themes):
        points = [theme.points[0].id]
        b.session.add(
            Finding(
                assessment_id=id_of(visitation),
                kind=FindingKind.STRENGTH,
                text=APPRECIATION[number % len(APPRECIATION)],
                point_ids=points,
            )
        )
        b.session.add(
            Finding(
                assessment_id=id_of(visitation),
                kind=FindingKind.IMPROVEMENT,
                text=TIPS[number % len(TIPS)],
                point_ids=points,
            )
        )
    for kind, text in (
        (FindingKind.STRENGTH, GENERAL_APPRECIATION),
        (FindingKind.IMPROVEMENT, GENERAL_TIP),
    ):
        b.session.add(Finding(assessment_id=id_of(visitation), kind=kind, text=text, point_ids=[]))
