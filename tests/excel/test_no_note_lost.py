"""An import never drops a note or an answer without a word (issue 14, item 5)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from excel.support import Setup, audit_count, column_of, db_answers, fill, points_sheet, rows_by_id
from qaudit.cli import main
from qaudit.domain.enums import Result
from qaudit.errors import QauditError
from qaudit.services import assessments
from qaudit.services.excel import apply_import, export_assessment, preview_import


def _edit(path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    workbook = openpyxl.load_workbook(path)
    change(workbook, points_sheet(workbook))
    workbook.save(path)
    return path


def _insert_column(sheet, before: int, header: str, values: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    rows = rows_by_id(sheet)
    sheet.insert_cols(before)
    sheet.cell(1, before).value = header
    for point_id, value in values.items():
        sheet.cell(rows[point_id], before).value = value


def _refused(setup: Setup, path: Path) -> str:
    before = db_answers(setup.engine, setup.assessment_id)
    with pytest.raises(QauditError) as caught:
        preview_import(setup.engine, path)
    assert db_answers(setup.engine, setup.assessment_id) == before
    return str(caught.value)


def test_opmerking_left_of_notitie_keeps_every_note(setup: Setup, tmp_path: Path) -> None:
    for point_id, note in (("A.01", "Dossiers op orde"), ("B.01", "MDO elke maand")):
        assessments.give_answer(
            setup.engine, setup.assessment_id, point_id, Result.COMPLIANT, note=note
        )
    path = export_assessment(setup.engine, setup.assessment_id, tmp_path / "z.xlsx")
    fill(path, {"A.02": ("voldoet niet", "Geen plan", "")})

    def add_opmerking(workbook, sheet) -> None:  # type: ignore[no-untyped-def]
        _insert_column(sheet, column_of(sheet, "note"), "Opmerking", {"A.01": "eigen memo"})

    _edit(path, add_opmerking)
    preview = preview_import(setup.engine, path)
    assert [c.point_id for c in preview.new] == ["A.02"]
    assert preview.changed == [] and preview.conflicts == []
    assert any("Opmerking" in line and "1" in line for line in preview.not_read)
    apply_import(setup.engine, preview)
    stored = db_answers(setup.engine, setup.assessment_id)
    assert stored["A.01"] == ("voldoet", "Dossiers op orde", "")
    assert stored["B.01"] == ("voldoet", "MDO elke maand", "")
    assert stored["A.02"] == ("voldoet_niet", "Geen plan", "")


def test_an_alias_is_read_when_the_exported_header_is_gone(setup: Setup, exported: Path) -> None:
    def rename(workbook, sheet) -> None:  # type: ignore[no-untyped-def]
        sheet.cell(1, column_of(sheet, "note")).value = "Opmerking"

    fill(exported, {"A.02": ("voldoet", "via alias", "")})
    _edit(exported, rename)
    preview = preview_import(setup.engine, exported)
    assert preview.new[0].after.note == "via alias"


def test_two_note_columns_are_refused_naming_both(setup: Setup, exported: Path) -> None:
    def copy_column(workbook, sheet) -> None:  # type: ignore[no-untyped-def]
        _insert_column(sheet, sheet.max_column + 1, "Notitie", {"A.02": "kopie"})

    _edit(exported, copy_column)
    message = _refused(setup, exported)
    assert "kolom I “Notitie”" in message and "kolom L “Notitie”" in message


def test_a_copied_points_sheet_is_refused_naming_both(setup: Setup, exported: Path) -> None:
    def copy_sheet(workbook, sheet) -> None:  # type: ignore[no-untyped-def]
        workbook.copy_worksheet(sheet).title = "Meetpunten (2)"

    _edit(exported, copy_sheet)
    message = _refused(setup, exported)
    assert "“Meetpunten”" in message and "“Meetpunten (2)”" in message


def test_answers_in_an_unread_sheet_are_reported(setup: Setup, exported: Path) -> None:
    def add_sheet(workbook, sheet) -> None:  # type: ignore[no-untyped-def]
        extra = workbook.create_sheet("Antwoorden Marja")
        extra.append(["A.02", "voldoet"])

    fill(exported, {"B.01": ("voldoet", "", "")})
    _edit(exported, add_sheet)
    preview = preview_import(setup.engine, exported)
    assert any("Antwoorden Marja" in line and "2" in line for line in preview.not_read)
    assert "NIET GEÏMPORTEERD" in str(preview)


@pytest.mark.parametrize("typed", ["-", "/", ".", " - ", "--"])
def test_punctuation_never_erases_an_answer(setup: Setup, exported: Path, typed: str) -> None:
    fill(exported, {"A.01": (typed, "Dossiers op orde", "")})
    message = _refused(setup, exported)
    assert "maak de cel leeg" in message and "H2" in message
    assert db_answers(setup.engine, setup.assessment_id)["A.01"][0] == "voldoet"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("voldoet\u200b", "U+200B"),
        ("\u2060", "U+2060"),
        ("v\u043eldoet", "U+043E"),  # a Cyrillic о
        ("n.v.t\u0430", "U+0430"),
    ],
)
def test_invisible_and_look_alike_answers_are_refused(
    setup: Setup, exported: Path, typed: str, expected: str
) -> None:
    fill(exported, {"A.02": (typed, "", "")})
    assert expected in _refused(setup, exported)


def test_messages_stay_short(setup: Setup, exported: Path) -> None:
    def odd_cells(workbook, sheet) -> None:  # type: ignore[no-untyped-def]
        rows = rows_by_id(sheet)
        answer = column_of(sheet, "answer")
        sheet.cell(rows["A.02"], answer).value = "x" * 30000
        cell = sheet.cell(rows["B.01"], answer)
        cell.value = ArrayFormula(cell.coordinate, "=A1:A2")
        note = sheet.cell(rows["B.02"], column_of(sheet, "note"))
        note.value = ArrayFormula(note.coordinate, "=A1:A2")

    _edit(exported, odd_cells)
    message = _refused(setup, exported)
    assert "object at 0x" not in message and "ArrayFormula" not in message
    assert "x" * 100 not in message and "…" in message
    assert len(message) < 2000
    assert "formule" in message


def test_a_closed_assessment_exports_read_only(setup: Setup, tmp_path: Path) -> None:
    assessments.give_answer(setup.engine, setup.assessment_id, "A.01", Result.COMPLIANT)
    assessments.close(setup.engine, setup.assessment_id)
    path = export_assessment(setup.engine, setup.assessment_id, tmp_path / "closed.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = points_sheet(workbook)
    answer = sheet.cell(2, column_of(sheet, "answer"))
    assert answer.protection.locked and sheet.protection.sheet
    assert not sheet.data_validations.dataValidation
    texts = " ".join(str(c.value) for row in workbook["Instructie"].iter_rows() for c in row)
    assert "alleen lezen" in texts.lower()
    fill(path, {"A.02": ("voldoet", "", "")})
    message = _refused(setup, path)
    assert "gesloten" in message and "alleen-lezen" in message


def _cli(db_url: str, *args: str) -> int:
    return main(["--database", db_url, "excel", "import", *args])


def test_json_works_for_the_real_import(
    setup: Setup, exported: Path, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(exported, {"B.01": ("nvt", "", "")})
    assert _cli(db_url, str(exported), "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dry_run"] is False and data["result"]["written"] == ["B.01"]
    assert db_answers(setup.engine, setup.assessment_id)["B.01"][0] == "nvt"


def test_closed_input_at_the_prompt_cancels(
    setup: Setup,
    exported: Path,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assessments.give_answer(setup.engine, setup.assessment_id, "A.01", Result.NOT_COMPLIANT)
    fill(exported, {"A.01": ("voldoet deels", "", ""), "B.01": ("voldoet", "", "")})
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    entries = audit_count(setup.engine)
    before = db_answers(setup.engine, setup.assessment_id)
    assert _cli(db_url, str(exported), "--resolve", "ask") == 1
    captured = capsys.readouterr()
    assert "Geannuleerd" in captured.err and "Traceback" not in captured.err
    assert db_answers(setup.engine, setup.assessment_id) == before
    assert audit_count(setup.engine) == entries
