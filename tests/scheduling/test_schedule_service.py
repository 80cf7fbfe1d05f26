"""The planner on a real database (SQLite and PostgreSQL): load, propose, apply, keep, ICS."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from sqlmodel import select

from qaudit.cli import main
from qaudit.config import Settings
from qaudit.domain.enums import (
    AssessmentKind,
    ConflictKind,
    EventKind,
    EventStatus,
    Result,
    Role,
    StepStatus,
)
from qaudit.domain.models import (
    ConflictOfInterest,
    CycleStep,
    EventAssignment,
    Location,
    Membership,
    Organisation,
    Person,
    RoleAssignment,
    ScheduledEvent,
)
from qaudit.errors import NotFound
from qaudit.scheduling.constraints import Constraint
from qaudit.services import assessments, schedule
from qaudit.storage import transaction

START = date(2027, 1, 1)


@pytest.fixture
def coop(engine, mini_catalogue):
    """Three member organisations, one rolled-out location each, peers and three assessors."""
    with transaction(engine) as s:
        orgs = [Organisation(name=f"Zorggroep {n}", region="Midden") for n in "ABC"]
        s.add_all(orgs)
        s.flush()
        ids: dict[str, int] = {}
        for i, o in enumerate(orgs):
            s.add(
                Membership(
                    organisation_id=o.id, member_number=f"K-{i}", start_date=date(2020, 1, 1)
                )
            )
            loc = Location(
                organisation_id=o.id,
                code=f"L{i + 1}",
                name=f"Huis {i + 1}",
                city="Utrecht",
                region="Midden",
            )
            s.add(loc)
            s.flush()
            ids[f"L{i + 1}"] = loc.id
            for step in range(1, 8):
                s.add(
                    CycleStep(
                        location_id=loc.id,
                        step=step,
                        status=StepStatus.DONE,
                        completed_on=date(2025, 3, step),
                    )
                )
            visitor = Person(name=f"Visiteur {i}", organisation_id=o.id)
            s.add(visitor)
            s.flush()
            s.add(RoleAssignment(person_id=visitor.id, role=Role.PEER_VISITOR))
        for n in range(3):
            person = Person(name=f"Beoordelaar {n}")
            s.add(person)
            s.flush()
            ids[f"A{n}"] = person.id
            s.add(RoleAssignment(person_id=person.id, role=Role.ASSESSOR))
        s.add(
            ConflictOfInterest(
                person_id=ids["A0"],
                organisation_id=orgs[0].id,
                kind=ConflictKind.ADVISES,
                start_date=date(2024, 1, 1),
            )
        )
        ids.update({f"O{i}": o.id for i, o in enumerate(orgs)})
    for code in ("L1", "L2", "L3"):
        _sufficient_basis(engine, ids[code], mini_catalogue)
    return ids


def _sufficient_basis(engine, location_id, catalogue):
    with transaction(engine) as s:
        visit = assessments.start(
            s,
            location_id,
            AssessmentKind.AUDIT_VISIT,
            started_on=date(2024, 6, 1),
            catalogue=catalogue,
        )
        for point in catalogue.for_kind("basis").points:
            assessments.record_answer(s, visit.id, point.id, Result.COMPLIANT)
        assessments.close_in(s, visit.id)


def _propose(engine, years=3):
    return schedule.propose(engine, Settings(), years=years, start=START)


def test_propose_plans_each_rolled_out_location_and_writes_nothing(engine, coop):
    proposal = _propose(engine)
    events = proposal.plan.events
    assert {e.location_id for e in events} == {coop["L1"], coop["L2"], coop["L3"]}
    assert [e.kind for e in events if e.location_id == coop["L1"]] == [
        EventKind.VISITATION,
        EventKind.CIRKEL,
        EventKind.VISITATION,
    ]
    assert all(
        e.visiting_organisation_id not in (None, _own(coop, e.location_id))
        for e in events
        if e.kind is EventKind.VISITATION
    )
    l1_cirkel = next(
        e for e in events if e.location_id == coop["L1"] and e.kind is EventKind.CIRKEL
    )
    assert coop["A0"] not in l1_cirkel.person_ids  # declared: advises Zorggroep A
    with transaction(engine) as s:
        assert s.exec(select(ScheduledEvent)).first() is None


def _own(coop, location_id):
    return {coop["L1"]: coop["O0"], coop["L2"]: coop["O1"], coop["L3"]: coop["O2"]}[location_id]


def test_apply_stores_events_with_stable_uids_and_is_idempotent(engine, coop):
    done = schedule.apply(engine, _propose(engine))
    assert done.created == 9 and done.cancelled == 0
    again = schedule.apply(engine, _propose(engine))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 9)
    with transaction(engine) as s:
        rows = s.exec(select(ScheduledEvent)).all()
        assert len({r.uid for r in rows}) == 9
        assigned = s.exec(select(EventAssignment)).all()
        assert {a.role for a in assigned} == {"assessor", "peer_visitor"}
    shorter = schedule.apply(engine, _propose(engine, years=2))
    assert shorter.cancelled == 3


def test_kept_event_survives_apply_and_is_rechecked(engine, coop):
    schedule.apply(engine, _propose(engine))
    with transaction(engine) as s:
        cirkel = s.exec(
            select(ScheduledEvent).where(
                ScheduledEvent.location_id == coop["L1"], ScheduledEvent.kind == EventKind.CIRKEL
            )
        ).first()
        uid = cirkel.uid
    schedule.keep(engine, uid, on=date(2028, 5, 4), person_ids=(coop["A0"], coop["A1"]))
    proposal = _propose(engine)
    kept = next(e for e in proposal.plan.events if e.uid == uid)
    assert kept.manual and kept.on == date(2028, 5, 4)
    assert (Constraint.ADVISES, coop["A0"]) in {(v.constraint, v.subject) for v in kept.violations}
    schedule.apply(engine, proposal)
    with transaction(engine) as s:
        row = s.exec(select(ScheduledEvent).where(ScheduledEvent.uid == uid)).one()
        assert row.manual and row.planned_on == date(2028, 5, 4)
        assert row.status is EventStatus.PLANNED
    schedule.release(engine, uid)
    assert not next(e for e in _propose(engine).plan.events if e.uid == uid).manual


def test_keep_names_what_is_missing(engine, coop):
    with pytest.raises(NotFound, match="nope"):
        schedule.keep(engine, "nope", on=START)


def test_ics_export_reparses_with_stable_uids(engine, coop, tmp_path: Path):
    schedule.apply(engine, _propose(engine))
    out = tmp_path / "plan.ics"
    stamp = datetime(2027, 1, 1, 9, tzinfo=UTC)
    count = schedule.export_ics(engine, out, stamp=stamp)
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    assert cal["VERSION"] == "2.0" and "qaudit" in str(cal["PRODID"])
    events = cal.walk("VEVENT")
    assert len(events) == count == 9
    with transaction(engine) as s:
        uids = {r.uid for r in s.exec(select(ScheduledEvent))}
    assert {str(e["UID"]) for e in events} == uids
    first = events[0]
    assert isinstance(first.decoded("DTSTART"), date)
    assert first.decoded("DTSTAMP") == stamp
    assert str(first["SUMMARY"]).startswith(("Waarderende visitatie", "Cirkel van Kwaliteit@"))
    assert int(first["SEQUENCE"]) == 0
    # moving an event by hand raises its SEQUENCE, the UID stays
    uid = str(first["UID"])
    schedule.keep(engine, uid, on=date(2027, 9, 9))
    schedule.export_ics(engine, out, stamp=stamp)
    moved = next(
        e
        for e in icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
        if str(e["UID"]) == uid
    )
    assert moved.decoded("DTSTART") == date(2027, 9, 9) and int(moved["SEQUENCE"]) == 1


def test_ics_per_person_and_per_location(engine, coop, tmp_path: Path):
    schedule.apply(engine, _propose(engine))
    out = tmp_path / "a.ics"
    mine = schedule.export_ics(engine, out, person_id=coop["A1"])
    with transaction(engine) as s:
        expected = len(
            s.exec(select(EventAssignment).where(EventAssignment.person_id == coop["A1"])).all()
        )
    assert mine == expected
    assert schedule.export_ics(engine, out, location_id=coop["L2"]) == 3
    with pytest.raises(NotFound, match="999"):
        schedule.export_ics(engine, out, person_id=999)


def test_cli_plan_json_apply_and_ics(engine, db_url, coop, tmp_path, capsys, monkeypatch):
    import json

    base = ["--database", db_url, "--language", "en", "schedule"]
    assert main([*base, "plan", "--years", "2", "--from", "2027-01-01", "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert len(plan["events"]) == 6 and not any(e["stored"] for e in plan["events"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert main([*base, "apply", "--years", "2", "--from", "2027-01-01"]) == 1
    assert "--yes" in capsys.readouterr().err
    assert main([*base, "apply", "--years", "2", "--from", "2027-01-01", "--yes"]) == 0
    assert "6 new" in capsys.readouterr().out
    out = tmp_path / "x.ics"
    assert main([*base, "ics", "--out", str(out), "--location", str(coop["L1"])]) == 0
    assert len(icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")) == 2
    assert main([*base, "plan", "--years", "0"]) == 1
    assert "--years" in capsys.readouterr().err
