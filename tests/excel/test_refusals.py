"""Workbooks the import refuses, naming sheet, row and cell; nothing is ever written."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from excel.support import (
    Setup,
    audit_count,
    column_of,
    db_answers,
    fill,
    make_assessment,
    points_sheet,
    rewrite_meta,
    rows_by_id,
)
from qaudit.errors import QauditError
from qaudit.excel import files, layout
from qaudit.services import assessments
from qaudit.services.excel import preview_import


@pytest.fixture
def unchanged(setup: Setup, exported: Path) -> Iterator[None]:
    """The database holds the same answers and audit log after the test (after the export)."""
    before = db_answers(setup.engine, setup.assessment_id), audit_count(setup.engine)
    yield
    assert (db_answers(setup.engine, setup.assessment_id), audit_count(setup.engine)) == before


def refused(setup: Setup, path: Path, *patterns: str, **kwargs: int) -> str:
    with pytest.raises(QauditError) as caught:
        preview_import(setup.engine, path, **kwargs)
    message = str(caught.value)
    for pattern in patterns:
        assert pattern in message, message
    return message


def _set_cell(path: Path, point_id: str, key: str, value: object) -> Path:
    workbook = openpyxl.load_workbook(path)
    sheet = points_sheet(workbook)
    sheet.cell(rows_by_id(sheet)[point_id], column_of(sheet, key)).value = value
    workbook.save(path)
    return path


@pytest.mark.usefixtures("unchanged")
class TestContent:
    def test_value_outside_the_scale(self, setup: Setup, exported: Path) -> None:
        fill(exported, {"A.02": ("voldoet", "", ""), "B.01": ("ja", "", "")})
        refused(
            setup,
            exported,
            "werkblad “Meetpunten”, rij 4, cel H4",
            "“ja” is geen antwoord",
            "voldoet deels",
        )

    def test_number_in_the_answer_column(self, setup: Setup, exported: Path) -> None:
        _set_cell(exported, "B.02", "answer", 1)
        refused(setup, exported, "cel H5", "“1” is geen antwoord")

    def test_unknown_id(self, setup: Setup, exported: Path) -> None:
        _set_cell(exported, "A.02", "id", "Z.99")
        refused(setup, exported, "rij 3, cel A3", "onbekende meetpunt-id “Z.99”", "basis-op-orde")

    def test_duplicate_id(self, setup: Setup, exported: Path) -> None:
        _set_cell(exported, "B.02", "id", "A.02")
        refused(setup, exported, "cel A5", "“A.02” komt twee keer voor (ook in cel A3)")

    def test_answer_without_an_id(self, setup: Setup, exported: Path) -> None:
        workbook = openpyxl.load_workbook(exported)
        sheet = points_sheet(workbook)
        sheet.cell(9, column_of(sheet, "answer")).value = "voldoet"
        workbook.save(exported)
        refused(setup, exported, "cel A9", "geen meetpunt-id")

    def test_no_answer_column(self, setup: Setup, exported: Path) -> None:
        workbook = openpyxl.load_workbook(exported)
        points_sheet(workbook).cell(1, 8).value = "Oordeel"
        workbook.save(exported)
        refused(setup, exported, "geen werkblad heeft de kolommen “ID” en “Antwoord”")

    def test_all_problems_at_once(self, setup: Setup, exported: Path) -> None:
        fill(exported, {p: ("ja", "", "") for p in ("A.01", "A.02", "B.01", "B.02")})
        message = refused(setup, exported, "4 problemen")
        assert message.count("geen antwoord") == 4


@pytest.mark.usefixtures("unchanged")
class TestMetadata:
    def test_missing_metadata_sheet(self, setup: Setup, exported: Path) -> None:
        workbook = openpyxl.load_workbook(exported)
        del workbook[layout.META_SHEET]
        workbook.save(exported)
        refused(setup, exported, "het verborgen werkblad “qaudit”", "ontbreekt")

    def test_missing_key(self, setup: Setup, exported: Path) -> None:
        workbook = openpyxl.load_workbook(exported)
        sheet = workbook[layout.META_SHEET]
        next(r for r in sheet.iter_rows() if r[0].value == "content_hash")[0].value = None
        workbook.save(exported)
        refused(setup, exported, "werkblad “qaudit”", "ontbreekt: content_hash")

    def test_edited_metadata(self, setup: Setup, exported: Path) -> None:
        rewrite_meta(exported, reseal=False, assessment_id="2")
        refused(setup, exported, "na de export gewijzigd")

    def test_edited_point_list(self, setup: Setup, exported: Path) -> None:
        workbook = openpyxl.load_workbook(exported)
        sheet = workbook[layout.META_SHEET]
        next(r for r in sheet.iter_rows() if r[3].value == "B.02")[3].value = "B.03"
        workbook.save(exported)
        refused(setup, exported, "na de export gewijzigd")

    def test_file_of_another_location(self, setup: Setup, exported: Path) -> None:
        rewrite_meta(exported, location_code="L77", location_name="Elders")
        refused(setup, exported, "hoort bij locatie Elders (L77)", "Huize L01 (L01)")

    def test_assessment_not_in_this_database(self, setup: Setup, exported: Path) -> None:
        rewrite_meta(exported, assessment_id="4242")
        refused(setup, exported, "beoordeling 4242, die niet in deze database staat")

    def test_other_checklist_version(self, setup: Setup, exported: Path) -> None:
        rewrite_meta(exported, checklist_version="2025.1", content_hash="sha256:" + "ab" * 32)
        refused(
            setup,
            exported,
            "versie 2025.1 (sha256:abababababab…)",
            "gebruikt “basis-op-orde” versie test.1",
        )

    def test_same_version_name_other_content(self, setup: Setup, exported: Path) -> None:
        rewrite_meta(exported, content_hash="sha256:" + "cd" * 32)
        refused(setup, exported, "dezelfde versienaam met andere inhoud")


@pytest.mark.usefixtures("unchanged")
class TestFiles:
    def test_missing_file(self, setup: Setup, tmp_path: Path) -> None:
        refused(setup, tmp_path / "weg.xlsx", "weg.xlsx: bestand bestaat niet")

    def test_text_renamed_to_xlsx(self, setup: Setup, tmp_path: Path) -> None:
        path = tmp_path / "lijst.xlsx"
        path.write_text("id;antwoord\nA.01;voldoet\n")
        refused(setup, path, "lijst.xlsx: geen Excel-werkmap (.xlsx)")

    def test_old_xls_or_password(self, setup: Setup, tmp_path: Path) -> None:
        path = tmp_path / "oud.xlsx"
        path.write_bytes(files.OLE_MAGIC + b"\0" * 600)
        refused(setup, path, "oud .xls-bestand of een werkmap met wachtwoord")

    def test_zip_that_is_no_workbook(self, setup: Setup, tmp_path: Path) -> None:
        path = tmp_path / "archief.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "hallo")
        refused(setup, path, "geen Excel-werkmap")

    def test_truncated(self, setup: Setup, exported: Path) -> None:
        data = exported.read_bytes()
        exported.write_bytes(data[: len(data) // 2])
        refused(setup, exported, "zelfevaluatie.xlsx")

    def test_macro_extension(self, setup: Setup, exported: Path) -> None:
        macro = exported.with_suffix(".xlsm")
        exported.rename(macro)
        refused(setup, macro, "macro")

    def test_macro_inside(self, setup: Setup, exported: Path) -> None:
        with zipfile.ZipFile(exported, "a") as archive:
            archive.writestr("xl/vbaProject.bin", b"\0" * 100)
        refused(setup, exported, "bevat macro's")

    def test_zip_bomb(self, setup: Setup, exported: Path) -> None:
        with zipfile.ZipFile(exported, "a", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/media/image1.png", b"\0" * (8 * 2**20))
        refused(setup, exported, "mogelijke zip-bom")

    def test_too_large(self, setup: Setup, exported: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
        refused(setup, exported, "te groot")

    def test_total_unpacked_size(
        self, setup: Setup, exported: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(files, "MAX_UNPACKED_BYTES", 2000)
        refused(setup, exported, "zip-bom")


def test_file_of_another_assessment(setup: Setup, exported: Path) -> None:
    other, _location = make_assessment(setup.engine, setup.catalogue, code="L02")
    before = db_answers(setup.engine, setup.assessment_id), audit_count(setup.engine)
    refused(
        setup,
        exported,
        f"hoort bij beoordeling {setup.assessment_id}, niet bij beoordeling {other}",
        expected_assessment=other,
    )
    assert (db_answers(setup.engine, setup.assessment_id), audit_count(setup.engine)) == before


def test_closed_assessment(setup: Setup, exported: Path) -> None:
    fill(exported, {"A.02": ("voldoet", "", "")})
    assessments.close(setup.engine, setup.assessment_id)
    before = db_answers(setup.engine, setup.assessment_id), audit_count(setup.engine)
    refused(setup, exported, "afgesloten")
    assert (db_answers(setup.engine, setup.assessment_id), audit_count(setup.engine)) == before
