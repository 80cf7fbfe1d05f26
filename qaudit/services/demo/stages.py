"""Each location's history: how far it came in the cycle."""

from __future__ import annotations

from datetime import date, timedelta

from qaudit.domain.enums import (
    ActionStatus,
    AssessmentKind,
    EventKind,
    FindingKind,
    InterviewGroup,
    MtDecision,
    Role,
    StepStatus,
)
from qaudit.domain.models import (
    Assessment,
    CycleStep,
    Finding,
    ImprovementAction,
    Interview,
    Location,
    Person,
    PromiseTranslation,
    Recommendation,
    TrainingSession,
    VisibilityItem,
)
from qaudit.domain.models._base import id_of
from qaudit.services.demo.builder import (
    Builder,
    Stage,
    add_answers,
    add_assessment,
    add_event,
    add_steps,
)
from qaudit.services.demo.cast import ORGANISATIONS


def _intake(b: Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    b.session.add(
        CycleStep(
            location_id=id_of(location),
            step=1,
            status=StepStatus.IN_PROGRESS,
            started_on=b.today - timedelta(days=12),
            notes="Kennismakingsgesprek gevoerd; intake gepland.",
        )
    )
    add_event(b, location, EventKind.INTAKE, b.today + timedelta(days=14))


def _mt_later(b: Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    add_steps(b, location, 2, started=b.today - timedelta(days=150), decision=MtDecision.LATER)
    add_event(b, location, EventKind.MT_SESSION, b.today + timedelta(days=60))


def _self_eval(share: float, quality: str) -> Stage:
    def stage(b: Builder, location: Location, people: dict[Role, list[Person]]) -> None:
        add_steps(b, location, 3, started=b.today - timedelta(days=240), current=4)
        start = b.today - timedelta(days=40)
        assessment = add_assessment(
            b, location, AssessmentKind.SELF_EVALUATION, start, closed=False
        )
        add_answers(b, assessment, b.spec("basis"), share, quality)
        add_event(
            b,
            location,
            EventKind.AUDIT_VISIT,
            b.today + timedelta(days=45),
            people[Role.AUDITOR][id_of(location) % 3],
        )

    return stage


def _basis(
    b: Builder,
    location: Location,
    people: dict[Role, list[Person]],
    visit_day: date,
    quality: str,
    fail_critical: int,
) -> Assessment:
    spec = b.spec("basis")
    auditor = people[Role.AUDITOR][id_of(location) % 3]
    own = add_assessment(
        b, location, AssessmentKind.SELF_EVALUATION, visit_day - timedelta(days=60), closed=True
    )
    add_answers(b, own, spec, 1.0, "good")
    visit = add_assessment(
        b,
        location,
        AssessmentKind.AUDIT_VISIT,
        visit_day,
        closed=True,
        lead_person_id=auditor.id,
        reference_assessment_id=id_of(own),
        summary="Open en betrokken team; dossiers op orde met enkele hiaten.",
    )
    add_answers(b, visit, spec, 1.0, quality, fail_critical=fail_critical)
    _visit_records(b, location, visit, visit_day, insufficient=fail_critical > 0)
    return visit


def _visit_records(
    b: Builder, location: Location, visit: Assessment, day: date, insufficient: bool
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


def _insufficient(b: Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    add_steps(b, location, 3, started=b.today - timedelta(days=400), current=4)
    _basis(b, location, people, b.today - timedelta(days=50), "weak", fail_critical=2)


def _rollout(b: Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    add_steps(b, location, 4, started=b.today - timedelta(days=420), current=5)
    _basis(b, location, people, b.today - timedelta(days=120), "good", fail_critical=0)
    _promises(b, location, count=5, trained=0.4)


def _promises(b: Builder, location: Location, count: int, trained: float) -> None:
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
            held_on=b.today - timedelta(days=30),
            topic="Werken met de klantbeloften",
            attendees=int(location.staff * trained),
            staff_total=location.staff,
        )
    )


def _rolled_out(
    b: Builder, location: Location, people: dict[Role, list[Person]], years_ago: int = 1
) -> date:
    start = b.today - timedelta(days=365 * (years_ago + 2))
    add_steps(b, location, 7, started=start)
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


def _rolled_out_stage(b: Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    _rolled_out(b, location, people, years_ago=0)
    add_event(b, location, EventKind.VISITATION, b.today + timedelta(days=75))


def _visitation(
    b: Builder, location: Location, years_ago: int, people: dict[Role, list[Person]]
) -> date:
    """Rolled out, then visited by a peer organisation; returns the day of the visitation."""
    visit_day = _rolled_out(b, location, people, years_ago=years_ago) + timedelta(days=300)
    peer_org = (location.organisation_id % len(ORGANISATIONS)) + 1
    visitation = add_assessment(
        b,
        location,
        AssessmentKind.VISITATION,
        visit_day,
        closed=True,
        visiting_organisation_id=peer_org,
    )
    add_answers(b, visitation, b.spec("visitation"), 1.0, "good")
    _step_done(b, location, 8, visit_day)
    return visit_day


def _step_done(b: Builder, location: Location, step: int, day: date) -> None:
    b.session.add(
        CycleStep(
            location_id=id_of(location),
            step=step,
            status=StepStatus.DONE,
            started_on=day,
            completed_on=day,
        )
    )


def _visited(b: Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    _visitation(b, location, 1, people)
    assessor = people[Role.ASSESSOR][id_of(location) % 3]
    add_event(b, location, EventKind.CIRKEL, b.today + timedelta(days=100), assessor)


def _cirkeled(b: Builder, location: Location, people: dict[Role, list[Person]]) -> None:
    visit_day = _visitation(b, location, 4, people)  # the first; visit_content adds the rest
    cirkel_day = visit_day + timedelta(days=3 * 360)
    lead = id_of(people[Role.ASSESSOR][id_of(location) % 2])
    cirkel = add_assessment(
        b, location, AssessmentKind.CIRKEL, cirkel_day, closed=True, lead_person_id=lead
    )
    add_answers(b, cirkel, b.spec("cirkel"), 1.0, "good")
    _step_done(b, location, 9, cirkel_day)
    overdue = location.code == "L11"  # one visitation that slipped past its window
    due = b.today + timedelta(days=-60 if overdue else 130)
    add_event(b, location, EventKind.VISITATION, due)


STAGES: dict[str, Stage] = {
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
