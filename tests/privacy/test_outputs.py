"""The privacy corpus typed into every free-text field through the services, then every
report kind, the self-evaluation workbook, the results workbook and the calendar written:
no corpus item in any of them. Clean professional text comes through unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from qaudit.domain.enums import AssessmentKind
from qaudit.services import excel, reports, schedule
from tests.privacy import corpus
from tests.privacy.world import World, build
from tests.reports.support import read_docx

REPORTS = [
    ("basis-op-orde", AssessmentKind.AUDIT_VISIT),
    ("basis-op-orde", AssessmentKind.SELF_EVALUATION),
    ("visitatie", AssessmentKind.VISITATION),
    ("cirkel", AssessmentKind.CIRKEL),
    ("advies", AssessmentKind.AUDIT_VISIT),
    ("advies", AssessmentKind.CIRKEL),
    ("overzicht", None),
]


def xlsx_text(path: Path) -> str:
    """Every cell of every sheet (hidden ones too)."""
    book = load_workbook(path)
    return "\n".join(
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


def ics_text(path: Path) -> str:
    """The calendar unfolded and unescaped, so a folded line cannot hide an item."""
    raw = path.read_text(encoding="utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    return raw.replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n")


def outputs(world: World, folder: Path, language: str = "nl") -> dict[str, tuple[str, int]]:
    """Name -> (text, redactions) of every report and export."""
    found: dict[str, tuple[str, int]] = {}
    for kind, of in REPORTS:
        assessment_id = world.ids[of] if of else None
        out = folder / f"{kind}-{of.value if of else 'all'}.docx"
        written = reports.write_one(world.engine, kind, assessment_id, out, language=language)
        found[out.name] = (read_docx(out).everything, written.redactions)
    for kind, assessment_id in world.ids.items():
        out = folder / f"zelfevaluatie-{kind.value}.xlsx"
        done = excel.export_workbook(world.engine, assessment_id, out)
        found[out.name] = (xlsx_text(out), done.redactions)
    results = excel.export_results(world.engine, folder / "resultaten.xlsx")
    found[results.name] = (xlsx_text(results), 0)
    ics = folder / "planning.ics"
    calendar = schedule.export_calendar(world.engine, ics)
    assert calendar.events == 1
    found[ics.name] = (ics_text(ics), calendar.redactions)
    return found


def test_no_corpus_item_in_any_report_workbook_or_calendar(engine, tmp_path: Path) -> None:
    world = build(engine, corpus.sentences())
    found = outputs(world, tmp_path)
    assert len(found) == len(REPORTS) + len(world.ids) + 2
    leaks = [
        (name, item)
        for name, (text, _count) in found.items()
        for item in corpus.PERSONAL
        if corpus.core(item) in text
    ]
    assert leaks == []
    for name, (text, count) in found.items():
        if name.endswith(".docx") and "overzicht" not in name:
            assert count > 0 and "[…]" in text, name
            assert "Privacy:" in text and f"{count} persoonsgegevens" in text, name
        if name.startswith("zelfevaluatie"):
            assert count > 0 and "[…]" in text, name
    # the free text is still there around what was blanked out
    audit_report = found["basis-op-orde-audit_visit.docx"][0]
    assert "Gesprek over […], besproken in het team." in audit_report


def test_english_reports_redact_too(engine, tmp_path: Path) -> None:
    world = build(engine, [corpus.note()])
    written = reports.write_one(
        world.engine,
        "visitatie",
        world.ids[AssessmentKind.VISITATION],
        tmp_path / "v.docx",
        language="en",
    )
    text = read_docx(written.path).everything
    assert not [i for i in corpus.PERSONAL if corpus.core(i) in text]
    assert f"Privacy: {written.redactions} pieces of personal data" in text


def test_clean_texts_are_unchanged_everywhere(engine, tmp_path: Path) -> None:
    world = build(engine, corpus.CLEAN)
    found = outputs(world, tmp_path)
    for name, (text, count) in found.items():
        assert count == 0, name
        assert "[…]" not in text and "Privacy:" not in text, name
    report = found["basis-op-orde-audit_visit.docx"][0]
    workbook = found["zelfevaluatie-audit_visit.xlsx"][0]
    for clean in corpus.CLEAN:
        assert clean in report, clean
        assert clean in workbook, clean


def test_an_untouched_redacted_workbook_imports_as_no_change(engine, tmp_path: Path) -> None:
    world = build(engine, corpus.sentences()[:6])
    out = tmp_path / "z.xlsx"
    done = excel.export_workbook(world.engine, world.ids[AssessmentKind.SELF_EVALUATION], out)
    assert done.redactions >= 6
    preview = excel.preview_import(world.engine, out)
    assert not preview.has_changes


def test_cli_prints_the_number_of_redactions(db_url: str, tmp_path: Path) -> None:
    from qaudit.storage import make_engine

    engine = make_engine(db_url)
    world = build(engine, corpus.sentences()[:3])
    engine.dispose()
    visit = world.ids[AssessmentKind.AUDIT_VISIT]
    runs = [
        ["report", "basis-op-orde", "--assessment", str(visit), "--out", str(tmp_path / "r.docx")],
        ["excel", "export", "--assessment", str(visit), "--out", str(tmp_path / "z.xlsx")],
    ]
    for args in runs:
        done = subprocess.run(
            [sys.executable, "-m", "qaudit", "--database", db_url, *args],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "persoonsgegevens vervangen door […]" in done.stderr
