"""A deterministic fictional cooperative for trying qaudit and for tests.

Twelve locations of six organisations, each at another point of the cycle: one at intake,
several in the middle of their self-evaluation, one whose basis was found insufficient,
and some that rolled out the promises with past visitations and Cirkel assessments.
All names are invented; there are no residents' names anywhere.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert
from sqlmodel import Session, select

from qaudit.checklists import Catalogue, ChecklistSpec, shipped_catalogue
from qaudit.domain.enums import (
    ActionStatus,
    AssessmentKind,
    AssessmentStatus,
    ConflictKind,
    EventKind,
    EventStatus,
    FindingKind,
    InterviewGroup,
    MtDecision,
    Result,
    Role,
    StepStatus,
)
from qaudit.domain.models import (
    Answer,
    Assessment,
    ConflictOfInterest,
    CycleStep,
    EventAssignment,
    Finding,
    ImprovementAction,
    Interview,
    Location,
    Membership,
    Organisation,
    Person,
    PromiseTranslation,
    Recommendation,
    RoleAssignment,
    ScheduledEvent,
    TrainingSession,
    VisibilityItem,
)
from qaudit.domain.models._base import id_of
from qaudit.services import assessments, audit, checklists
from qaudit.storage import transaction

Stage = Callable[["_Builder", Location, dict[Role, list[Person]]], None]

TODAY = date(2026, 10, 1)
"""The demo's fixed "today": dates are relative to it, so the demo is the same every time."""
SEED = 20261001

ORGANISATIONS = [
    ("Zorggroep De Linde", "Utrecht", "Midden"),
    ("Stichting Het Baken", "Zwolle", "Oost"),
    ("Woonzorg Rivierenland", "Tiel", "Midden"),
    ("Zorgcentrum De Wieken", "Leeuwarden", "Noord"),
    ("Stichting Oosterheem", "Enschede", "Oost"),
    ("Zorggroep Kustlicht", "Middelburg", "Zuid"),
]

# (code, name, organisation index, city, stage)
LOCATIONS = [
    ("L01", "Huize Lindenhof", 0, "Utrecht", "intake"),
    ("L02", "De Notenbalk", 0, "Zeist", "mt_later"),
    ("L03", "Het Baken Centrum", 1, "Zwolle", "self_eval_early"),
    ("L04", "De Vaart", 1, "Kampen", "self_eval_mid"),
    ("L05", "Rivierzicht", 2, "Tiel", "self_eval_late"),
    ("L06", "De Molenhoek", 3, "Leeuwarden", "insufficient"),
    ("L07", "Wiekslag", 3, "Sneek", "rollout"),
    ("L08", "Oosterheem Es", 4, "Enschede", "rolled_out"),
    ("L09", "Het Hofje", 4, "Hengelo", "visited"),
    ("L10", "Duinroos", 5, "Vlissingen", "cirkeled"),
    ("L11", "Zeezicht", 5, "Middelburg", "cirkeled"),
    ("L12", "Kastanjehof", 2, "Culemborg", "visited"),
]

PEOPLE = [
    # (name, role, organisation index or None)
    ("Anouk Verbeek", Role.AUDITOR, None),
    ("Jeroen Smit", Role.AUDITOR, None),
    ("Fatima El Amrani", Role.AUDITOR, None),
    ("Marloes de Groot", Role.COOPERATIVE_STAFF, None),
    ("Pieter Hoekstra", Role.ASSESSOR, None),
    ("Ingrid Bakker", Role.ASSESSOR, None),
    ("Sander Mulder", Role.ASSESSOR, None),
    ("Monique van Dijk", Role.ASSESSOR, None),
    ("Karim Bouzid", Role.ASSESSOR, None),
    ("Lotte Brouwer", Role.ASSESSOR, None),
    ("Esther Visser", Role.PEER_VISITOR, 1),
    ("Rob Jansen", Role.PEER_VISITOR, 3),
    ("Yvonne Dekker", Role.PEER_VISITOR, 4),
    ("Hans Kok", Role.PEER_VISITOR, 5),
]

QUALITY = {  # share of points compliant, partly, not compliant, n.v.t.
    "good": (0.86, 0.09, 0.02, 0.03),
    "fair": (0.72, 0.17, 0.08, 0.03),
    "weak": (0.55, 0.2, 0.22, 0.03),
}


@dataclass
class _Builder:
    session: Session
    catalogue: Catalogue
    rng: random.Random

    def spec(self, kind: str) -> ChecklistSpec:
        return self.catalogue.for_kind(kind)

    def version_id(self, kind: str) -> int:
        version = checklists.register(self.session, self.spec(kind))
        assert version.id is not None
        return version.id


def build_demo(engine: Engine, catalogue: Catalogue | None = None) -> bool:
    """Fill an empty database with the demo cooperative; False if it already has data."""
    with transaction(engine) as session:
        if session.exec(select(Organisation)).first() is not None:
            return False
        builder = _Builder(session, catalogue or shipped_catalogue(), random.Random(SEED))
        _populate(builder)
        session.flush()
        closed = select(Assessment).where(Assessment.status == AssessmentStatus.CLOSED)
        for assessment in session.exec(closed):
            assessments.record_verdict(session, assessment)
        audit.log(session, "demo", "database", None, "qaudit-demo")
    return True


def _populate(b: _Builder) -> None:
    orgs = [Organisation(name=n, city=c, region=r) for n, c, r in ORGANISATIONS]
    b.session.add_all(orgs)
    b.session.flush()
    people = _people(b, orgs)
    for number, (code, name, org_index, city, stage) in enumerate(LOCATIONS, start=1):
        org = orgs[org_index]
        location = Location(
            organisation_id=id_of(org),
            code=code,
            name=name,
            city=city,
            region=org.region,
            residents=40 + 7 * number,
            staff=55 + 9 * number,
        )
        b.session.add(location)
        b.session.flush()
        contact = Person(
            name=f"Contactpersoon {code}",
            email=f"kwaliteit.{code.lower()}@example.nl",
            organisation_id=id_of(org),
        )
        b.session.add(contact)
        b.session.flush()
        b.session.add(
            RoleAssignment(
                person_id=id_of(contact), role=Role.LOCATION_CONTACT, location_id=id_of(location)
            )
        )
        _STAGES[stage](b, location, people)
    memberships = {
        index for _c, _n, index, _city, stage in LOCATIONS if stage not in ("intake", "mt_later")
    }
    for index in sorted(memberships):
        b.session.add(
            Membership(
                organisation_id=id_of(orgs[index]),
                member_number=f"K@-{101 + index}",
                start_date=date(2021 + index % 3, 1 + index, 1),
            )
        )


def _people(b: _Builder, orgs: list[Organisation]) -> dict[Role, list[Person]]:
    people: dict[Role, list[Person]] = {}
    for name, role, org_index in PEOPLE:
        org_id = id_of(orgs[org_index]) if org_index is not None else None
        email = name.lower().replace(" ", ".") + "@example.nl"
        person = Person(name=name, email=email, organisation_id=org_id, max_per_year=6)
        b.session.add(person)
        b.session.flush()
        b.session.add(RoleAssignment(person_id=id_of(person), role=role))
        people.setdefault(role, []).append(person)
    # a declared conflict: this assessor advised Zorggroep Kustlicht until last year
    assessor = people[Role.ASSESSOR][2]
    b.session.add(
        ConflictOfInterest(
            person_id=id_of(assessor),
            organisation_id=id_of(orgs[5]),
            kind=ConflictKind.ADVISES,
            start_date=date(2023, 1, 1),
            end_date=date(2025, 12, 31),
            note="Adviestraject zorgplannen",
        )
    )
    return people


def _steps(
    b: _Builder,
    location: Location,
    done_until: int,
    *,
    started: date,
    current: int | None = None,
    decision: MtDecision = MtDecision.GO,
) -> None:
    """Steps 1..done_until done (a month apart from ``started``); ``current`` in progress."""
    for step in range(1, done_until + 1):
        day = started + timedelta(days=30 * step)
        b.session.add(
            CycleStep(
                location_id=id_of(location),
                step=step,
                status=StepStatus.DONE,
                started_on=day - timedelta(days=20),
                completed_on=day,
                decision=decision if step == 2 else None,
            )
        )
    if current:
        b.session.add(
            CycleStep(
                location_id=id_of(location),
                step=current,
                status=StepStatus.IN_PROGRESS,
                started_on=started + timedelta(days=30 * current - 20),
            )
        )


def _answers(
    b: _Builder,
    assessment: Assessment,
    spec: ChecklistSpec,
    share: float,
    quality: str,
    *,
    fail_critical: int = 0,
) -> None:
    weights = QUALITY[quality]
    scale = (Result.COMPLIANT, Result.PARTLY, Result.NOT_COMPLIANT, Result.NOT_APPLICABLE)
    critical = [p.id for p in spec.points if p.critical]
    failing = set(b.rng.sample(critical, fail_critical)) if fail_critical else set()
    day = assessment.started_on
    answered_at = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    rows = []
    for point in spec.points:
        if b.rng.random() > share:
            continue
        if point.id in failing:
            result, note = Result.NOT_COMPLIANT, "Niet aangetoond tijdens de steekproef."
        else:
            result = b.rng.choices(scale, weights)[0]
            if point.critical and result is Result.NOT_COMPLIANT:
                result = Result.PARTLY
            note = "" if result is Result.COMPLIANT else "Zie toelichting in het verslag."
        rows.append(
            {
                "assessment_id": id_of(assessment),
                "point_id": point.id,
                "result": result,
                "note": note,
                "evidence": "",
                "answered_at": answered_at,
            }
        )
    if rows:  # one bulk insert: the demo writes thousands of answers
        b.session.execute(insert(Answer), rows)


def _assessment(
    b: _Builder,
    location: Location,
    kind: AssessmentKind,
    started: date,
    *,
    closed: bool,
    **fields: Any,
) -> Assessment:
    assessment = Assessment(
        location_id=id_of(location),
        kind=kind,
        started_on=started,
        checklist_version_id=b.version_id(kind.checklist_kind),
        status=AssessmentStatus.CLOSED if closed else AssessmentStatus.OPEN,
        **fields,
    )
    if closed:
        assessment.closed_at = datetime(started.year, started.month, started.day, 16, tzinfo=UTC)
    b.session.add(assessment)
    b.session.flush()
    return assessment


def _intake(b: _Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    b.session.add(
        CycleStep(
            location_id=id_of(location),
            step=1,
            status=StepStatus.IN_PROGRESS,
            started_on=TODAY - timedelta(days=12),
            notes="Kennismakingsgesprek gevoerd; intake gepland.",
        )
    )
    _event(b, location, EventKind.INTAKE, TODAY + timedelta(days=14))


def _mt_later(b: _Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    _steps(b, location, 2, started=TODAY - timedelta(days=150), decision=MtDecision.LATER)
    _event(b, location, EventKind.MT_SESSION, TODAY + timedelta(days=60))


def _self_eval(share: float, quality: str) -> Stage:
    def stage(b: _Builder, location: Location, people: dict[Role, list[Person]]) -> None:
        _steps(b, location, 3, started=TODAY - timedelta(days=240), current=4)
        start = TODAY - timedelta(days=40)
        assessment = _assessment(b, location, AssessmentKind.SELF_EVALUATION, start, closed=False)
        _answers(b, assessment, b.spec("basis"), share, quality)
        _event(
            b,
            location,
            EventKind.AUDIT_VISIT,
            TODAY + timedelta(days=45),
            people[Role.AUDITOR][id_of(location) % 3],
        )

    return stage


def _basis(
    b: _Builder,
    location: Location,
    people: dict[Role, list[Person]],
    visit_day: date,
    quality: str,
    fail_critical: int,
) -> Assessment:
    spec = b.spec("basis")
    auditor = people[Role.AUDITOR][id_of(location) % 3]
    own = _assessment(
        b, location, AssessmentKind.SELF_EVALUATION, visit_day - timedelta(days=60), closed=True
    )
    _answers(b, own, spec, 1.0, "good")
    visit = _assessment(
        b,
        location,
        AssessmentKind.AUDIT_VISIT,
        visit_day,
        closed=True,
        lead_person_id=auditor.id,
        reference_assessment_id=id_of(own),
        summary="Open en betrokken team; dossiers op orde met enkele hiaten.",
    )
    _answers(b, visit, spec, 1.0, quality, fail_critical=fail_critical)
    _visit_records(b, location, visit, visit_day, insufficient=fail_critical > 0)
    return visit


def _visit_records(
    b: _Builder, location: Location, visit: Assessment, day: date, insufficient: bool
) -> None:
    notes = {
        InterviewGroup.RESIDENTS: (
            "Bewoners voelen zich gehoord; wens voor meer activiteiten in het weekend."
        ),
        InterviewGroup.STAFF: "Medewerkers kennen de meldprocedure; scholing Wzd loopt achter.",
        InterviewGroup.FAMILY: (
            "Familie is tevreden over bejegening; informatie bij wisselingen kan beter."
        ),
    }
    for group, text in notes.items():
        b.session.add(
            Interview(
                assessment_id=id_of(visit),
                group=group,
                held_on=day,
                participants=3 + b.rng.randint(0, 4),
                notes=text,
            )
        )
    strength = Finding(
        assessment_id=id_of(visit),
        kind=FindingKind.STRENGTH,
        text="Levensverhaal van bewoners is goed uitgewerkt.",
        point_ids=["T01.05"],
    )
    improvement = Finding(
        assessment_id=id_of(visit),
        kind=FindingKind.IMPROVEMENT,
        text="Evaluatie van het zorgplan niet altijd binnen de termijn.",
        point_ids=["T01.04"],
    )
    b.session.add_all([strength, improvement])
    b.session.flush()
    b.session.add(
        Recommendation(
            assessment_id=id_of(visit),
            finding_id=id_of(improvement),
            text="Plan zorgplanbesprekingen vooruit in het rooster.",
        )
    )
    b.session.add(
        ImprovementAction(
            location_id=id_of(location),
            assessment_id=id_of(visit),
            title="Planning zorgplanbesprekingen op orde brengen",
            owner="Teamleider zorg",
            deadline=day + timedelta(days=90),
            status=ActionStatus.OPEN if insufficient else ActionStatus.DONE,
        )
    )
    if insufficient:
        visit.quality_advice = (
            "Breng eerst de kritische meetpunten op orde en vraag daarna een "
            "hertoets aan; de coöperatie biedt begeleiding bij het stappenplan Wzd."
        )
        b.session.add(visit)


def _insufficient(b: _Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    _steps(b, location, 3, started=TODAY - timedelta(days=400), current=4)
    _basis(b, location, people, TODAY - timedelta(days=50), "weak", fail_critical=2)


def _rollout(b: _Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    _steps(b, location, 4, started=TODAY - timedelta(days=420), current=5)
    _basis(b, location, people, TODAY - timedelta(days=120), "good", fail_critical=0)
    _promises(b, location, count=5, trained=0.4)


def _promises(b: _Builder, location: Location, count: int, trained: float) -> None:
    for promise in b.catalogue.promises.promises[:count]:
        b.session.add(
            PromiseTranslation(
                location_id=id_of(location),
                promise_id=promise.id,
                translation=(
                    f"Op {location.name}: {promise.title.lower()} "
                    "is vertaald naar vaste werkafspraken."
                ),
                agreements="Besproken in het teamoverleg; eigenaar per afdeling.",
            )
        )
    b.session.add(
        TrainingSession(
            location_id=id_of(location),
            held_on=TODAY - timedelta(days=30),
            topic="Werken met de klantbeloften",
            attendees=int(location.staff * trained),
            staff_total=location.staff,
        )
    )


def _rolled_out(
    b: _Builder, location: Location, people: dict[Role, list[Person]], years_ago: int = 1
) -> date:
    start = TODAY - timedelta(days=365 * (years_ago + 2))
    _steps(b, location, 7, started=start)
    _basis(b, location, people, start + timedelta(days=130), "good", fail_critical=0)
    _promises(b, location, count=len(b.catalogue.promises.promises), trained=0.85)
    for kind, where in (("banner", "entree"), ("spiegel", "liften"), ("brochure", "receptie")):
        b.session.add(
            VisibilityItem(
                location_id=id_of(location),
                kind=kind,
                placement=where,
                placed_on=start + timedelta(days=230),
            )
        )
    return start + timedelta(days=240)


def _rolled_out_stage(b: _Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    done = _rolled_out(b, location, people, years_ago=0)
    _event(b, location, EventKind.VISITATION, done + timedelta(days=365))


def _visited(b: _Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    done = _rolled_out(b, location, people, years_ago=1)
    peer_org = (location.organisation_id % len(ORGANISATIONS)) + 1
    visit_day = done + timedelta(days=300)
    visitation = _assessment(
        b,
        location,
        AssessmentKind.VISITATION,
        visit_day,
        closed=True,
        visiting_organisation_id=peer_org,
    )
    _answers(b, visitation, b.spec("visitation"), 1.0, "good")
    b.session.add(
        CycleStep(
            location_id=id_of(location),
            step=8,
            status=StepStatus.DONE,
            started_on=visit_day,
            completed_on=visit_day,
        )
    )
    _event(
        b,
        location,
        EventKind.CIRKEL,
        visit_day + timedelta(days=365),
        people[Role.ASSESSOR][id_of(location) % 3],
    )


def _cirkeled(b: _Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    done = _rolled_out(b, location, people, years_ago=2)
    visit_day = done + timedelta(days=300)
    peer_org = (location.organisation_id % len(ORGANISATIONS)) + 1
    visitation = _assessment(
        b,
        location,
        AssessmentKind.VISITATION,
        visit_day,
        closed=True,
        visiting_organisation_id=peer_org,
    )
    _answers(b, visitation, b.spec("visitation"), 1.0, "good")
    cirkel_day = visit_day + timedelta(days=360)
    cirkel = _assessment(
        b,
        location,
        AssessmentKind.CIRKEL,
        cirkel_day,
        closed=True,
        lead_person_id=people[Role.ASSESSOR][id_of(location) % 2].id,
    )
    _answers(b, cirkel, b.spec("cirkel"), 1.0, "good")
    for step, day in ((8, visit_day), (9, cirkel_day)):
        b.session.add(
            CycleStep(
                location_id=id_of(location),
                step=step,
                status=StepStatus.DONE,
                started_on=day,
                completed_on=day,
            )
        )
    overdue = location.code == "L11"  # one visitation that slipped past its window
    due = TODAY - timedelta(days=60) if overdue else cirkel_day + timedelta(days=365)
    _event(b, location, EventKind.VISITATION, due)


def _event(
    b: _Builder, location: Location, kind: EventKind, day: date, person: Person | None = None
) -> None:
    event = ScheduledEvent(
        uid=f"demo-{location.code}-{kind.value}-{day.isoformat()}@qaudit",
        location_id=id_of(location),
        kind=kind,
        status=EventStatus.PLANNED,
        due_year=day.year,
        planned_on=day,
        window_start=day - timedelta(days=30),
        window_end=day + timedelta(days=30),
    )
    b.session.add(event)
    b.session.flush()
    if person is not None:
        b.session.add(
            EventAssignment(
                event_id=id_of(event),
                person_id=id_of(person),
                role="auditor" if kind is EventKind.AUDIT_VISIT else "assessor",
            )
        )


_STAGES: dict[str, Stage] = {
    "intake": _intake,
    "mt_later": _mt_later,
    "self_eval_early": _self_eval(0.25, "fair"),
    "self_eval_mid": _self_eval(0.55, "good"),
    "self_eval_late": _self_eval(0.9, "fair"),
    "insufficient": _insufficient,
    "rollout": _rollout,
    "rolled_out": _rolled_out_stage,
    "visited": _visited,
    "cirkeled": _cirkeled,
}
