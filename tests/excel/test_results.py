"""The cooperative-wide results workbook: one long table and a per-theme summary."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from excel.support import Setup, make_assessment
from qaudit.domain.enums import Result
from qaudit.services import assessments
from qaudit.services.excel import export_results


def test_long_table_and_summary(setup: Setup, tmp_path: Path) -> None:
    for point_id, result in (
        ("A.01", Result.COMPLIANT),
        ("A.02", Result.PARTLY),
        ("B.01", Result.NOT_APPLICABLE),
    ):
        assessments.give_answer(
            setup.engine, setup.assessment_id, point_id, result, note="Mevrouw J. (naam!)"
        )
    make_assessment(setup.engine, setup.catalogue, code="L02")
    out = export_results(setup.engine, tmp_path / "r.xlsx")
    workbook = openpyxl.load_workbook(out)
    rows = list(workbook["Resultaten"].iter_rows(values_only=True))
    header = rows[0]
    assert header[:4] == ("Locatiecode", "Locatie", "Organisatie", "Beoordeling")
    assert len(rows) == 1 + 2 * 4
    by_point = {(r[0], r[header.index("Meetpunt-id")]): r for r in rows[1:]}
    first = by_point[("L01", "A.02")]
    assert first[header.index("Antwoord")] == "voldoet deels"
    assert first[header.index("Score")] == 0.5
    assert by_point[("L01", "B.01")][header.index("Score")] is None
    assert by_point[("L02", "A.01")][header.index("Antwoord")] is None
    assert not any("Mevrouw" in str(v) for r in rows for v in r)
    summary = list(workbook["Samenvatting per thema"].iter_rows(values_only=True))
    head = summary[0]
    zorgplan = next(r for r in summary if r[0] == "L01" and r[head.index("Thema")] == "Zorgplan")
    # A.01 weight 3 compliant, A.02 weight 1 partly: (3 + 0.5) / 4
    assert zorgplan[head.index("Score %")] == 87.5
    assert zorgplan[head.index("Beantwoord")] == 2
    overall = next(
        r for r in summary if r[0] == "L01" and r[head.index("Thema")] == "(alle thema's)"
    )
    assert overall[head.index("N.v.t.")] == 1


def test_status_translated_real_dates_verdict_and_widths(setup: Setup, tmp_path: Path) -> None:
    from datetime import datetime

    assessments.give_answer(setup.engine, setup.assessment_id, "A.01", Result.COMPLIANT)
    out = export_results(setup.engine, tmp_path / "r.xlsx")
    sheet = openpyxl.load_workbook(out)["Resultaten"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    first = rows[1]
    assert first[header.index("Status")] == "open"
    started = first[header.index("Gestart")]
    assert isinstance(started, datetime) and started.date().isoformat() == "2026-03-01"
    assert first[header.index("Oordeel")] == "nog niet alle meetpunten beoordeeld"
    for index, name in enumerate(header, start=1):
        longest = max(
            10 if isinstance(r[index - 1], datetime) else len(str(r[index - 1] or "")) for r in rows
        )
        letter = openpyxl.utils.get_column_letter(index)
        assert sheet.column_dimensions[letter].width >= min(longest, 60), name
