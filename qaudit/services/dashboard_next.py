"""The dashboard's "what is next": the facts :func:`qaudit.domain.next_step.next_action`
needs, read for all locations in a fixed number of set-based queries, and the progress and
score of open assessments (read after the first frame: it needs their checklists).

Plain SQL through a :data:`qaudit.services.dashboard.Read`, as the rest of the dashboard.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from qaudit.domain.enums import AssessmentKind, MtDecision
from qaudit.domain.events import as_date
from qaudit.domain.next_step import HOLDS, OpenWork

Read = Callable[[str, Mapping[str, object]], Sequence[Sequence[Any]]]


@dataclass(frozen=True)
class NextFacts:
    """Per location: what the dashboard's next step is decided from."""

    work: dict[int, OpenWork]
    self_evaluation_closed: dict[int, bool]
    mt_decisions: dict[int, MtDecision]
    started: dict[tuple[int, str], date]
    """(location, assessment kind) -> the day the latest one was started."""


def next_facts(read: Read) -> NextFacts:
    return NextFacts(_open_work(read), _self_evaluations(read), _decisions(read), _started(read))


_OPEN = """
SELECT a.location_id, a.kind, a.id,
       (SELECT COUNT(*) FROM answer n WHERE n.assessment_id = a.id AND n.result <> 'nog_niet')
FROM assessment a WHERE a.status = 'open' ORDER BY a.started_on, a.id"""

_WORK_PEOPLE = """
SELECT ap.assessment_id, p.name FROM assessmentperson ap
JOIN person p ON p.id = ap.person_id
JOIN assessment a ON a.id = ap.assessment_id WHERE a.status = 'open'"""


def _open_work(read: Read) -> dict[int, OpenWork]:
    """Per location: its open assessment (the latest started), with the points answered."""
    people: dict[int, list[str]] = {}
    for assessment_id, name in read(_WORK_PEOPLE, {}):
        people.setdefault(assessment_id, []).append(name)
    work = {}
    for location_id, kind, assessment_id, answered in read(_OPEN, {}):
        work[location_id] = OpenWork(
            AssessmentKind(kind),
            int(answered),
            people=tuple(sorted(people.get(assessment_id, ()))),
            assessment_id=assessment_id,
        )
    return work


_CLOSED = """
SELECT location_id, kind, MAX(closed_at) FROM assessment
WHERE status = 'closed' AND kind IN ('self_evaluation', 'audit_visit', 'cirkel')
GROUP BY location_id, kind"""


def _self_evaluations(read: Read) -> dict[int, bool]:
    """Per location: was a self-evaluation closed after its latest audit visit or Cirkel?"""
    latest: dict[int, dict[str, str]] = {}
    for location_id, kind, closed_at in read(_CLOSED, {}):
        latest.setdefault(location_id, {})[kind] = str(closed_at)
    result = {}
    for location_id, kinds in latest.items():
        own = kinds.get("self_evaluation")
        visit = max(kinds.get("audit_visit", ""), kinds.get("cirkel", ""))
        result[location_id] = own is not None and own > visit
    return result


def _decisions(read: Read) -> dict[int, MtDecision]:
    sql = "SELECT location_id, decision FROM cyclestep WHERE step = 2 AND decision IS NOT NULL"
    return {loc: MtDecision(decision) for loc, decision in read(sql, {}) if decision}


_STARTED = f"""
SELECT location_id, kind, MAX(started_on) FROM assessment
WHERE kind IN ({", ".join(f"'{k.value}'" for k in HOLDS.values())})
GROUP BY location_id, kind"""


def _started(read: Read) -> dict[tuple[int, str], date]:
    started = {}
    for location_id, kind, day in read(_STARTED, {}):
        when = as_date(day)
        if when is not None:
            started[(location_id, kind)] = when
    return started


@dataclass(frozen=True)
class Progress:
    """An open assessment's points to answer, how many are answered, its score so far."""

    total: int
    answered: int
    percent: float | None


def open_progress(engine: Any, assessment_ids: Sequence[int]) -> dict[int, Progress]:
    """Per open assessment: how many points it has and its score so far (reads each
    one's checklist: meant for a worker after the dashboard's first frame)."""
    from qaudit.domain.scoring import score
    from qaudit.services import assessments, checklists
    from qaudit.storage import transaction

    found = {}
    with transaction(engine) as session:
        for assessment_id in assessment_ids:
            assessment = assessments.get(session, assessment_id)
            spec = checklists.spec_of_assessment(session, assessment)
            tally = score(spec, assessments.results(session, assessment_id)).overall
            found[assessment_id] = Progress(tally.total, tally.answered, tally.percent)
    return found
