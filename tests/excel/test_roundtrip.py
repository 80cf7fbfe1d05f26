"""Export → fill in as a location would → import → the database holds exactly that."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from excel.support import Setup, audit_count, column_of, db_answers, fill, points_sheet, rows_by_id
from qaudit.domain.enums import Result
from qaudit.i18n import set_language
from qaudit.services import assessments
from qaudit.services.excel import apply_import, export_assessment, preview_import

FILLED = {  # chosen from the drop-down, as a location would
    "A.01": ("voldoet deels", "Twee dossiers niet actueel", "Steekproef 5 dossiers"),
    "A.02": ("voldoet", "", "Notulen MDO"),
    "B.01": ("voldoet niet", "=geen MIC-analyse", ""),
    "B.02": ("n.v.t.", "Geen calamiteiten", "+procedure 2025"),
}
EXPECTED = {
    "A.01": ("voldoet_deels", "Twee dossiers niet actueel", "Steekproef 5 dossiers"),
    "A.02": ("voldoet", "", "Notulen MDO"),
    "B.01": ("voldoet_niet", "=geen MIC-analyse", ""),
    "B.02": ("nvt", "Geen calamiteiten", "+procedure 2025"),
}


def _cells(path: Path) -> list[list[object]]:
    sheet = points_sheet(openpyxl.load_workbook(path))
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_round_trip(setup: Setup, exported: Path, tmp_path: Path) -> None:
    fill(exported, FILLED)
    preview = preview_import(setup.engine, exported)
    assert {c.point_id for c in preview.new} == {"A.02", "B.01", "B.02"}
    assert [c.point_id for c in preview.changed] == ["A.01"]
    assert preview.conflicts == []
    result = apply_import(setup.engine, preview)
    assert sorted(result.written) == sorted(FILLED)
    assert db_answers(setup.engine, setup.assessment_id) == EXPECTED
    again = export_assessment(setup.engine, setup.assessment_id, tmp_path / "again.xlsx")
    assert _cells(again) == _cells(exported)
    assert not preview_import(setup.engine, again).has_changes


def test_typed_variants_import_like_the_drop_down(setup: Setup, exported: Path) -> None:
    typed = {
        "A.01": ("Voldoet  Deels ", "Twee dossiers niet actueel", "Steekproef 5 dossiers"),
        "A.02": ("VOLDOET", None, "Notulen MDO"),
        "B.01": ("not compliant", "=geen MIC-analyse", None),
        "B.02": ("N.V.T", "Geen calamiteiten", "+procedure 2025"),
    }
    fill(exported, typed)
    apply_import(setup.engine, preview_import(setup.engine, exported))
    assert db_answers(setup.engine, setup.assessment_id) == EXPECTED


def test_importing_twice_changes_nothing_the_second_time(setup: Setup, exported: Path) -> None:
    fill(exported, FILLED)
    apply_import(setup.engine, preview_import(setup.engine, exported))
    second = preview_import(setup.engine, exported)
    assert not second.has_changes and second.unchanged == 4
    entries = audit_count(setup.engine)
    assert apply_import(setup.engine, second).written == ()
    assert audit_count(setup.engine) == entries


def test_sorted_hidden_moved_rows_and_extra_columns_and_sheets(
    setup: Setup, exported: Path
) -> None:
    workbook = openpyxl.load_workbook(exported)
    sheet = points_sheet(workbook)
    sheet.protection.sheet = False
    sheet.insert_cols(1)  # a column of their own, before ours
    sheet.cell(1, 1).value = "Eigen nummer"
    sheet.insert_rows(1)  # a title above the header
    sheet.cell(1, 2).value = "Zelfevaluatie team Oost"
    rows = {sheet.cell(r, 2).value: r for r in range(3, 7)}
    answer = column_of(sheet, "answer", header_row=2)
    sheet.cell(rows["B.02"], answer).value = "Voldoet"
    sheet.cell(rows["A.02"], answer).value = "nvt"
    # reverse the rows (as a sort would), hide one
    values = [[c.value for c in sheet[r]] for r in range(3, 7)]
    for offset, row_values in enumerate(reversed(values)):
        for col, value in enumerate(row_values, start=1):
            sheet.cell(3 + offset, col).value = value
    sheet.row_dimensions[4].hidden = True
    workbook.create_sheet("Aantekeningen")["A1"] = "ID"
    workbook.save(exported)
    apply_import(setup.engine, preview_import(setup.engine, exported))
    stored = db_answers(setup.engine, setup.assessment_id)
    assert stored["B.02"][0] == "voldoet" and stored["A.02"][0] == "nvt"
    assert stored["A.01"] == ("voldoet", "Dossiers op orde", "")


def test_deleted_rows_leave_their_points_alone(setup: Setup, exported: Path) -> None:
    workbook = openpyxl.load_workbook(exported)
    sheet = points_sheet(workbook)
    sheet.delete_rows(rows_by_id(sheet)["A.01"])
    workbook.save(exported)
    fill(exported, {"B.01": ("voldoet", "", "")})
    preview = preview_import(setup.engine, exported)
    assert preview.absent == ["A.01"]
    apply_import(setup.engine, preview)
    stored = db_answers(setup.engine, setup.assessment_id)
    assert stored["A.01"][0] == "voldoet" and stored["B.01"][0] == "voldoet"


def test_clearing_an_answer_is_a_change(setup: Setup, exported: Path) -> None:
    fill(exported, {"A.01": (None, None, None)})
    preview = preview_import(setup.engine, exported)
    (change,) = preview.changed
    assert change.after.result is Result.NOT_ASSESSED
    apply_import(setup.engine, preview)
    assert db_answers(setup.engine, setup.assessment_id)["A.01"] == ("nog_niet", "", "")


def test_english_workbook_imports_in_a_dutch_session(setup: Setup, tmp_path: Path) -> None:
    set_language("en")
    out = export_assessment(setup.engine, setup.assessment_id, tmp_path / "en.xlsx")
    fill(out, {"A.01": ("partly compliant", "x", "")})
    set_language("nl")
    preview = preview_import(setup.engine, out)
    assert [c.point_id for c in preview.new] == ["A.01"]


def test_numbers_and_dates_typed_into_notes_become_text(setup: Setup, exported: Path) -> None:
    import datetime

    workbook = openpyxl.load_workbook(exported)
    sheet = points_sheet(workbook)
    row = rows_by_id(sheet)["A.02"]
    sheet.cell(row, column_of(sheet, "answer")).value = "voldoet"
    sheet.cell(row, column_of(sheet, "note")).value = 42
    sheet.cell(row, column_of(sheet, "evidence")).value = datetime.date(2026, 5, 1)
    workbook.save(exported)
    apply_import(setup.engine, preview_import(setup.engine, exported))
    assert db_answers(setup.engine, setup.assessment_id)["A.02"] == (
        "voldoet",
        "42",
        "2026-05-01 00:00:00",
    )


def test_preview_is_printable_and_names_cells(setup: Setup, exported: Path) -> None:
    fill(exported, {"B.01": ("voldoet niet", "", "")})
    text = str(preview_import(setup.engine, exported))
    assert "Nieuwe antwoorden: 1" in text
    assert "B.01 (Meetpunten!H4)" in text
    assert "(leeg) → voldoet niet" in text


def test_export_of_a_fully_answered_assessment_fills_every_row(
    setup: Setup, tmp_path: Path
) -> None:
    for point_id in ("A.01", "A.02", "B.01", "B.02"):
        assessments.give_answer(
            setup.engine, setup.assessment_id, point_id, Result.PARTLY, evidence="e"
        )
    out = export_assessment(setup.engine, setup.assessment_id, tmp_path / "all.xlsx")
    sheet = points_sheet(openpyxl.load_workbook(out))
    assert [r[7] for r in _cells(out)[1:]] == ["voldoet deels"] * 4
    assert sheet.max_row == 5
