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


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_batch_with_pdfs_starts_libreoffice_once_and_writes_every_pair(
    demo: Engine, out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    from qaudit.services.reports import write_reports

    starts: list[list[str]] = []
    real_run = subprocess.run

    def counted(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        if command and command[0] == SOFFICE and "--terminate_after_init" not in command:
            starts.append(command)
        return real_run(command, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(subprocess, "run", counted)
    written = write_reports(demo, "advies", None, out / "batch", pdf=True)
    assert len(written) > 1
    assert len(starts) == 1  # one conversion run for the whole batch
    for report in written:
        assert report.path.is_file() and report.pdf == report.path.with_suffix(".pdf")
        assert report.pdf.read_bytes().startswith(b"%PDF")
    assert not leftovers(out / "batch")


def test_a_failed_batch_conversion_names_a_report_and_leaves_no_file(
    demo: Engine, out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qaudit.services import reports

    broken = tmp_path / "soffice"  # a LibreOffice that fails every conversion
    broken.write_text("#!/bin/sh\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(reports, "require_soffice", lambda: str(broken))
    with pytest.raises(QauditError, match=r"advies-L\d+-\d+\.docx"):
        reports.write_reports(demo, "advies", None, out / "failed", pdf=True)
    assert not any((out / "failed").iterdir())  # no Word file without its PDF, no leftovers
