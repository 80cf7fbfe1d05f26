"""``qaudit report clientervaring``: a real .docx with its three charts, in Dutch and English."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from clientvoice.support import TODAY, filled_workbook, location_with_units
from qaudit.cli import main
from qaudit.domain.clientvoice_enums import EvaluationKind
from qaudit.services.voice_feedback import import_feedback
from qaudit.services.voice_register import add_complaint
from qaudit.services.voice_report import write_clientvoice_report
from qaudit.services.voice_rhythm import add_evaluation


def document_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def pictures(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        return [n for n in package.namelist() if n.startswith("word/media/")]


@pytest.fixture
def voiced(engine: Engine, tmp_path: Path) -> int:
    location_id = location_with_units(engine)
    import_feedback(engine, filled_workbook(engine, location_id, tmp_path / "f.xlsx"), today=TODAY)
    add_complaint(engine, location_id, "K-1", date(2026, 9, 1), promise_id="KB07", today=TODAY)
    add_evaluation(engine, location_id, EvaluationKind.CLIENT, date(2026, 3, 1), today=TODAY)
    return location_id


def test_the_dutch_report_has_figures_charts_and_the_overdue_complaint(
    engine: Engine, voiced: int, tmp_path: Path
) -> None:
    out = tmp_path / "clientervaring.docx"
    written = write_clientvoice_report(engine, voiced, out, language="nl", today=TODAY)
    assert written == [out]
    text = document_text(out)
    for expected in (
        "Cliëntervaring",
        "De Linde",
        "indicatief (te weinig reacties)",
        "Algemene tevredenheid",
        "KB01 Samen uw zorgleefplan",
        "56%",  # KB01: 5 of 9 noticed it kept
        "K-1",
        "te laat",
        "cliëntevaluatie",
    ):
        assert expected in text, expected
    assert len(pictures(out)) == 3


def test_the_english_report_from_the_command_line(
    engine: Engine, voiced: int, db_url: str, tmp_path: Path
) -> None:
    out = tmp_path / "client.docx"
    args = ["--database", db_url, "--language", "en", "report", "clientervaring"]
    assert main([*args, "--location", str(voiced), "--period", "2026", "--out", str(out)]) == 0
    text = document_text(out)
    assert "Client experience" in text and "indicative (too few responses)" in text
    assert "Overall satisfaction" in text and len(pictures(out)) == 3


def test_the_report_needs_a_location(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--database", db_url, "report", "clientervaring", "--out", "x.docx"])
    assert "--location" in capsys.readouterr().err


def test_the_demo_has_a_location_below_target_and_one_with_too_few_responses(
    engine: Engine,
) -> None:
    from qaudit.domain.clientvoice import Targets
    from qaudit.domain.clientvoice_rhythm import Period
    from qaudit.services.demo import build_demo
    from qaudit.services.voice_summary import summary

    build_demo(engine, today=TODAY)
    year = Period(TODAY.year)
    figures = {
        code: summary(engine, location_id, year, Targets(), today=TODAY).figures
        for code, location_id in (("L09", 9), ("L10", 10), ("L12", 12))
    }
    assert figures["L09"].nps.meets_target is False and not figures["L09"].nps.indicative
    assert figures["L10"].nps.meets_target is True and figures["L10"].satisfaction.meets_target
    assert figures["L12"].responses < 30 and figures["L12"].nps.indicative
