"""The demo's learning network: more member locations with a few years of history (enough
for a meaningful anonymised comparison), network meetings, good practices with consent, and
a readiness scan. All names are invented; no resident is named anywhere."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import select

from qaudit.domain.enums import AssessmentKind, FindingKind, StepStatus
from qaudit.domain.models import (
    CycleStep,
    Finding,
    Location,
    Membership,
    Organisation,
    Person,
    Recommendation,
)
from qaudit.domain.models._base import id_of
from qaudit.services import network
from qaudit.services.demo.builder import Builder, add_answers, add_assessment, add_steps

ORGANISATIONS = [
    ("Zorggroep Eemland", "Amersfoort", "Midden"),
    ("Stichting De Hanzehoven", "Deventer", "Oost"),
    ("Zorgcentra Het Noorderlicht", "Groningen", "Noord"),
    ("Stichting Scheldeoever", "Goes", "Zuid"),
    ("Woonzorg Westerkim", "Alkmaar", "West"),
]

# (code, name, organisation index, city, residents, years since the audit visit, quality)
LOCATIONS = [
    ("L13", "De Eemhof", 0, "Amersfoort", 48, 2, "good"),
    ("L14", "Het Bosrijk", 0, "Leusden", 72, 3, "fair"),
    ("L15", "Vinkenhof", 0, "Baarn", 130, 2, "good"),
    ("L16", "Eemzicht", 0, "Soest", 64, 3, "good"),
    ("L17", "De Hanzeborg", 1, "Deventer", 110, 2, "fair"),
    ("L18", "IJsselzicht", 1, "Zutphen", 56, 3, "good"),
    ("L19", "Sallandhof", 1, "Raalte", 90, 2, "weak"),
    ("L20", "Noorderhuys", 2, "Groningen", 140, 3, "fair"),
    ("L21", "Martinihof", 2, "Haren", 52, 2, "good"),
    ("L22", "Wadzicht", 2, "Delfzijl", 76, 2, "fair"),
    ("L23", "Scheldehof", 3, "Goes", 84, 3, "good"),
    ("L24", "Het Veerhuis", 3, "Zierikzee", 44, 2, "fair"),
    ("L25", "Duinhof", 4, "Alkmaar", 96, 2, "good"),
    ("L26", "Westerhaven", 4, "Den Helder", 58, 3, "fair"),
]

STRENGTHS = [
    (
        "KB01",
        "Het team bereidt het gesprek over het zorgleefplan voor met een vaste gesprekskaart.",
    ),
    ("KB02", "Elke huiskamer heeft een vast koppel van twee medewerkers per dagdeel."),
    ("KB03", "Afspraken met bewoners staan op een weekbord dat het team elke ochtend doorloopt."),
    ("KB04", "Bewoners kiezen zelf hun dagritme; het team werkt met een ritmekaart."),
    ("KB05", "Een vrijwilligerspool biedt elke middag een activiteit op maat."),
    ("KB06", "Een 'huiskamerpas' zorgt dat er altijd iemand in de huiskamer is."),
    ("KB07", "Alarmopvolging wordt wekelijks besproken aan de hand van de reactietijden."),
    ("KB08", "Levensverhalen staan in een boekje dat bewoner en naaste samen maken."),
    ("KB09", "Medewerkers volgen 'zelf doen' als vast onderdeel van de ochtendzorg."),
    ("KB10", "Na een incident belt de EVV'er dezelfde dag de naaste en legt uit wat er gebeurde."),
    ("KB11", "Ideeën van bewoners komen op een ideeënmuur; het team reageert binnen twee weken."),
    ("KB12", "Naasten kunnen aanschuiven bij de maaltijd zonder vooraf te melden."),
]
TIPS = [
    "Tip: deel de gesprekskaart met de andere afdelingen.",
    "Tip: laat naasten de ritmekaart mee invullen.",
    "Tip: maak de reactietijden zichtbaar voor bewoners en naasten.",
]
MEETINGS = [
    (-540, "Eigen regie en dagritme", "L15", "Ritmekaart en ervaringen met vaste koppels."),
    (-360, "Veilig en eerlijk na een incident", "L18", "Hoe teams naasten dezelfde dag bellen."),
    (-180, "Samen het zorgleefplan", "L21", "De gesprekskaart en het levensverhalenboekje."),
    (-45, "Van visitatie naar verbetering", "L25", "Tips uit visitaties en wat ermee gebeurde."),
]
NO_CONSENT = {"L19", "L26"}


def add_network(b: Builder) -> None:
    """Add the network's locations, history, meetings, practices and a readiness scan."""
    orgs = [Organisation(name=n, city=c, region=r) for n, c, r in ORGANISATIONS]
    b.session.add_all(orgs)
    b.session.flush()
    for number, org in enumerate(orgs):
        b.session.add(
            Membership(
                organisation_id=id_of(org),
                member_number=f"K@-{201 + number}",
                start_date=date(b.today.year - 5, 1 + number, 1),
            )
        )
    people = {p.name: p for p in b.session.exec(select(Person))}
    lead = people.get("Pieter Hoekstra")
    for number, row in enumerate(LOCATIONS):
        _history(b, orgs, row, number, lead)
    b.session.flush()
    _readiness_scan(b)
    _meetings(b)


def _history(
    b: Builder, orgs: list[Organisation], row: tuple, number: int, lead: Person | None
) -> None:
    code, name, org_index, city, residents, years, quality = row
    org = orgs[org_index]
    location = Location(
        organisation_id=id_of(org),
        code=code,
        name=name,
        city=city,
        region=org.region,
        residents=residents,
        staff=int(residents * 1.3),
    )
    b.session.add(location)
    b.session.flush()
    audit_day = date(b.today.year - years, 3 + number % 6, 10)
    add_steps(b, location, 7, started=audit_day - timedelta(days=150))
    audit = add_assessment(b, location, AssessmentKind.AUDIT_VISIT, audit_day, closed=True)
    add_answers(b, audit, b.spec("basis"), 1.0, quality)
    visit_day = audit_day + timedelta(days=365)
    visitation = add_assessment(b, location, AssessmentKind.VISITATION, visit_day, closed=True)
    add_answers(b, visitation, b.spec("visitation"), 1.0, quality)
    _strengths(b, visitation.id, number)
    cirkel = add_assessment(
        b,
        location,
        AssessmentKind.CIRKEL,
        visit_day + timedelta(days=365),
        closed=True,
        lead_person_id=lead.id if lead else None,
    )
    add_answers(b, cirkel, b.spec("cirkel"), 1.0, quality)
    for step, day in ((8, visit_day), (9, visit_day + timedelta(days=365))):
        b.session.add(
            CycleStep(
                location_id=id_of(location),
                step=step,
                status=StepStatus.DONE,
                started_on=day,
                completed_on=day,
            )
        )


def _strengths(b: Builder, visitation_id: int | None, number: int) -> None:
    assert visitation_id is not None
    for offset in (0, 5):
        promise, text = STRENGTHS[(number + offset) % len(STRENGTHS)]
        b.session.add(
            Finding(
                assessment_id=visitation_id,
                kind=FindingKind.STRENGTH,
                text=text,
                point_ids=[f"{promise}.1"],
            )
        )
    improvement = Finding(
        assessment_id=visitation_id,
        kind=FindingKind.IMPROVEMENT,
        text="Het vertalen van de beloften naar de nachtdienst kan sterker.",
        point_ids=[f"{STRENGTHS[(number + 3) % 12][0]}.3"],
    )
    b.session.add(improvement)
    b.session.flush()
    b.session.add(
        Recommendation(
            assessment_id=visitation_id,
            finding_id=improvement.id,
            text=TIPS[number % len(TIPS)],
        )
    )


def _readiness_scan(b: Builder) -> None:
    """The location that postponed its decision is filling in the readiness scan with its
    board (still open: it is redone before the decision is taken again)."""
    location = b.session.exec(select(Location).where(Location.code == "L02")).one()
    day = b.today - timedelta(days=130)
    scan = add_assessment(b, location, AssessmentKind.READINESS_SCAN, day, closed=False)
    add_answers(b, scan, b.spec("readiness"), 1.0, "weak")


def _meetings(b: Builder) -> None:
    ids = {loc.code: id_of(loc) for loc in b.session.exec(select(Location))}
    network.harvest(b.session, b.today)
    for code, location_id in sorted(ids.items()):
        if code >= "L13" or code in ("L08", "L09", "L10", "L11", "L12"):
            given = code not in NO_CONSENT
            network.set_consent_in(
                b.session, location_id, given, on=b.today - timedelta(days=600), by="demo"
            )
    shared = network.practices(b.session)
    for number, (days, theme, host, text) in enumerate(MEETINGS):
        codes = sorted(ids)[8 + number : 8 + number + 7]
        attendance = {ids[c]: 1 + (i + number) % 3 for i, c in enumerate([host, *codes])}
        picks = [p.id for p in shared[number * 3 : number * 3 + 3]]
        network.add_meeting_in(
            b.session,
            held_on=b.today + timedelta(days=days),
            theme=theme,
            host_location_id=ids[host],
            attendance=attendance,
            shared=text,
            practice_ids=picks,
            actor="qaudit-demo",
        )
