"""A report opens in a real word processor: LibreOffice converts it to PDF (--pdf)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from qaudit.domain.enums import AssessmentKind
from qaudit.reports.pdf import find_soffice
from qaudit.services.reports import write_one
from reports.support import assessment_ids, leftovers

SOFFICE = find_soffice()


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_the_audit_report_converts_to_pdf(demo: Engine, out: Path) -> None:
    audit = assessment_ids(demo, AssessmentKind.AUDIT_VISIT)[0]
    written = write_one(demo, "basis-op-orde", audit, out / "audit.docx", pdf=True)
    assert written.path.is_file() and written.pdf == out / "audit.pdf"
    data = written.pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    assert data.count(b"/Type /Page") + data.count(b"/Type/Page") > 10  # dozens of pages
    assert not leftovers(out)
