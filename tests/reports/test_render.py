"""Rendering details: line breaks, the shortcuts over plain docxtpl, the picture's description."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate
from sqlalchemy import Engine

from qaudit.domain.enums import AssessmentKind
from qaudit.reports import render
from qaudit.reports.kinds import build_context
from qaudit.reports.templates import template_file
from qaudit.services import report_data
from qaudit.services.reports import write_report
from qaudit.storage import transaction
from reports.support import assessment_ids


def _context(engine: Engine, summary: str) -> dict[str, object]:
    from datetime import date

    from qaudit.services import assessments

    audit = assessment_ids(engine, AssessmentKind.AUDIT_VISIT)[0]
    with transaction(engine) as session:
        data = report_data.assessment_report(
            session, assessments.get(session, audit), date(2026, 10, 1)
        )
    typed = type(data.assessment)(**{**data.assessment.__dict__, "summary": summary})
    return build_context(
        "basis-op-orde", type(data)(**{**data.__dict__, "assessment": typed}), "nl"
    )


def _document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml")


def test_the_shortcuts_give_what_docxtpl_gives(
    demo: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = _context(demo, "Eerste regel\nTweede regel\tmet tab")
    template = template_file("basis-op-orde", "nl")
    render.render(template, context, tmp_path / "fast.docx")
    monkeypatch.setattr(render, "_Template", DocxTemplate)
    render.render(template, context, tmp_path / "plain.docx")
    assert _document_xml(tmp_path / "fast.docx") == _document_xml(tmp_path / "plain.docx")


def test_line_breaks_in_user_text_are_line_breaks(demo: Engine, tmp_path: Path) -> None:
    context = _context(demo, "Eerste regel\nTweede regel")
    render.render(template_file("basis-op-orde", "nl"), context, tmp_path / "r.docx")
    xml = _document_xml(tmp_path / "r.docx").decode()
    assert 'Eerste regel</w:t><w:br/><w:t xml:space="preserve">Tweede regel' in xml


def test_the_chart_has_a_description(demo: Engine, out: Path) -> None:
    audit = assessment_ids(demo, AssessmentKind.AUDIT_VISIT)[0]
    xml = _document_xml(write_report(demo, "basis-op-orde", audit, out / "r.docx")).decode()
    assert 'descr="Scores per thema"' in xml
