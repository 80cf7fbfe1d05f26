"""The demo's client voice: two years of feedback, complaints, suggestions, actions and
evaluations for the locations that rolled out the promises.

Deterministic (its own seed) and relative to the demo's ``today``. Duinroos (L10) is above
its targets, Het Hofje (L09) below them with an open complaint decided late and a staff
evaluation overdue, and Kastanjehof (L12) has too few responses for firm figures.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import insert
from sqlmodel import Session, col, select

from qaudit.domain.clientvoice_enums import (
    ActionSource,
    Channel,
    ComplaintOutcome,
    EvaluationKind,
    Parameter,
    RespondentGroup,
    SuggestionOrigin,
    SuggestionStatus,
)
from qaudit.domain.clientvoice_rhythm import QUARTERLY, Period
from qaudit.domain.clientvoice_summary import last_quarters
from qaudit.domain.enums import ActionStatus
from qaudit.domain.models import (
    ClientUnit,
    Complaint,
    Evaluation,
    ExternalAggregate,
    FeedbackResponse,
    ImprovementAction,
    Location,
    Suggestion,
)
from qaudit.domain.models._base import id_of

SEED = 12_2026
PROMISES = [f"KB{n:02d}" for n in range(1, 13)]


@dataclass(frozen=True)
class Voice:
    units: tuple[str, ...]
    per_quarter: int
    """Responses per quarter."""
    quality: float
    """0 (poor) … 1 (excellent): drives every score."""
    feedback_actions: tuple[int, ...]
    """Improvement actions from feedback per unit in the current year."""
    staff_overdue: bool = False


VOICES = {
    "L07": Voice(("Noord", "Zuid"), 12, 0.7, (1, 2)),
    "L08": Voice(("De Es", "Het Veld", "Kleinschalig wonen"), 15, 0.75, (2, 7, 1)),
    "L09": Voice(("Hof", "Tuin"), 14, 0.45, (0, 1), staff_overdue=True),
    "L10": Voice(("Duin", "Strand", "Revalidatie"), 18, 0.95, (2, 3, 1)),
    "L11": Voice(("Zeezijde", "Dorpszijde"), 11, 0.8, (1, 1)),
    "L12": Voice(("Kastanje",), 2, 0.6, (1,)),
}
COMMENTS = (
    "Fijne sfeer op de afdeling.",
    "Soms lang wachten als ik bel.",
    "Het eten is goed verzorgd.",
    "Te vaak nieuwe gezichten in het weekend.",
    "Er wordt goed geluisterd naar wat ik wil.",
    "Meer activiteiten buiten zou prettig zijn.",
    "De zorg is liefdevol en met respect.",
)
ACTIONS = (
    ("Vaste gezichten in het weekendrooster", "Aandeel 'ja' bij KB02 in het volgende kwartaal"),
    ("Belrooster en terugbelafspraak", "Parameter 'op tijd' boven 4,3"),
    ("Wekelijkse activiteit buiten", "Aandeel 'ja' bij KB05"),
    ("Zorgleefplangesprek met naaste plannen", "Aandeel 'ja' bij KB01"),
    ("Huiskamer nooit onbemand", "Aandeel 'ja' bij KB06"),
    ("Welkomstgesprek voor nieuwe naasten", "Aandeel 'ja' bij KB12"),
    ("Uitleg over de klachtenregeling", "Aandeel 'ja' bij KB11"),
)


def add_client_voice(session: Session, today: date) -> None:
    """Add the client voice of the demo locations that rolled out the promises."""
    rng = random.Random(SEED)
    for location in session.exec(select(Location).order_by(col(Location.code))):
        voice = VOICES.get(location.code)
        if voice is not None:
            _location(session, rng, location, voice, today)


def _location(s: Session, rng: random.Random, location: Location, v: Voice, today: date) -> None:
    units = []
    for name in v.units:
        unit = ClientUnit(location_id=id_of(location), name=name)
        s.add(unit)
        units.append(unit)
    s.flush()
    unit_ids = [id_of(u) for u in units]
    rows = _responses(rng, location, v, unit_ids, today)
    if rows:
        s.execute(insert(FeedbackResponse), rows)
    s.add_all(_complaints(rng, location, v, unit_ids, today))
    s.add_all(_suggestions(rng, location, unit_ids, today))
    s.add_all(_actions(rng, location, v, unit_ids, today))
    s.add_all(_evaluations(location, v, today))
    if location.code in ("L10", "L08"):
        for year, score, count in ((today.year - 1, 8.6, 41), (today.year, 8.8, 37)):
            s.add(
                ExternalAggregate(
                    location_id=id_of(location),
                    source="ZorgkaartNederland",
                    period=str(year),
                    score=score - (0.9 if location.code == "L08" else 0),
                    count=count,
                    note="waarderingscijfer 1–10",
                )
            )


def _score(rng: random.Random, mean: float, spread: float, low: int, high: int) -> int:
    return max(low, min(high, round(rng.gauss(mean, spread))))


def _responses(
    rng: random.Random, location: Location, v: Voice, unit_ids: list[int], today: date
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for quarter in last_quarters(today, 8):
        end = min(quarter.end, today)
        days = (end - quarter.start).days + 1
        for _ in range(v.per_quarter if end == quarter.end else v.per_quarter * days // 91):
            rows.append(_response(rng, location, v, unit_ids, quarter, days, len(rows)))
    return rows


def _response(
    rng: random.Random,
    location: Location,
    v: Voice,
    unit_ids: list[int],
    quarter: Period,
    days: int,
    number: int,
) -> dict[str, object]:
    q = v.quality
    day = quarter.start + timedelta(days=rng.randrange(days))
    group = rng.choices(list(RespondentGroup), (5, 4, 1))[0]
    row: dict[str, object] = {
        "location_id": id_of(location),
        "unit_id": rng.choice(unit_ids),
        "respondent_ref": f"{location.code}-{day.year}-{number:04d}",
        "responded_on": day,
        "group": group,
        "recommend": _score(rng, 4 + 6 * q, 1.0 + 1.2 * (1 - q), 0, 10),
        "free_text": rng.choice(COMMENTS) if rng.random() < 0.25 else "",
    }
    for parameter in Parameter:
        row[parameter.value] = _score(rng, 2.6 + 2.3 * q, 0.7, 1, 5)
    row["promises"] = {
        pid: rng.choices(("ja", "deels", "nee", "nvt"), (q * 10, 3, (1 - q) * 8, 1))[0]
        for pid in PROMISES
        if rng.random() < 0.9
    }
    return row


def _complaints(
    rng: random.Random, location: Location, v: Voice, unit_ids: list[int], today: date
) -> list[Complaint]:
    result = []
    count = 5 if v.quality < 0.5 else 3
    for i in range(count):
        received = today - timedelta(days=40 + 120 * i + rng.randrange(30))
        decided = received + timedelta(days=rng.randrange(20, 40))
        result.append(
            Complaint(
                location_id=id_of(location),
                unit_id=rng.choice(unit_ids),
                reference=f"KL-{location.code}-{received.year}-{i + 1:02d}",
                received_on=received,
                channel=rng.choice(list(Channel)),
                promise_id=rng.choice(("KB02", "KB03", "KB07", "KB11", None)),
                theme="" if i % 2 else "bereikbaarheid",
                summary="Klacht over wachttijd bij het bellen om hulp.",
                acknowledged_on=received + timedelta(days=3),
                decided_on=decided,
                outcome=rng.choice(list(ComplaintOutcome)[:4]),
                follow_up="Besproken in het teamoverleg.",
            )
        )
    late = Complaint(  # open and past its six weeks where quality is poor; in time elsewhere
        location_id=id_of(location),
        unit_id=unit_ids[0],
        reference=f"KL-{location.code}-{today.year}-open",
        received_on=today - timedelta(days=60 if v.quality < 0.5 else 20),
        channel=Channel.EMAIL,
        promise_id="KB06",
        summary="Huiskamer 's avonds vaak zonder begeleiding.",
        acknowledged_on=today - timedelta(days=55 if v.quality < 0.5 else 18),
    )
    if location.code == "L08":  # extended by four weeks, with notice
        late.received_on = today - timedelta(days=50)
        late.extension_weeks, late.extension_notice_on = 4, today - timedelta(days=20)
    return [*result, late]


def _suggestions(
    rng: random.Random, location: Location, unit_ids: list[int], today: date
) -> list[Suggestion]:
    texts = (
        (SuggestionOrigin.STAFF, "Overdracht aan het bed in plaats van op kantoor."),
        (SuggestionOrigin.CLIENT, "Een vaste avond voor muziek in de huiskamer."),
        (SuggestionOrigin.STAFF, "Fotobord met de vaste medewerkers per afdeling."),
        (SuggestionOrigin.CLIENT, "Het menu een week vooruit laten zien."),
    )
    return [
        Suggestion(
            location_id=id_of(location),
            unit_id=rng.choice(unit_ids),
            origin=origin,
            received_on=today - timedelta(days=30 + 90 * i),
            text=text,
            status=(SuggestionStatus.ADOPTED, SuggestionStatus.OPEN)[i % 2],
        )
        for i, (origin, text) in enumerate(texts)
    ]


def _actions(
    rng: random.Random, location: Location, v: Voice, unit_ids: list[int], today: date
) -> list[ImprovementAction]:
    result = []
    start = date(today.year, 1, 1)
    for unit_id, count in zip(unit_ids, v.feedback_actions, strict=True):
        for i in range(count):
            title, effect = ACTIONS[(i + unit_id) % len(ACTIONS)]
            created = start + timedelta(days=rng.randrange(max((today - start).days, 1)))
            result.append(
                ImprovementAction(
                    location_id=id_of(location),
                    unit_id=unit_id,
                    title=title,
                    owner="teamleider",
                    deadline=created + timedelta(days=90),
                    status=ActionStatus.DONE
                    if created < today - timedelta(days=120)
                    else ActionStatus.IN_PROGRESS,
                    source=ActionSource.FEEDBACK,
                    effect_measure=effect,
                    created_on=created,
                )
            )
    result.append(
        ImprovementAction(
            location_id=id_of(location),
            unit_id=unit_ids[0],
            title="Vaste avondbegeleiding in de huiskamer",
            owner="locatiemanager",
            deadline=today + timedelta(days=45),
            source=ActionSource.COMPLAINT,
            effect_measure="Geen klachten over de huiskamer in het volgende kwartaal",
            created_on=today - timedelta(days=10),
        )
    )
    return result


def _evaluations(location: Location, v: Voice, today: date) -> list[Evaluation]:
    result = []
    for kind in EvaluationKind:
        periods = (
            last_quarters(today, 8)
            if kind in QUARTERLY
            else [Period(today.year - 1), Period(today.year)]
        )
        for period in periods[:-1] if kind in QUARTERLY else periods:
            if (
                kind is EvaluationKind.STAFF
                and v.staff_overdue
                and period.end >= today - timedelta(days=200)
            ):
                continue  # Het Hofje skipped its last staff evaluations
            held = min(period.start + timedelta(days=40), today - timedelta(days=1))
            if held <= today and not (
                kind is EvaluationKind.THIRD_PARTY
                and held.year == today.year
                and location.code == "L12"
            ):
                result.append(
                    Evaluation(location_id=id_of(location), kind=kind, held_on=held, participants=8)
                )
    return result
