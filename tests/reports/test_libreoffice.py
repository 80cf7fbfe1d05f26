"""A report opens in a real word processor: LibreOffice converts it to PDF (--pdf)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import Engine

from qaudit.domain.enums import AssessmentKind
from qaudit.errors import QauditError
from qaudit.reports.pdf import convert, find_soffice
from qaudit.services.reports import write_one
from reports.support import assessment_ids, leftovers

SOFFICE = find_soffice()


def _libreoffice_works(folder: Path) -> bool:
    """Can this LibreOffice convert any Word file at all (is Writer installed)?"""
    assert SOFFICE
    probe = folder / "probe.docx"
    Document().save(str(probe))
    try:
        convert(probe, folder / "probe.pdf", SOFFICE)
    except QauditError:
        return False
    return True


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_the_audit_report_converts_to_pdf(demo: Engine, out: Path, tmp_path: Path) -> None:
    audit = assessment_ids(demo, AssessmentKind.AUDIT_VISIT)[0]
    try:
        written = write_one(demo, "basis-op-orde", audit, out / "audit.docx", pdf=True)
    except QauditError:
        if not _libreoffice_works(tmp_path):
            pytest.skip("LibreOffice is installed but converts no Word file (is Writer missing?)")
        raise
    assert written.path.is_file() and written.pdf == out / "audit.pdf"
    data = written.pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    assert data.count(b"/Type /Page") + data.count(b"/Type/Page") > 10  # dozens of pages
    assert not leftovers(out)
