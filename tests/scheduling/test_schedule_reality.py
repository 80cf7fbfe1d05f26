"""The plan meets reality (SQLite and PostgreSQL): held and missed events survive ``apply``,
keeping an event early never duplicates a uid, and planning again keeps stored days."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlmodel import select

from qaudit.cli import main
from qaudit.domain.enums import AssessmentKind, EventKind, EventStatus
from qaudit.domain.models import ScheduledEvent
from qaudit.errors import Refused
from qaudit.services import assessments, schedule
from qaudit.services.schedule_status import mark_done, mark_missed
from qaudit.storage import transaction

from .test_schedule_service import _propose, coop  # noqa: F401  (the fixture)


def _rows(engine) -> dict[str, ScheduledEvent]:
    with transaction(engine) as s:
        return {r.uid: r for r in s.exec(select(ScheduledEvent))}


def _first(engine, location_id: int, kind: EventKind) -> ScheduledEvent:
    return min(
        (r for r in _rows(engine).values() if r.location_id == location_id and r.kind is kind),
        key=lambda r: r.planned_on,
    )


def test_a_held_visitation_and_a_missed_cirkel_survive_apply(engine, coop, mini_catalogue):  # noqa: F811
    schedule.apply(engine, _propose(engine))
    visitation = _first(engine, coop["L1"], EventKind.VISITATION)
    cirkel = _first(engine, coop["L2"], EventKind.CIRKEL)
    with transaction(engine) as s:
        held = assessments.start(
            s,
            coop["L1"],
            AssessmentKind.VISITATION,
            started_on=visitation.planned_on,
            catalogue=mini_catalogue,
        )
        held_id = held.id
    mark_done(engine, visitation.uid, assessment_id=held_id)
    mark_missed(engine, cirkel.uid)

    proposal = _propose(engine)
    schedule.apply(engine, proposal)
    rows = _rows(engine)
    assert rows[visitation.uid].status is EventStatus.DONE
    assert rows[visitation.uid].assessment_id == held_id
    assert rows[cirkel.uid].status is EventStatus.MISSED
    # the missed Cirkel stays due: a new event of the same kind, under a new uid
    again = [
        e
        for e in proposal.plan.events
        if e.location_id == coop["L2"] and e.kind is EventKind.CIRKEL
    ]
    assert again and cirkel.uid not in {e.uid for e in again}
    assert again[0].uid.split("@")[0].endswith("-r2")
    planned = Counter(e.uid for e in proposal.plan.events)
    assert max(planned.values()) == 1
    assert not {visitation.uid, cirkel.uid} & set(planned)


def test_held_or_missed_events_cannot_change_again(engine, coop):  # noqa: F811
    schedule.apply(engine, _propose(engine))
    uid = _first(engine, coop["L3"], EventKind.VISITATION).uid
    mark_missed(engine, uid)
    with pytest.raises(Refused, match="gemist"):
        mark_done(engine, uid)
    assert main(["schedule", "done", uid]) == 1


def test_keeping_an_event_a_year_early_leaves_every_uid_unique(engine, coop):  # noqa: F811
    schedule.apply(engine, _propose(engine, years=4))
    cirkel = _first(engine, coop["L1"], EventKind.CIRKEL)
    schedule.keep(engine, cirkel.uid, on=date(cirkel.planned_on.year + 1, 6, 1))
    proposal = _propose(engine, years=4)
    uids = Counter(e.uid for e in proposal.plan.events)
    assert max(uids.values()) == 1
    done = schedule.apply(engine, proposal)
    rows = _rows(engine)
    assert rows[cirkel.uid].manual and rows[cirkel.uid].planned_on.month == 6
    assert done.created + done.updated + done.unchanged + done.cancelled >= 1


def test_planning_again_keeps_the_stored_days(engine, coop):  # noqa: F811
    schedule.apply(engine, _propose(engine))
    before = {uid: row.planned_on for uid, row in _rows(engine).items()}
    again = schedule.apply(engine, _propose(engine))
    assert again.updated == 0 and again.cancelled == 0
    assert {uid: row.planned_on for uid, row in _rows(engine).items()} == before


def test_the_cli_records_done_and_missed(engine, coop, db_url, capsys):  # noqa: F811
    schedule.apply(engine, _propose(engine))
    uid = _first(engine, coop["L2"], EventKind.VISITATION).uid
    assert main(["--database", db_url, "schedule", "missed", uid]) == 0
    assert "gemist" in capsys.readouterr().out
    assert _rows(engine)[uid].status is EventStatus.MISSED
    assert main(["--database", db_url, "schedule", "done", "nope@qaudit"]) == 1


def test_calendar_marks_visit_days_busy(engine, coop, tmp_path):  # noqa: F811
    import icalendar

    schedule.apply(engine, _propose(engine))
    out = tmp_path / "plan.ics"
    schedule.export_ics(engine, out)
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert events and {str(e["TRANSP"]) for e in events} == {"OPAQUE"}
    assert all(e.decoded("DTSTART").isoweekday() <= 5 for e in events)


def test_starting_from_the_planned_event_holds_it_with_its_peer_and_team(
    engine,
    db_url,
    coop,  # noqa: F811
    mini_catalogue,
    capsys,
):
    from qaudit.domain.models import Assessment, EventAssignment
    from qaudit.domain.models.access import AssessmentPerson
    from qaudit.services import trajectory

    schedule.apply(engine, _propose(engine))
    visitation = _first(engine, coop["L1"], EventKind.VISITATION)
    cirkel = _first(engine, coop["L2"], EventKind.CIRKEL)
    with transaction(engine) as s:
        team = sorted(
            s.exec(
                select(EventAssignment.person_id).where(EventAssignment.event_id == visitation.id)
            ).all()
        )
    assert visitation.visiting_organisation_id is not None and team
    held_id = trajectory.start_assessment(
        engine,
        coop["L1"],
        AssessmentKind.VISITATION,
        today=visitation.planned_on,
        catalogue=mini_catalogue,
    )
    mark_missed(engine, cirkel.uid)
    with transaction(engine) as s:
        held = s.get(Assessment, held_id)
        assert held.visiting_organisation_id == visitation.visiting_organisation_id
        people = s.exec(
            select(AssessmentPerson.person_id).where(AssessmentPerson.assessment_id == held_id)
        ).all()
        assert sorted(people) == team
    rows = _rows(engine)
    assert rows[visitation.uid].status is EventStatus.DONE
    assert rows[visitation.uid].assessment_id == held_id

    schedule.apply(engine, _propose(engine))
    rows = _rows(engine)
    assert rows[visitation.uid].status is EventStatus.DONE
    assert rows[visitation.uid].assessment_id == held_id
    assert rows[cirkel.uid].status is EventStatus.MISSED
    planned = _propose(engine).plan.events
    assert not {visitation.uid, cirkel.uid} & {e.uid for e in planned}
    # the next visitation of L1 is not planned with the peer that just visited
    nxt = [e for e in planned if e.location_id == coop["L1"] and e.kind is EventKind.VISITATION]
    assert nxt and nxt[0].visiting_organisation_id != visitation.visiting_organisation_id

    # from the command line: the start says which planned event it holds
    cirkel3 = _first(engine, coop["L3"], EventKind.CIRKEL)
    capsys.readouterr()
    code = main(
        [
            "--database",
            db_url,
            "assessment",
            "start",
            "--location",
            str(coop["L3"]),
            "--kind",
            "cirkel",
            "--on",
            cirkel3.planned_on.isoformat(),
        ]
    )
    assert code == 0
    assert cirkel3.uid in capsys.readouterr().out
    assert _rows(engine)[cirkel3.uid].status is EventStatus.DONE


def test_starting_without_a_planned_event_links_nothing(engine, coop, mini_catalogue):  # noqa: F811
    from qaudit.services import trajectory
    from qaudit.services.schedule_status import linked_event

    held_id = trajectory.start_assessment(
        engine,
        coop["L1"],
        AssessmentKind.VISITATION,
        today=date(2027, 3, 1),
        catalogue=mini_catalogue,
    )
    assert linked_event(engine, held_id) is None
