"""Fill a .docx template with a report's fields (docxtpl) and write the document atomically."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import TemplateError
from lxml.etree import LxmlError

from qaudit.errors import QauditError
from qaudit.files import write_atomically
from qaudit.i18n import _
from qaudit.reports.chart import ChartImage
from qaudit.reports.environment import environment
from qaudit.reports.limits import RenderLimit, render_deadline
from qaudit.reports.problems import TemplateProblem, check_tags, describe
from qaudit.reports.style import ReportStyle, cooperative_context

_LISTING = re.compile(r"[\t\a\n\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_PATCHED: dict[str, str] = {}


class _Template(DocxTemplate):
    """docxtpl with two shortcuts for large reports and batches; the output is the same.

    - The template's XML is cleaned up for Jinja once per template, not once per report.
    - Line breaks and tabs in the filled-in text are turned into Word's own only in the
      paragraphs that have them (docxtpl walks every run of every paragraph).
    """

    def patch_xml(self, src_xml: str) -> str:
        patched = _PATCHED.get(src_xml)
        if patched is None:
            patched = super().patch_xml(src_xml)
            if len(_PATCHED) >= 64:
                _PATCHED.clear()
            _PATCHED[src_xml] = patched
        return patched

    def resolve_listing(self, xml: str) -> str:
        if not _LISTING.search(xml):
            return xml
        resolve = DocxTemplate.resolve_listing
        return _PARAGRAPH.sub(
            lambda m: resolve(self, m.group(0)) if _LISTING.search(m.group(0)) else m.group(0),
            xml,
        )


class _Picture(InlineImage):
    """An inline picture with a description (the alternative text screen readers speak)."""

    def __init__(self, tpl: DocxTemplate, chart: ChartImage) -> None:
        super().__init__(tpl, BytesIO(chart.png), width=Mm(chart.width_mm))
        self.description = chart.description

    def _insert_image(self) -> str:
        xml: str = super()._insert_image()
        if self.description:
            xml = xml.replace("<wp:docPr ", f"<wp:docPr descr={quoteattr(self.description)} ", 1)
        return xml


def read_template(path: Path) -> bytes:
    """The template's bytes (cached while the file is unchanged: a batch reads it once)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise QauditError(
            _("cannot read template {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    return _read(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _read(path: Path, _mtime: int, _size: int) -> bytes:
    return path.read_bytes()


@lru_cache(maxsize=16)
def _checked(path: Path, source: bytes) -> None:
    check_tags(path, source)


def open_template(path: Path, source: bytes) -> DocxTemplate:
    document = _Template(BytesIO(source))
    try:
        document.init_docx()
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, LxmlError) as exc:
        raise TemplateProblem(
            _("template {path} is not a Word document (.docx)").format(path=path)
        ) from exc
    return document


def fill(path: Path, context: Mapping[str, Any]) -> DocxTemplate:
    """The template at ``path`` rendered with ``context`` (charts become pictures). A context
    without a ``cooperative`` field (the figure reports) gets the default one."""
    context = {"cooperative": cooperative_context(ReportStyle()), **context}
    source = read_template(path)
    document = open_template(path, source)
    _checked(path, source)
    fields = {key: _pictures(document, value) for key, value in context.items()}
    try:
        with render_deadline():
            document.render(fields, environment())
    except RenderLimit as exc:
        raise TemplateProblem(
            _("template {template}: {message}").format(template=path, message=exc)
        ) from exc
    except ArithmeticError as exc:  # {{ 1/0 }}, a number too large
        raise TemplateProblem(
            _("template {template}: a calculation in a field failed ({reason})").format(
                template=path, reason=_arithmetic(exc)
            )
        ) from exc
    except (TemplateError, TypeError, ValueError, AttributeError) as exc:
        raise describe(exc, path, source, context) from exc
    except LxmlError as exc:
        raise TemplateProblem(
            _(
                "template {path} makes an invalid document: an if or for tag that spans "
                "paragraphs, table rows or cells must be written {{%p …%}}, {{%tr …%}} or "
                "{{%tc …%}} ({reason})"
            ).format(path=path, reason=exc)
        ) from exc
    return document


def _arithmetic(exc: ArithmeticError) -> str:
    if isinstance(exc, ZeroDivisionError):
        return _("division by zero")
    return _("a number out of range")


def _pictures(document: DocxTemplate, value: Any) -> Any:
    """Charts and logos (also one level down, e.g. ``cooperative.logo``, and in a list of
    rows, e.g. ``photos``) become pictures."""
    if isinstance(value, ChartImage):
        return _Picture(document, value)
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [_pictures(document, row) for row in value]
    if isinstance(value, dict) and any(isinstance(v, ChartImage) for v in value.values()):
        return {
            k: _Picture(document, v) if isinstance(v, ChartImage) else v for k, v in value.items()
        }
    return value


def render(template: Path, context: Mapping[str, Any], out: Path) -> Path:
    """Write the report: the whole file at ``out``, or on any error no file at all."""
    document = fill(template, context)
    return write_atomically(out, document.save)
