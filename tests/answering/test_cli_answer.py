"""``qaudit answer`` and ``qaudit assessment close`` from a script."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from qaudit.checklists import Catalogue
from qaudit.cli import main
from qaudit.domain.enums import AssessmentStatus, Result
from qaudit.services import assessments, audit
from qaudit.storage import transaction
from tests.answering.support import make_location, start


@pytest.fixture
def assessment_id(engine: Engine, mini_catalogue: Catalogue) -> int:
    return start(engine, make_location(engine), mini_catalogue)


def state(engine: Engine, assessment_id: int) -> dict[str, tuple[Result, str, int]]:
    with transaction(engine) as session:
        rows = assessments.answers(session, assessment_id)
    return {p: (a.result, a.note, a.version) for p, a in rows.items()}


def test_answer_saves_result_and_note_and_prints_the_version(
    engine: Engine, db_url: str, assessment_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--database", db_url, "answer", str(assessment_id)]
    assert main([*args, "A.01", "deels", "--note", "Twee van vijf"]) == 0
    assert "versie 2" in capsys.readouterr().out
    assert main([*args, "A.02", "nvt"]) == 0
    assert main([*args, "A.02", "leeg"]) == 0
    assert state(engine, assessment_id) == {
        "A.01": (Result.PARTLY, "Twee van vijf", 2),
        "A.02": (Result.NOT_ASSESSED, "", 2),
    }


def test_answer_based_on_an_old_version_is_refused_and_changes_nothing(
    engine: Engine, db_url: str, assessment_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--database", db_url, "answer", str(assessment_id), "A.01"]
    assert main([*args, "voldoet", "--based-on", "0"]) == 0
    capsys.readouterr()
    assert main([*args, "niet", "--note", "nee", "--based-on", "0"]) == 1
    err = capsys.readouterr().err
    with transaction(engine) as session:
        me = audit.current_actor(session)  # the login on PostgreSQL, QAUDIT_ACTOR on SQLite
    assert "A.01" in err and me in err and "niet opgeslagen" in err
    assert "Traceback" not in err
    assert state(engine, assessment_id) == {"A.01": (Result.COMPLIANT, "", 1)}


@pytest.mark.parametrize(
    ("point", "expected"), [("Z.99", "geen meetpunt 'Z.99'"), ("A.01", "afgesloten")]
)
def test_answer_on_an_unknown_point_or_closed_assessment_exits_1(
    engine: Engine,
    db_url: str,
    assessment_id: int,
    capsys: pytest.CaptureFixture[str],
    point: str,
    expected: str,
) -> None:
    if expected == "afgesloten":
        assessments.close(engine, assessment_id)
    assert main(["--database", db_url, "answer", str(assessment_id), point, "voldoet"]) == 1
    assert expected in capsys.readouterr().err
    assert state(engine, assessment_id) == {}


def test_close_with_unanswered_points_asks_and_a_script_must_say_yes(
    engine: Engine, db_url: str, assessment_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assessments.give_answer(engine, assessment_id, "A.01", Result.COMPLIANT)
    args = ["--database", db_url, "assessment", "close", str(assessment_id)]
    assert main(args) == 1
    assert "3 onbeantwoorde" in capsys.readouterr().err
    with transaction(engine) as session:
        assert assessments.get(session, assessment_id).status is AssessmentStatus.OPEN
    assert main([*args, "--yes"]) == 0
    assert "afgesloten" in capsys.readouterr().out
    with transaction(engine) as session:
        assert assessments.get(session, assessment_id).status is AssessmentStatus.CLOSED
    assert main([*args, "--yes"]) == 1
    assert "afgesloten" in capsys.readouterr().err


def test_close_of_an_unknown_assessment_exits_1(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", db_url, "assessment", "close", "4242", "--yes"]) == 1
    assert "4242" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args",
    [
        ["answer", "99999999999999999999", "A.01", "voldoet"],
        ["answer", "-1", "A.01", "voldoet"],
        ["answer", "1", "A.01", "misschien"],
        ["answer", "1", "A.01", "voldoet", "--based-on", "x"],
        ["assessment", "close", "0"],
    ],
)
def test_malformed_arguments_are_usage_errors_without_a_traceback(
    db_url: str, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--database", db_url, *args])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "fout: argument" in err
