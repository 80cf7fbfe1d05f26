"""People on the work: recorded on assessments, checked for a Cirkel, shown on steps and reports."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import Engine
from sqlmodel import select

from qaudit.checklists import Catalogue
from qaudit.cli import main
from qaudit.domain.enums import AssessmentKind, AssessmentStatus, ConflictKind, StepStatus
from qaudit.domain.models import (
    Assessment,
    ConflictOfInterest,
    CycleStep,
    Location,
    Organisation,
    Person,
)
from qaudit.errors import Refused
from qaudit.services import assessments, report_data, reports, trajectory, work_people
from qaudit.services.database import open_database
from qaudit.storage import transaction


@pytest.fixture
def world(engine: Engine) -> dict[str, int]:
    with transaction(engine) as session:
        org, other = Organisation(name="Stichting Test"), Organisation(name="Elders")
        session.add_all([org, other])
        session.flush()
        location = Location(organisation_id=org.id, code="T01", name="Huize Test")
        insider = Person(name="Ina Binnen", organisation_id=org.id)
        adviser = Person(name="Adam Adviseur")
        outsider = Person(name="Olga Onafhankelijk", organisation_id=other.id)
        session.add_all([location, insider, adviser, outsider])
        session.flush()
        session.add(
            ConflictOfInterest(
                person_id=adviser.id, organisation_id=org.id, kind=ConflictKind.ADVISES
            )
        )
        ids = {"location": location.id, "insider": insider.id, "adviser": adviser.id}
        ids["outsider"] = outsider.id
        return {k: int(v or 0) for k, v in ids.items()}


def _start(engine: Engine, location: int, kind: AssessmentKind, catalogue: Catalogue) -> int:
    with transaction(engine) as session:
        created = assessments.start(
            session, location, kind, started_on=date(2027, 3, 1), catalogue=catalogue
        )
        return int(created.id or 0)


def test_a_cirkel_team_must_be_independent(
    engine: Engine, world: dict[str, int], mini_catalogue: Catalogue
) -> None:
    cirkel = _start(engine, world["location"], AssessmentKind.CIRKEL, mini_catalogue)
    for who in ("insider", "adviser"):  # employed by it; advises it
        with transaction(engine) as session, pytest.raises(Refused, match="niet onafhankelijk"):
            work_people.record_people(session, session.get(Assessment, cirkel), [world[who]])
    with transaction(engine) as session:
        assert work_people.names_of(session, cirkel) == []  # nothing recorded
        names = work_people.record_people(
            session, session.get(Assessment, cirkel), [world["outsider"]]
        )
    assert names == ["Olga Onafhankelijk"]
    with transaction(engine) as session:
        data = report_data.assessment_report(
            session, session.get(Assessment, cirkel), date(2027, 3, 2)
        )
        assert data.assessment.people == ("Olga Onafhankelijk",)
        assert trajectory.trajectory(session, world["location"]).steps[8].person == ""
        step = CycleStep(location_id=world["location"], step=9, status=StepStatus.IN_PROGRESS)
        session.add(step)  # started (the gates are tested elsewhere)
    with transaction(engine) as session:
        row = trajectory.trajectory(session, world["location"]).steps[8]
        assert row.person == "Olga Onafhankelijk"  # who did the step's assessment


def test_an_audit_visit_records_its_auditors(
    engine: Engine, world: dict[str, int], mini_catalogue: Catalogue
) -> None:
    audit_visit = _start(engine, world["location"], AssessmentKind.AUDIT_VISIT, mini_catalogue)
    with transaction(engine) as session:
        a = session.get(Assessment, audit_visit)
        # an auditor's independence is not the planner's business: recorded as given
        work_people.record_people(session, a, [world["insider"], world["outsider"]])
        assert work_people.names_of(session, audit_visit) == ["Ina Binnen", "Olga Onafhankelijk"]


def test_parse_ids() -> None:
    assert work_people.parse_ids(" 1, 4;4,") == [1, 4]
    with pytest.raises(Exception, match="'x'"):
        work_people.parse_ids("1,x")


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("demo-work") / "demo.db"
    url = f"sqlite:///{path}"
    assert main(["--database", url, "demo", "--create-only"]) == 0
    return url


def test_the_demo_trajectory_names_who_did_every_completed_step(demo_url: str) -> None:
    engine = open_database(demo_url)
    try:
        with transaction(engine) as session:
            ids = session.exec(select(Location.id)).all()
            done = [
                (location_id, r)
                for location_id in ids
                for r in trajectory.trajectory(session, int(location_id or 0)).steps
                if r.status is StepStatus.DONE
            ]
        assert len(done) > 40
        assert [(loc, int(r.step)) for loc, r in done if not r.person] == []
    finally:
        engine.dispose()


def test_the_report_cover_names_the_auditors(demo_url: str, tmp_path: Path) -> None:
    engine = open_database(demo_url)
    try:
        with transaction(engine) as session:
            closed = session.exec(
                select(Assessment).where(
                    Assessment.kind == AssessmentKind.AUDIT_VISIT,
                    Assessment.status == AssessmentStatus.CLOSED,
                )
            ).first()
            assert closed is not None and closed.id is not None
            names = work_people.names_of(session, closed.id)
        assert names
        out = reports.write_report(engine, "basis-op-orde", closed.id, tmp_path / "r.docx")
    finally:
        engine.dispose()
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    text += "\n".join(c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells)
    assert names[0] in text


def test_assessment_start_command_records_people(
    demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'copy.db'}"
    source, copy = sqlite3.connect(demo_url.removeprefix("sqlite:///")), sqlite3.connect(url[10:])
    source.backup(copy)  # the demo file is in WAL mode: copy it whole
    source.close()
    copy.close()
    argv = [
        "--database",
        url,
        "assessment",
        "start",
        "--location",
        "3",
        "--kind",
        "self_evaluation",
    ]
    assert main([*argv, "--people", "1,x"]) == 1
    assert "'x'" in capsys.readouterr().err
    assert main([*argv, "--people", "1"]) == 1  # its self-evaluation is open: refused
    open_one = capsys.readouterr().err
    engine = open_database(url)
    with transaction(engine) as session:
        (open_id,) = session.exec(
            select(Assessment.id).where(
                Assessment.location_id == 3,
                Assessment.kind == "self_evaluation",
                Assessment.status == "open",
            )
        ).all()
    engine.dispose()
    assert str(open_id) in open_one
    cancel = ["--database", url, "assessment", "cancel", str(open_id), "--reason", "opnieuw"]
    assert main(cancel) == 0
    assert main([*argv, "--people", "1"]) == 0
    engine = open_database(url)
    try:
        with transaction(engine) as session:
            newest = session.exec(select(Assessment).order_by(Assessment.id.desc())).first()  # type: ignore[union-attr]
            assert newest is not None and newest.location_id == 3
            assert work_people.names_of(session, newest.id or 0) == ["Anouk Verbeek"]
    finally:
        engine.dispose()


def test_demo_with_a_database_writes_there_and_not_in_its_own_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], isolated_user: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    assert main(["--database", url, "demo", "--create-only"]) == 0
    assert "shared.db" in capsys.readouterr().out
    assert not list(isolated_user.rglob("qaudit-demo.db"))
    assert main(["--database", url, "demo", "--create-only"]) == 0
    assert "bevat al gegevens" in capsys.readouterr().out
    assert main(["--database", url, "demo", "--create-only", "--reset"]) == 1
    assert main(["demo", "--create-only"]) == 0  # without one: its own file
    assert list(isolated_user.rglob("qaudit-demo.db"))
