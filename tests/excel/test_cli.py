"""``qaudit excel export|import|results`` from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest

from excel.support import Setup, db_answers, fill
from qaudit.cli import main
from qaudit.domain.enums import Result
from qaudit.services import assessments


def run(db_url: str, *args: str) -> int:
    return main(["--database", db_url, "excel", *args])


def test_export_then_import(
    setup: Setup, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "z.xlsx"
    assert run(db_url, "export", "--assessment", str(setup.assessment_id), "--out", str(out)) == 0
    assert "z.xlsx" in capsys.readouterr().out
    fill(out, {"A.01": ("voldoet", "", "")})
    assert run(db_url, "import", str(out), "--dry-run") == 0
    printed = capsys.readouterr().out
    assert "Nieuwe antwoorden: 1" in printed and "Proefdraai" in printed
    assert db_answers(setup.engine, setup.assessment_id) == {}
    assert run(db_url, "import", str(out)) == 0
    assert "1 antwoord geschreven" in capsys.readouterr().out
    assert db_answers(setup.engine, setup.assessment_id)["A.01"][0] == "voldoet"
    assert run(db_url, "import", str(out)) == 0
    assert "Niets te importeren" in capsys.readouterr().out


def test_dry_run_json(
    setup: Setup, exported: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(exported, {"B.01": ("nvt", "", "")})
    assert run(db_url, "import", str(exported), "--dry-run", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["new"][0]["point"] == "B.01" and data["new"][0]["after"]["result"] == "nvt"


def _conflict(setup: Setup, exported: Path) -> None:
    assessments.give_answer(setup.engine, setup.assessment_id, "A.01", Result.NOT_COMPLIANT)
    fill(exported, {"A.01": ("voldoet deels", "", "")})


def test_conflicts_refused_without_a_choice(
    setup: Setup,
    exported: Path,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _conflict(setup, exported)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert run(db_url, "import", str(exported)) == 1
    assert "--resolve" in capsys.readouterr().err
    assert db_answers(setup.engine, setup.assessment_id)["A.01"][0] == "voldoet_niet"


@pytest.mark.parametrize(
    ("resolve", "expected"), [("keep-ours", "voldoet_niet"), ("take-theirs", "voldoet_deels")]
)
def test_resolve(setup: Setup, exported: Path, db_url: str, resolve: str, expected: str) -> None:
    _conflict(setup, exported)
    assert run(db_url, "import", str(exported), "--resolve", resolve) == 0
    assert db_answers(setup.engine, setup.assessment_id)["A.01"][0] == expected


def test_resolve_ask(
    setup: Setup, exported: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _conflict(setup, exported)
    replies = iter(["?", "f"])
    monkeypatch.setattr("builtins.input", lambda _prompt="": next(replies))
    assert run(db_url, "import", str(exported), "--resolve", "ask") == 0
    assert db_answers(setup.engine, setup.assessment_id)["A.01"][0] == "voldoet_deels"


def test_refusal_exits_1_with_the_cell(
    setup: Setup, exported: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(exported, {"A.02": ("misschien", "", "")})
    assert run(db_url, "import", str(exported)) == 1
    err = capsys.readouterr().err
    assert "cel H3" in err and "Traceback" not in err


def test_results(setup: Setup, exported: Path, db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "resultaten.xlsx"
    assert run(db_url, "results", "--out", str(out)) == 0
    assert openpyxl.load_workbook(out).sheetnames == ["Resultaten", "Samenvatting per thema"]
