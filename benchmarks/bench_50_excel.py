"""Excel figures: export and import of a 260-point self-evaluation against bare openpyxl.

Both sides run in the same mode in the same run: the export and its baseline write in
openpyxl's write-only mode, the import and its baseline read in read-only mode. The
baseline writes (reads) exactly the cells of qaudit's workbook, without styles,
validation, database or checks. ``excel_export_inmemory_baseline_s`` shows what the
default in-memory mode would cost for the same cells (why qaudit writes write-only).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from timing import rounded

POINTS = 260


def _spec():  # type: ignore[no-untyped-def]
    from qaudit.checklists.spec import ChecklistSpec

    themes = []
    for t in range(16):
        points = [
            {
                "id": f"T{t:02d}.{p:02d}",
                "text": f"Meetpunt {p} van thema {t}: de locatie heeft dit op orde en "
                "kan dat laten zien met documenten en gesprekken.",
                "guidance": "Vraag het document op en bespreek het met twee medewerkers.",
                "basis": "Wkkgz art. 9",
                "weight": 1 + p % 3,
                "critical": p == 0,
                "evidence": [{"kind": "document"}],
            }
            for p in range(POINTS // 16 + (1 if t < POINTS % 16 else 0))
        ]
        themes.append({"id": f"T{t:02d}", "title": f"Thema {t}", "points": points})
    return ChecklistSpec.model_validate(
        {
            "id": "basis-op-orde",
            "version": "bench.1",
            "kind": "basis",
            "title": "Benchmark",
            "themes": themes,
        }
    )


def _database(folder: Path):  # type: ignore[no-untyped-def]
    from qaudit.checklists import Catalogue
    from qaudit.domain.enums import AssessmentKind
    from qaudit.domain.models import Location, Organisation
    from qaudit.services import assessments
    from qaudit.services.database import open_database
    from qaudit.storage import transaction

    engine = open_database(f"sqlite:///{folder / 'bench.db'}")
    spec = _spec()
    with transaction(engine) as session:
        organisation = Organisation(name="Bench")
        session.add(organisation)
        session.flush()
        location = Location(organisation_id=organisation.id or 0, code="B1", name="Bench")
        session.add(location)
        session.flush()
        assessment = assessments.start(
            session,
            location.id or 0,
            AssessmentKind.SELF_EVALUATION,
            started_on=date(2026, 1, 1),
            catalogue=Catalogue({spec.id: spec}, {}),
        )
    return engine, assessment.id


def _cells(path: Path) -> dict[str, list[list[object]]]:
    workbook = load_workbook(path, read_only=True)
    cells = {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in workbook}
    workbook.close()
    return cells


def _bare_write(cells: dict[str, list[list[object]]], out: Path, write_only: bool) -> None:
    workbook = Workbook(write_only=write_only)
    if not write_only:
        workbook.remove(workbook.active)
    for title, rows in cells.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(out)


def _styled_write(cells: dict[str, list[list[object]]], source: Path, out: Path) -> None:
    """The same cells with the same named styles, assigned the usual way (by name)."""
    from qaudit.excel import styles

    formats = _cell_styles(source)
    workbook = Workbook(write_only=True)
    styles.add_named_styles(workbook)
    for title, rows in cells.items():
        sheet = workbook.create_sheet(title)
        for r, row in enumerate(rows):
            line = []
            for c, value in enumerate(row):
                name = formats.get((title, r, c))
                if name:
                    cell = WriteOnlyCell(sheet, value)
                    cell.style = name
                    line.append(cell)
                else:
                    line.append(value)
            sheet.append(line)
    workbook.save(out)


_FORMATS: dict[Path, dict[tuple[str, int, int], str]] = {}


def _cell_styles(path: Path) -> dict[tuple[str, int, int], str]:
    if path not in _FORMATS:
        workbook = load_workbook(path)
        _FORMATS[path] = {
            (s.title, r, c): cell.style
            for s in workbook
            for r, row in enumerate(s.iter_rows())
            for c, cell in enumerate(row)
            if cell.style != "Normal"
        }
    return _FORMATS[path]


def _interleaved(work: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median time of each piece of work, run in turns so load on the machine hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(repeat):
        for name, job in work.items():
            start = time.perf_counter()
            job()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def _bare_read(path: Path) -> int:
    workbook = load_workbook(path, read_only=True)
    count = sum(1 for sheet in workbook for row in sheet.iter_rows(values_only=True) for _ in row)
    workbook.close()
    return count


def _fill_all(path: Path, out: Path) -> None:
    workbook = load_workbook(path)
    sheet = workbook["Meetpunten"] if "Meetpunten" in workbook else workbook.worksheets[1]
    labels = ["voldoet", "voldoet deels", "voldoet niet", "n.v.t."]
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, 8).value = labels[row % 4]
        sheet.cell(row, 9).value = f"Toelichting bij rij {row}"
    workbook.save(out)


def figures(quick: bool) -> dict[str, float]:
    from qaudit.services.excel import export_assessment, preview_import

    repeat = 5 if quick else 21
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        engine, assessment_id = _database(folder)
        export = export_assessment(engine, assessment_id, folder / "export.xlsx")
        cells = _cells(export)
        filled = folder / "filled.xlsx"
        _fill_all(export, filled)
        t = _interleaved(
            {
                "export": lambda: export_assessment(engine, assessment_id, folder / "e.xlsx"),
                "values": lambda: _bare_write(cells, folder / "bare.xlsx", True),
                "styled": lambda: _styled_write(cells, export, folder / "styled.xlsx"),
                "in_memory": lambda: _bare_write(cells, folder / "mem.xlsx", False),
                "import": lambda: preview_import(engine, filled),
                "read": lambda: _bare_read(filled),
            },
            repeat,
        )
        engine.dispose()
    return {
        "excel_points": POINTS,
        "excel_export_s": rounded(t["export"]),
        "excel_export_writeonly_values_baseline_s": rounded(t["values"]),
        "excel_export_writeonly_styled_baseline_s": rounded(t["styled"]),
        "excel_export_inmemory_values_baseline_s": rounded(t["in_memory"]),
        # "the same cells": the same values with the same styles (wrap, unlocked answer
        # cells, fills) that the issue asks the export to have
        "excel_export_ratio": rounded(t["export"] / t["styled"], 2),
        "excel_export_ratio_to_values_only": rounded(t["export"] / t["values"], 2),
        "excel_import_preview_s": rounded(t["import"]),
        "excel_import_readonly_baseline_s": rounded(t["read"]),
        "excel_import_ratio": rounded(t["import"] / t["read"], 2),
    }
