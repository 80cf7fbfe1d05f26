"""Absences recorded in the database keep people off the plan in those periods."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine
from sqlmodel import func, select

from qaudit.cli import main
from qaudit.config import Settings
from qaudit.domain.models import Absence, AuditLog
from qaudit.errors import NotFound, QauditError
from qaudit.services import people, schedule
from qaudit.services.demo import build_demo
from qaudit.storage import transaction

TODAY = date(2026, 11, 23)


def assignments(engine: Engine) -> list[tuple[int, date]]:
    proposal = schedule.propose(engine, Settings(), years=4, start=TODAY)
    return [(person, e.on) for e in proposal.plan.events for person in e.person_ids]


def test_an_absent_assessor_is_not_planned_in_that_period(engine: Engine) -> None:
    build_demo(engine, today=TODAY)
    before = assignments(engine)
    person, day = before[0]
    start, end = day - timedelta(days=400), day + timedelta(days=400)
    people.add_absence(engine, person, start, end, "Sabbatical")
    after = assignments(engine)
    assert after, "the plan still assigns the others"
    assert not [d for p, d in after if p == person and start <= d <= end]


def test_bad_absences_are_refused_and_nothing_is_written(engine: Engine) -> None:
    build_demo(engine, today=TODAY)
    with pytest.raises(QauditError, match="2027-01-01"):
        people.add_absence(engine, 1, date(2027, 2, 1), date(2027, 1, 1))
    with pytest.raises(NotFound, match="999"):
        people.add_absence(engine, 999, date(2027, 1, 1), date(2027, 2, 1))
    with transaction(engine) as session:
        assert session.exec(select(func.count()).select_from(Absence)).one() == 0
        logged = session.exec(select(AuditLog).where(AuditLog.action == "absence")).all()
        assert logged == []


def test_person_commands(engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    build_demo(engine, today=TODAY)
    assert (
        main(
            [
                "--database",
                db_url,
                "person",
                "absent",
                "5",
                "--from",
                "2027-07-01",
                "--until",
                "2027-08-31",
                "--note",
                "Verlof",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--database", db_url, "person", "list", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows[5]["absences"] == [{"from": "2027-07-01", "until": "2027-08-31", "note": "Verlof"}]
    assert "assessor" in rows[5]["roles"]
    assert (
        main(
            [
                "--database",
                db_url,
                "person",
                "absent",
                "5",
                "--from",
                "2027-09-01",
                "--until",
                "2027-08-01",
            ]
        )
        == 1
    )
    assert "2027-08-01" in capsys.readouterr().err
