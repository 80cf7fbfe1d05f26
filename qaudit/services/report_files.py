"""Write one figure report (clientervaring, spiegel, netwerk): a template staff may restyle,
filled from plain data with the cooperative's name, address and logo, written whole or not at
all, optionally with a PDF copy."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from qaudit.errors import QauditError
from qaudit.i18n import _, get_language, using_language
from qaudit.reports.files import staged
from qaudit.reports.formatting import Formatter
from qaudit.reports.pdf import convert, require_soffice
from qaudit.reports.style import ReportStyle, cooperative_context
from qaudit.reports.templates import template_file


def checked_out(out: Path) -> Path:
    """``out`` as a .docx path in an existing folder (a clear refusal otherwise)."""
    out = Path(out).expanduser()
    if out.suffix.lower() != ".docx":
        message = _("{path}: a report is a Word file, its name must end in .docx")
        raise QauditError(message.format(path=out))
    if not out.parent.is_dir():
        raise QauditError(_("folder {path} does not exist").format(path=out.parent))
    return out


def write_filled(
    kind: str,
    context_of: Callable[[Formatter], Mapping[str, Any]],
    out: Path,
    *,
    template_dir: Path | None,
    pdf: bool,
    language: str | None,
    style: ReportStyle | None,
) -> list[Path]:
    """Fill ``kind``'s template with ``context_of`` (called in the report's language) and
    write it to ``out`` (and ``out.pdf``); the files written."""
    from qaudit.reports.render import fill  # docxtpl: imported when a report is written

    language = language or get_language()
    out = checked_out(out)
    template = template_file(kind, language, template_dir)
    soffice = require_soffice() if pdf else None
    with using_language(language):
        context = {
            "cooperative": cooperative_context(style or ReportStyle()),
            **context_of(Formatter(language)),
        }
    document = fill(template, context)
    written = [out] + ([out.with_suffix(".pdf")] if soffice else [])
    with staged(written) as temporaries:
        document.save(temporaries[0])
        if soffice:
            convert(temporaries[0], temporaries[1], soffice)
    return written
