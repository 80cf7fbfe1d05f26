"""What the exported workbook looks like to the location that fills it in."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from excel.support import Setup, column_of, points_sheet, rows_by_id
from qaudit.domain.enums import Result
from qaudit.errors import NotFound, QauditError
from qaudit.excel import layout
from qaudit.services import assessments
from qaudit.services.excel import export_assessment, preview_import


def test_sheets_dutch_instructions_and_hidden_metadata(setup: Setup, exported: Path) -> None:
    workbook = openpyxl.load_workbook(exported)
    assert workbook.sheetnames == ["Instructie", "Meetpunten", "qaudit"]
    assert workbook["qaudit"].sheet_state == "hidden"
    assert workbook.active.title == "Meetpunten"
    text = " ".join(
        str(c.value) for row in workbook["Instructie"].iter_rows() for c in row if c.value
    )
    assert "Vul het werkblad “Meetpunten” in" in text
    assert "Huize L01 (L01)" in text
    meta = {r[0].value: r[1].value for r in workbook["qaudit"].iter_rows() if r[0].value}
    assert meta["checklist_id"] == "basis-op-orde" and meta["checklist_version"] == "test.1"
    assert meta["content_hash"].startswith("sha256:")
    assert meta["location_code"] == "L01"
    assert meta["assessment_id"] == str(setup.assessment_id)
    assert meta["exported_at"] and meta["integrity"].startswith("sha256:")


def test_points_sheet_columns_answers_and_protection(exported: Path) -> None:
    sheet = points_sheet(openpyxl.load_workbook(exported))
    headers = [c.value for c in sheet[1]]
    assert headers == [
        "ID",
        "Thema",
        "Meetpunt",
        "Toelichting",
        "Wettelijke basis",
        "Kritiek",
        "Gewicht",
        "Antwoord",
        "Notitie",
        "Bewijs",
        "Bewijsstukken",
    ]
    rows = rows_by_id(sheet)
    assert list(rows) == ["A.01", "A.02", "B.01", "B.02"]
    answer, note = column_of(sheet, "answer"), column_of(sheet, "note")
    assert sheet.cell(rows["A.01"], answer).value == "voldoet"
    assert sheet.cell(rows["A.01"], note).value == "Dossiers op orde"
    assert sheet.cell(rows["A.02"], answer).value is None
    assert sheet.cell(rows["A.01"], column_of(sheet, "critical")).value == "ja"
    assert sheet.protection.sheet is False  # sorting and extra columns work everywhere
    for column in layout.POINT_COLUMNS:
        cell = sheet.cell(2, column_of(sheet, column.key))
        assert cell.protection.locked is not column.editable, column.key
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == "A1:K5"
    assert sheet.cell(2, column_of(sheet, "point")).alignment.wrap_text is True
    for column in layout.POINT_COLUMNS:
        assert sheet.cell(2, column_of(sheet, column.key)).alignment.vertical == "top"
    assert sheet.column_dimensions["C"].width == 50


def test_answer_drop_down_and_colours(exported: Path) -> None:
    sheet = points_sheet(openpyxl.load_workbook(exported))
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"voldoet,voldoet deels,voldoet niet,n.v.t."'
    assert str(validation.sqref) == "H2:H5"
    rules = [rule for cf in sheet.conditional_formatting for rule in cf.rules]
    assert len(rules) == 4
    assert any('"voldoet deels"' in rule.formula[0] for rule in rules)


def test_formula_looking_text_is_written_as_text(setup: Setup, tmp_path: Path) -> None:
    for point_id, note in (
        ("A.01", '=HYPERLINK("http://x")'),
        ("A.02", "+31 6 1234"),
        ("B.01", "-nvt-"),
        ("B.02", "@home"),
    ):
        assessments.give_answer(
            setup.engine, setup.assessment_id, point_id, Result.PARTLY, note=note
        )
    out = export_assessment(setup.engine, setup.assessment_id, tmp_path / "f.xlsx")
    sheet = points_sheet(openpyxl.load_workbook(out))
    note_col = column_of(sheet, "note")
    for row in range(2, 6):
        cell = sheet.cell(row, note_col)
        assert cell.data_type == "s", cell.value
        assert cell.quotePrefix
    with_formula = sheet.cell(rows_by_id(sheet)["A.01"], note_col)
    assert with_formula.value == '=HYPERLINK("http://x")'


def test_control_characters_in_a_note_do_not_break_the_export(setup: Setup, tmp_path: Path) -> None:
    assessments.give_answer(
        setup.engine, setup.assessment_id, "A.01", Result.COMPLIANT, note="plak\x0buit\x01 Word"
    )
    out = export_assessment(setup.engine, setup.assessment_id, tmp_path / "c.xlsx")
    sheet = points_sheet(openpyxl.load_workbook(out))
    assert sheet.cell(rows_by_id(sheet)["A.01"], column_of(sheet, "note")).value == "plakuit Word"
    assert not preview_import(setup.engine, out).has_changes


def test_english_export(setup: Setup, tmp_path: Path) -> None:
    from qaudit.i18n import set_language

    set_language("en")
    out = export_assessment(setup.engine, setup.assessment_id, tmp_path / "en.xlsx")
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Instructions", "Points", "qaudit"]
    assert [c.value for c in workbook["Points"][1]][7] == "Answer"


def test_unknown_assessment_and_bad_target(setup: Setup, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(NotFound):
        export_assessment(setup.engine, 999, tmp_path / "x.xlsx")
    with pytest.raises(QauditError, match=r"\.xlsx"):
        export_assessment(setup.engine, setup.assessment_id, tmp_path / "x.csv")
    with pytest.raises(QauditError, match="map bestaat niet"):
        export_assessment(setup.engine, setup.assessment_id, tmp_path / "nope" / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_printable_rows_headers_and_one_page_instructions(setup: Setup, tmp_path: Path) -> None:
    from qaudit.domain.enums import Result
    from qaudit.services import assessments
    from qaudit.services.excel import export_assessment

    long_note = "Gesprek met het team over de overdracht. " * 12
    assessments.give_answer(
        setup.engine, setup.assessment_id, "A.02", Result.PARTLY, note=long_note
    )
    path = export_assessment(setup.engine, setup.assessment_id, tmp_path / "print.xlsx")
    workbook = openpyxl.load_workbook(path)
    sheet = points_sheet(workbook)
    rows = rows_by_id(sheet)
    short, tall = (sheet.row_dimensions[rows[p]].height for p in ("B.02", "A.02"))
    assert tall > short >= 15 and tall >= 15 * (len(long_note) // 50)
    assert sheet.print_title_rows == "$1:$1"
    assert "Huize L01" in sheet.oddHeader.left.text and "&P" in sheet.oddFooter.right.text
    instructions = workbook["Instructie"]
    assert instructions.page_setup.fitToHeight == 1 and instructions.page_setup.fitToWidth == 1
    assert instructions.sheet_properties.pageSetUpPr.fitToPage
