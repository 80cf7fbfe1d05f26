"""PDF copies of reports through LibreOffice (``soffice``), when it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from qaudit.errors import QauditError
from qaudit.i18n import _
from qaudit.reports import pdf_macro

TIMEOUT_S = 180
_CANDIDATES = (
    "soffice",
    "libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    """The LibreOffice program: ``$QAUDIT_SOFFICE``, else ``soffice`` on the PATH or in its
    usual place; None if there is none."""
    configured = os.environ.get("QAUDIT_SOFFICE")
    for candidate in ([configured] if configured else []) + list(_CANDIDATES):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def require_soffice() -> str:
    found = find_soffice()
    if found is None:
        raise QauditError(
            _(
                "--pdf needs LibreOffice (the 'soffice' program), which is not installed or not on "
                "the PATH; install LibreOffice or set QAUDIT_SOFFICE, or leave out --pdf to write "
                "only the Word file"
            )
        )
    return found


def convert(docx: Path, pdf: Path, soffice: str) -> Path:
    """Convert ``docx`` to ``pdf`` with the table of contents filled in, in a private
    LibreOffice profile (safe beside a running LibreOffice).

    The profile carries a small macro that updates the contents before exporting (see
    ``pdf_macro``); should the macro not produce a file, the plain conversion is used.
    """
    with tempfile.TemporaryDirectory(prefix="qaudit-pdf-") as scratch:
        work = Path(scratch)
        source = work / "report.docx"
        shutil.copyfile(docx, source)
        profile = work / "profile"
        produced = work / "out" / "report.pdf"
        produced.parent.mkdir()
        start = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
        _run([*start, "--terminate_after_init"], pdf)  # a first start writes the profile
        pdf_macro.install(profile)
        done = _run([*start, pdf_macro.macro_url(source, produced)], pdf)
        if not produced.is_file():
            convert_to = ["--convert-to", "pdf", "--outdir", str(produced.parent), str(source)]
            done = _run([*start, *convert_to], pdf)
        if done.returncode != 0 or not produced.is_file():
            reason = (done.stderr or done.stdout).strip() or f"exit {done.returncode}"
            raise QauditError(
                _("LibreOffice could not convert {path} to PDF: {reason}").format(
                    path=pdf.with_suffix(".docx").name, reason=reason
                )
            )
        shutil.copyfile(produced, pdf)
    return pdf


def _run(command: list[str], pdf: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise QauditError(
            _("LibreOffice could not convert {path} to PDF: {reason}").format(
                path=pdf.with_suffix(".docx").name, reason=exc
            )
        ) from exc
