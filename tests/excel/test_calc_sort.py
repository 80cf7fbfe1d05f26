"""A workbook sorted and given an extra column in LibreOffice Calc imports exactly as meant.

LibreOffice itself does what a location would do: it inserts a column "Opmerking" left of
"Notitie" with a remark of its own, sorts all rows by id in reverse order, and saves the
workbook as .xlsx. The answers typed before survive, every existing note stays, and the
extra column is reported as not read.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest

from excel.support import Setup, db_answers, fill, points_sheet, rows_by_id
from qaudit.domain.enums import Result
from qaudit.reports import pdf_macro
from qaudit.reports.pdf import find_soffice
from qaudit.services import assessments
from qaudit.services.excel import apply_import, export_assessment, preview_import

SOFFICE = find_soffice()

MACRO = """
Sub SortAndAddColumn(source As String, target As String)
    Dim args(0) As New com.sun.star.beans.PropertyValue
    args(0).Name = "Hidden"
    args(0).Value = True
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, args())
    sheet = doc.Sheets.getByName("Meetpunten")
    sheet.Columns.insertByIndex(8, 1)
    sheet.getCellByPosition(8, 0).setString("Opmerking")
    sheet.getCellByPosition(8, 1).setString("eigen memo")
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    area = sheet.getCellRangeByPosition(0, 0, 10, cursor.RangeAddress.EndRow)
    Dim fields(0) As New com.sun.star.table.TableSortField
    fields(0).Field = 0
    fields(0).IsAscending = False
    Dim how(1) As New com.sun.star.beans.PropertyValue
    how(0).Name = "SortFields"
    how(0).Value = fields()
    how(1).Name = "ContainsHeader"
    how(1).Value = True
    area.sort(how())
    Dim out(0) As New com.sun.star.beans.PropertyValue
    out(0).Name = "FilterName"
    out(0).Value = "Calc Office Open XML"
    doc.storeToURL(ConvertToURL(target), out())
    doc.close(True)
End Sub
"""


def _calc(source: Path, target: Path, work: Path) -> None:
    assert SOFFICE
    profile = work / "profile"
    start = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    subprocess.run([*start, "--terminate_after_init"], capture_output=True, timeout=120)
    pdf_macro.install(profile, "QauditCalc", escape(MACRO, {'"': "&quot;"}))
    url = f'macro:///Standard.QauditCalc.SortAndAddColumn("{source}","{target}")'
    subprocess.run([*start, url], capture_output=True, timeout=180)
    if not target.exists():
        pytest.skip("LibreOffice Calc could not run the macro (is Calc installed?)")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_sorted_with_an_extra_column_in_calc(setup: Setup, tmp_path: Path) -> None:
    for point_id, note in (("A.01", "Dossiers op orde"), ("B.02", "Rooster klopt")):
        assessments.give_answer(
            setup.engine, setup.assessment_id, point_id, Result.COMPLIANT, note=note
        )
    path = export_assessment(setup.engine, setup.assessment_id, tmp_path / "z.xlsx")
    fill(path, {"A.02": ("voldoet deels", "Plan in de maak", ""), "B.01": ("n.v.t.", "", "")})
    resaved = tmp_path / "calc.xlsx"
    _calc(path, resaved, tmp_path)
    sheet = points_sheet(openpyxl.load_workbook(resaved))
    assert list(rows_by_id(sheet)) == ["B.02", "B.01", "A.02", "A.01"]  # Calc really sorted
    assert sheet.cell(1, 9).value == "Opmerking"
    preview = preview_import(setup.engine, resaved)
    assert sorted(c.point_id for c in preview.new) == ["A.02", "B.01"]
    assert preview.changed == [] and preview.conflicts == []
    assert any("Opmerking" in line for line in preview.not_read)
    apply_import(setup.engine, preview)
    assert db_answers(setup.engine, setup.assessment_id) == {
        "A.01": ("voldoet", "Dossiers op orde", ""),
        "A.02": ("voldoet_deels", "Plan in de maak", ""),
        "B.01": ("nvt", "", ""),
        "B.02": ("voldoet", "Rooster klopt", ""),
    }
