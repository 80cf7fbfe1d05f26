"""Every demo report, in Dutch and English, through LibreOffice to PDF (issue 14, "Done when").

All reports are written first and converted in one start of LibreOffice
(``qaudit.reports.pdf.convert_many``), then each PDF's text is read back with ``pdftotext``:
the long reports have a table of contents filled with entries and page numbers, and no
report shows a dash placeholder, the contents' "update" hint or "de auditbezoek".
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from sqlalchemy import Engine

from qaudit.reports.pdf import convert_many, find_soffice
from qaudit.services.reports import write_one
from reports.support import ENGLISH, KIND_OF_REPORT, PLACEHOLDER, assessment_ids

SOFFICE = find_soffice()
LANGUAGES = ("nl", "en")
LONG = ("basis-op-orde", "visitatie", "cirkel")
"""The reports with a table of contents (the letter and the overview are a few pages)."""
CONTENTS = {"nl": ("Inhoud", "Samenvatting"), "en": ("Contents", "Summary")}
ENTRY = re.compile(r"^\s*\S.*?\.{3,}\s*(\d+)\s*$", re.MULTILINE)
"""A contents line: a heading, dot leaders and a page number."""

pytestmark = [
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None,
        reason="pdftotext (poppler-utils) is not installed to read the PDFs back",
    ),
]


def _cases() -> list[tuple[str, int | None, str]]:
    from qaudit.services.database import open_database
    from qaudit.services.demo import build_demo

    engine = open_database("sqlite://")
    build_demo(engine)
    reports: list[tuple[str, int | None]] = [
        (report, i)
        for report, kinds in KIND_OF_REPORT.items()
        for i in assessment_ids(engine, *kinds)
    ]
    reports.append(("overzicht", None))
    return [(report, i, language) for report, i in reports for language in LANGUAGES]


CASES = _cases() if SOFFICE else []


def _name(report: str, assessment_id: int | None, language: str) -> str:
    return f"{report}-{assessment_id or 'all'}.{language}"


@pytest.fixture(scope="module")
def pdf_texts(
    demo_db: tuple[Engine, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """Every case written as .docx, converted at once, read back: name -> the PDF's text."""
    assert SOFFICE
    engine = demo_db[0]
    folder = tmp_path_factory.mktemp("pdfs")
    pairs = []
    for report, assessment_id, language in CASES:
        docx = folder / f"{_name(report, assessment_id, language)}.docx"
        write_one(engine, report, assessment_id, docx, language=language)
        pairs.append((docx, docx.with_suffix(".pdf")))
    convert_many(pairs, SOFFICE)
    texts = {}
    for docx, pdf in pairs:
        done = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        )
        texts[docx.stem] = done.stdout
    return texts


def test_every_demo_report_is_converted() -> None:
    reports = {report for report, _i, _language in CASES}
    assert reports == {*KIND_OF_REPORT, "overzicht"}
    assert len(CASES) > 100  # every assessment the demo has, not one per kind


@pytest.mark.parametrize(("report", "assessment_id", "language"), CASES)
def test_the_pdf_is_complete(
    pdf_texts: dict[str, str], report: str, assessment_id: int | None, language: str
) -> None:
    text = pdf_texts[_name(report, assessment_id, language)]
    assert "Coöperatie Kwaliteit@" in text  # the PDF has the report's text, not an error page
    placeholders = [m.group(0) for m in PLACEHOLDER.finditer(text)]
    assert placeholders == []
    assert "F9" not in text  # the contents' "update when opened" hint is gone
    assert "de auditbezoek" not in text.lower()
    if language == "nl":
        assert ENGLISH.findall(text) == [], "an untranslated sentence"
    if report in LONG:
        title, first = CONTENTS[language]
        contents = _contents(text, title)
        entries = ENTRY.findall(contents)
        assert len(entries) >= 5, f"the contents has {len(entries)} entries:\n{contents}"
        assert re.search(rf"^\s*{first}\s*\.{{3,}}\s*\d+\s*$", contents, re.MULTILINE)
        pages = [int(n) for n in entries]
        assert pages == sorted(pages) and pages[0] >= 2  # after the cover and the contents


def _contents(text: str, title: str) -> str:
    """The contents page: from its title to the end of that page."""
    match = re.search(rf"^\s*{title}\s*$", text, re.MULTILINE)
    assert match, f"no '{title}' page"
    return text[match.end() :].split("\f", 1)[0]
