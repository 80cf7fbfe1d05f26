"""``qaudit evidence add|list|export|remove``: one transaction per action, clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qaudit.checklists import Catalogue
from qaudit.cli import main
from qaudit.services import evidence
from qaudit.storage import transaction
from tests.answering.support import make_location, start
from tests.evidence.support import PDF, jpeg, write


@pytest.fixture
def assessment_id(engine: Engine, mini_catalogue: Catalogue) -> int:
    return start(engine, make_location(engine), mini_catalogue)


def names(engine: Engine, assessment_id: int) -> dict[str, list[str]]:
    with transaction(engine) as session:
        return evidence.names_by_point(session, assessment_id)


def test_add_list_export_remove(
    engine: Engine,
    db_url: str,
    assessment_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ["--database", db_url, "evidence"]
    photo = write(tmp_path, "keuken.jpg", jpeg())
    assert main([*base, "add", str(assessment_id), "A.01", str(photo)]) == 0
    assert "keuken.jpg" in capsys.readouterr().out
    assert main([*base, "add", str(assessment_id), "A.02", str(photo), "--name", "keuken"]) == 0
    assert "één keer" in capsys.readouterr().out  # stored once (Dutch by default)
    assert names(engine, assessment_id) == {"A.01": ["keuken.jpg"], "A.02": ["keuken"]}
    assert main([*base, "list", str(assessment_id), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["point"], r["name"], r["media_type"]) for r in rows] == [
        ("A.01", "keuken.jpg", "image/jpeg"),
        ("A.02", "keuken", "image/jpeg"),
    ]
    assert rows[0]["sha256"] == rows[1]["sha256"]
    assert main([*base, "list", str(assessment_id), "--point", "A.02"]) == 0
    assert "keuken" in capsys.readouterr().out
    out = tmp_path / "export"
    assert main([*base, "export", str(assessment_id), str(out)]) == 0
    assert (out / "A.02" / "keuken").read_bytes() == photo.read_bytes()
    assert main([*base, "remove", str(rows[0]["id"])]) == 0
    assert names(engine, assessment_id) == {"A.02": ["keuken"]}


@pytest.mark.parametrize(
    ("point", "file", "expected"),
    [
        ("A.01", "prog.bin", "prog.bin"),
        ("A.01", "weg.pdf", "weg.pdf"),
        ("Z.09", "beleid.pdf", "Z.09"),
        ("A.01", "foto_mevrouw_Jansen.jpg", "mevrouw Jansen"),
    ],
)
def test_bad_input_exits_1_and_changes_nothing(
    engine: Engine,
    db_url: str,
    assessment_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    point: str,
    file: str,
    expected: str,
) -> None:
    write(tmp_path, "prog.bin", bytes(range(256)))
    write(tmp_path, "beleid.pdf", PDF)
    write(tmp_path, "foto_mevrouw_Jansen.jpg", jpeg())
    capsys.readouterr()
    argv = ["--database", db_url, "evidence", "add", str(assessment_id), point]
    assert main([*argv, str(tmp_path / file)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err
    assert names(engine, assessment_id) == {}


def test_list_of_an_unknown_assessment(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", db_url, "evidence", "list", "4242"]) == 1
    assert "4242" in capsys.readouterr().err


def test_size_limit_from_config(
    engine: Engine,
    db_url: str,
    assessment_id: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from qaudit.paths import user_dirs

    config = user_dirs().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[evidence]\nmax_mib = 1\n", encoding="utf-8")
    big = write(tmp_path, "groot.pdf", PDF + b"0" * (1024 * 1024 + 10))
    capsys.readouterr()
    argv = ["--database", db_url, "evidence", "add", str(assessment_id), "A.01", str(big)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "groot.pdf" in err and "max_mib" in err
    assert names(engine, assessment_id) == {}
