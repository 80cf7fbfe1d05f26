"""PDF copies of reports through LibreOffice (``soffice``), when it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from qaudit.errors import QauditError
from qaudit.files import target_of
from qaudit.i18n import _
from qaudit.reports import pdf_macro

TIMEOUT_S = 180
PER_DOCUMENT_S = 60
"""Seconds LibreOffice may take: a start, plus this much per document converted."""
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
    """Convert ``docx`` to ``pdf`` with the table of contents filled in (see
    :func:`convert_many`)."""
    convert_many([(docx, pdf)], soffice)
    return pdf


def convert_many(pairs: Sequence[tuple[Path, Path]], soffice: str) -> None:
    """Convert each (Word file, PDF file) pair, with the tables of contents filled in, in one
    start of LibreOffice with a private profile (safe beside a running LibreOffice).

    The profile carries a small macro that updates the contents before exporting (see
    ``pdf_macro``); for a document the macro produced no file for, the plain conversion is
    used. Raises ``QauditError`` naming the first file that could not be converted.
    """
    if not pairs:
        return
    with tempfile.TemporaryDirectory(prefix="qaudit-pdf-") as scratch:
        work = Path(scratch)
        inbox, outbox = work / "in", work / "out"
        inbox.mkdir()
        outbox.mkdir()
        sources = [inbox / f"report-{n}.docx" for n in range(len(pairs))]
        for (docx, _pdf), source in zip(pairs, sources, strict=True):
            shutil.copyfile(docx, source)  # plain names: the macro call quotes no user's path
        produced = [outbox / f"{source.stem}.pdf" for source in sources]
        profile = work / "profile"
        first = pairs[0][1]
        start = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
        _run([*start, "--terminate_after_init"], first)  # a first start writes the profile
        pdf_macro.install(profile)
        calls = [pdf_macro.macro_url(s, p) for s, p in zip(sources, produced, strict=True)]
        limit = TIMEOUT_S + PER_DOCUMENT_S * len(pairs)
        done = _run([*start, *calls], first, limit)
        missing = [s for s, p in zip(sources, produced, strict=True) if not p.is_file()]
        if missing:
            convert_to = ["--convert-to", "pdf", "--outdir", str(outbox)]
            done = _run([*start, *convert_to, *map(str, missing)], first, limit)
        for (_docx, pdf), made in zip(pairs, produced, strict=True):
            if done.returncode != 0 or not made.is_file():
                reason = (done.stderr or done.stdout).strip() or f"exit {done.returncode}"
                raise QauditError(
                    _("LibreOffice could not convert {path} to PDF: {reason}").format(
                        path=target_of(pdf).with_suffix(".docx").name, reason=reason
                    )
                )
        for (_docx, pdf), made in zip(pairs, produced, strict=True):
            shutil.copyfile(made, pdf)


def _run(
    command: list[str], pdf: Path, timeout: float = TIMEOUT_S
) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise QauditError(
            _("LibreOffice could not convert {path} to PDF: {reason}").format(
                path=target_of(pdf).with_suffix(".docx").name, reason=exc
            )
        ) from exc
