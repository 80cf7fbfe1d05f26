"""The same rules on SQLite: the services scope every surface by the login's grants."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qaudit.cli import main
from qaudit.domain.access import AccessRole, Grant
from qaudit.errors import Refused
from qaudit.services import dashboard, trajectory, users
from qaudit.services.database import open_database
from qaudit.services.demo import cast, network
from qaudit.storage import transaction

DEMO_LOCATIONS = [*cast.LOCATIONS, *network.LOCATIONS]  # the demo's member locations


@pytest.fixture
def db(demo_file: Path, tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    path = tmp_path / "copy.db"
    path.write_bytes(demo_file.read_bytes())
    url = f"sqlite:///{path}"
    engine = open_database(url)
    yield url, engine
    engine.dispose()


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_the_file_owner_without_grants_sees_everything(db: tuple[str, Engine]) -> None:
    _url, engine = db
    assert len(dashboard.rows_for(engine, date.today())) == len(DEMO_LOCATIONS)


def test_a_location_contact_sees_its_location_only(
    db: tuple[str, Engine], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, engine = db
    users.add_user(engine, "tester", 1)
    assert users.grant(
        engine, "tester", AccessRole.LOCATION_CONTACT, Grant(AccessRole.LOCATION_CONTACT, 1)
    )
    rows = json.loads(_out(capsys, "--database", url, "location", "list", "--json"))
    assert [r["code"] for r in rows] == ["L01"]
    assert [r.code for r in dashboard.rows_for(engine, date.today())] == ["L01"]
    with transaction(engine) as session, pytest.raises(Refused, match="locatie L02"):
        trajectory.trajectory(session, 2)
    assert main(["--database", url, "schedule", "plan", "--years", "1"]) == 1
    assert "alleen medewerkers" in capsys.readouterr().err
    # no longer staff-like: cannot grant itself more
    with pytest.raises(Refused):
        users.grant(engine, "tester", AccessRole.STAFF, Grant(AccessRole.STAFF))


def test_user_and_access_commands(
    db: tuple[str, Engine], capsys: pytest.CaptureFixture[str]
) -> None:
    url, _engine = db
    base = ["--database", url]
    assert "Anouk Verbeek" in _out(capsys, *base, "user", "add", "anouk", "--person", "1")
    assert main([*base, "user", "add", "anouk", "--person", "1"]) == 1
    assert main([*base, "user", "add", "Bad Name", "--person", "1"]) == 1
    assert main([*base, "user", "add", "x", "--person", "999"]) == 1
    assert main([*base, "access", "grant", "nobody", "auditor", "--location", "1"]) == 1
    assert main([*base, "access", "grant", "anouk", "staff", "--location", "1"]) == 1
    assert main([*base, "access", "grant", "anouk", "board"]) == 1
    _out(capsys, *base, "access", "grant", "anouk", "auditor", "--location", "3")
    assert "al" in _out(capsys, *base, "access", "grant", "anouk", "auditor", "--location", "3")
    listed = json.loads(_out(capsys, *base, "access", "list", "--json"))
    assert [(g["login"], g["role"], g["location_id"]) for g in listed] == [("anouk", "auditor", 3)]
    users_listed = json.loads(_out(capsys, *base, "user", "list", "--json"))
    assert users_listed == [
        {"login": "anouk", "person_id": 1, "person": "Anouk Verbeek", "roles": ["auditor"]}
    ]
    _out(capsys, *base, "access", "revoke", "anouk", "auditor", "--location", "3")
    assert main([*base, "access", "revoke", "anouk", "auditor", "--location", "3"]) == 1
    _out(capsys, *base, "user", "remove", "anouk")
    assert json.loads(_out(capsys, *base, "user", "list", "--json")) == []


def test_a_password_is_never_printed(
    db: tuple[str, Engine], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    url, _engine = db
    monkeypatch.setattr("sys.stdin", io.StringIO("geheim-wachtwoord-42\n"))
    code = main(["--database", url, "user", "add", "anouk", "--person", "1", "--password-stdin"])
    captured = capsys.readouterr()
    assert code == 1  # SQLite has no passwords: refused, and nothing is printed of it
    assert "geheim-wachtwoord-42" not in captured.out + captured.err


def test_a_contact_reads_but_does_not_change_the_auditors_work(db: tuple[str, Engine]) -> None:
    from sqlmodel import select

    from qaudit.domain.enums import AssessmentKind, InterviewGroup, Result
    from qaudit.domain.models import Assessment, Interview
    from qaudit.services import assessments, visits

    _url, engine = db
    with transaction(engine) as session:
        audited = session.exec(
            select(Assessment).where(
                Assessment.kind == AssessmentKind.AUDIT_VISIT,
                Assessment.id.in_(select(Interview.assessment_id)),  # type: ignore[union-attr]
            )
        ).first()
        assert audited is not None and audited.id is not None
        location_id, audit_id = audited.location_id, audited.id
    users.add_user(engine, "tester", 1)
    users.grant(
        engine,
        "tester",
        AccessRole.LOCATION_CONTACT,
        Grant(AccessRole.LOCATION_CONTACT, location_id),
    )
    with pytest.raises(Refused, match="lezen maar niet wijzigen"):
        assessments.give_answer(engine, audit_id, "B1.01", Result.COMPLIANT)
    with pytest.raises(Refused, match="niet wijzigen"):
        visits.add_interview(engine, audit_id, InterviewGroup.STAFF, 2, date.today(), "x")
    with transaction(engine) as session:
        assert visits.visit_record(session, audit_id).interviews == ()
        assert visits.visit_record(session, audit_id).findings  # the rest is theirs to read


def test_a_contact_keeps_the_client_voice_of_its_own_location_only(
    db: tuple[str, Engine], capsys: pytest.CaptureFixture[str]
) -> None:
    from qaudit.services import voice_register, voice_rhythm

    url, engine = db
    before = voice_rhythm.actions(engine)
    other = next(r.action for r in before if r.action.location_id != 1)
    users.add_user(engine, "tester", 1)
    users.grant(
        engine, "tester", AccessRole.LOCATION_CONTACT, Grant(AccessRole.LOCATION_CONTACT, 1)
    )
    base = ["--database", url]
    assert main([*base, "action", "add", "--location", "2", "--source", "feedback", "Ronde"]) == 1
    assert "locatie L02" in capsys.readouterr().err
    assert main([*base, "action", "add", "--location", "1", "--source", "feedback", "Ronde"]) == 0
    # an unknown client promise is named, and nothing is recorded
    assert main([*base, "action", "add", "--location", "1", "--source", "feedback",
                 "--promise", "KB99", "Ronde"]) == 1  # fmt: skip
    assert "KB99" in capsys.readouterr().err
    mine = voice_rhythm.actions(engine)
    assert {r.action.location_id for r in mine} == {1}
    assert sum(r.action.title == "Ronde" for r in mine) == 1
    with pytest.raises(Refused, match="geen toegang tot locatie L"):
        voice_rhythm.set_action_status(engine, other.id, other.status)  # type: ignore[arg-type]
    with pytest.raises(Refused, match="locatie L02"):
        voice_register.add_complaint(engine, 2, "K-1", date.today())
    with pytest.raises(Refused, match="locatie L02"):
        voice_register.add_suggestion(
            engine, 2, voice_register.SuggestionOrigin.STAFF, "Meer fruit", date.today()
        )
