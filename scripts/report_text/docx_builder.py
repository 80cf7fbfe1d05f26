"""A small layer over python-docx for writing report templates in two languages at once.

Used by ``build_templates.py``; every text is given as ``("Nederlands", "English")``.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

LANGUAGES = {"nl": "nl-NL", "en": "en-GB"}
FIXED = datetime(2026, 1, 1)
ZIP_TIME = (2026, 1, 1, 0, 0, 0)
RED = RGBColor(0xC6, 0x28, 0x28)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
TABLE_STYLE = "Light Grid Accent 1"
TABLE_TEXT = "Table Text"
"""The paragraph style of every table cell: restyle it once to change all tables."""
FACTS_STYLE = "Light List Accent 1"

Text = str | tuple[str, str]
"""A text for both languages: ``("Dutch", "English")``, or one string (tags only)."""


class Builder:
    """Writes one template in one language; every text is given in both languages."""

    def __init__(self, language: str, header: Text, *, landscape: bool = False) -> None:
        self.language = language
        self.doc = Document()
        self._page(landscape)
        self._styles()
        self._header_footer(header)

    def t(self, text: Text) -> str:
        return text if isinstance(text, str) else text[0 if self.language == "nl" else 1]

    # --- page, styles, header and footer -------------------------------------------------
    def _page(self, landscape: bool) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.2))
        section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)

    @property
    def width(self) -> float:
        section = self.doc.sections[0]
        return (section.page_width - section.left_margin - section.right_margin) / 360000

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name, normal.font.size = "Calibri", Pt(10)
        normal.paragraph_format.space_after = Pt(4)
        for name, size in (("Title", 26), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
            styles[name].font.name, styles[name].font.size = "Calibri", Pt(size)
            styles[name].font.color.rgb = ACCENT
            if name.startswith("Heading"):
                styles[name].paragraph_format.keep_with_next = True
                styles[name].paragraph_format.keep_together = True
        cell = styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
        cell.base_style = normal
        cell.font.size = Pt(8.5)
        cell.paragraph_format.space_after = Pt(1)
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        run_props = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        lang = run_props.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            run_props.append(lang)
        lang.set(qn("w:val"), LANGUAGES[self.language])

    def _header_footer(self, header: Text) -> None:
        section = self.doc.sections[0]
        tab = section.page_width - section.left_margin - section.right_margin
        for name in ("Header", "Footer"):
            stops = self.doc.styles[name].paragraph_format.tab_stops
            stops.clear_all()
            stops.add_tab_stop(tab, WD_TAB_ALIGNMENT.RIGHT)
        top = section.header.paragraphs[0]
        top.add_run(self.t(header)).font.size = Pt(8)
        mark = top.add_run("\t{{ draft_mark }}")
        mark.bold, mark.font.color.rgb = True, RED
        bottom = section.footer.paragraphs[0]
        bottom.add_run(
            self.t(
                (
                    "{{ cooperative.name }} · {{ report_date }}\tpagina ",
                    "{{ cooperative.name }} · {{ report_date }}\tpage ",
                )
            )
        ).font.size = Pt(8)
        _field(bottom, "PAGE")
        bottom.add_run(self.t((" van ", " of "))).font.size = Pt(8)
        _field(bottom, "NUMPAGES")

    # --- blocks ----------------------------------------------------------------------------
    def title(self, text: Text, subtitle: Text) -> None:
        self.doc.add_paragraph(self.t(text), style="Title")
        self.doc.add_paragraph(self.t(subtitle), style="Subtitle")

    def heading(self, text: Text, level: int = 1, *, new_page: bool = False) -> None:
        """A heading; ``new_page`` starts it on a new page (no empty page if one just ended)."""
        self.doc.add_heading(self.t(text), level).paragraph_format.page_break_before = (
            new_page or None
        )

    def para(
        self,
        text: Text,
        *,
        bold: bool = False,
        italic: bool = False,
        style: str | None = None,
        colour: RGBColor | None = None,
        size: int | None = None,
        space_after: int | None = None,
    ) -> Paragraph:
        paragraph = self.doc.add_paragraph(style=style)
        if space_after is not None:
            paragraph.paragraph_format.space_after = Pt(space_after)
        run = paragraph.add_run(self.t(text))
        run.bold, run.italic = bold or None, italic or None
        if colour is not None:
            run.font.color.rgb = colour
        if size is not None:
            run.font.size = Pt(size)
        return paragraph

    def toc(self) -> None:
        """A table of contents (headings 1-2), marked dirty so Word and LibreOffice fill it."""
        title = self.para(("Inhoud", "Contents"), bold=True, size=16, colour=ACCENT)
        title.paragraph_format.page_break_before = True
        paragraph = self.doc.add_paragraph()
        _complex_field(
            paragraph,
            'TOC \\o "1-2" \\h \\z \\u',
            self.t(
                (
                    "De inhoudsopgave wordt bijgewerkt bij het openen (Word: F9).",
                    "The table of contents is updated when the document is opened (Word: F9).",
                )
            ),
        )

    def letterhead(self) -> None:
        """The sender: the cooperative's logo, name and address (the ``cooperative`` setting)."""
        self.tag("{%p if cooperative.logo %}")
        self.para("{{ cooperative.logo }}")
        self.tag("{%p endif %}")
        self.para("{{ cooperative.name }}", bold=True, size=14, colour=ACCENT, space_after=0)
        self.tag("{%p for line in cooperative.address %}")
        self.para("{{ line }}", space_after=0)
        self.tag("{%p endfor %}")
        self.para("")

    def closing(self) -> None:
        """The closing, room for a signature, the signer and on whose behalf: kept together on
        one page (the signer never stands alone at the top of the next one)."""
        lines = [
            self.para(("Met vriendelijke groet,", "Kind regards,")),
            self.para(""),
            self.para(""),
            self.para("{{ lead }}", bold=True, space_after=0),
        ]
        for line in lines:
            line.paragraph_format.keep_with_next = True
        self.para(("namens {{ cooperative.name }}", "on behalf of {{ cooperative.name }}"))

    def tag(self, tag: str) -> None:
        """A paragraph that holds only a ``{%p … %}`` tag (it disappears when rendered)."""
        self.doc.add_paragraph(tag)

    def bullets(self, loop: str, item: Text, empty: Text) -> None:
        self.tag(f"{{%p if {loop.split(' in ')[1]} %}}")
        self.tag(f"{{%p for {loop} %}}")
        self.para(item, style="List Bullet")
        self.tag("{%p endfor %}")
        self.tag("{%p else %}")
        self.para(empty, italic=True)
        self.tag("{%p endif %}")

    def optional_bullets(self, heading: Text, level: int, items: str) -> None:
        """A heading and a bulleted list of the texts in ``items``, left out when it is empty."""
        self.tag(f"{{%p if {items} %}}")
        self.heading(heading, level)
        self.tag(f"{{%p for text in {items} %}}")
        self.para("{{ text }}", style="List Bullet")
        self.tag("{%p endfor %}")
        self.tag("{%p endif %}")

    def draft_block(self) -> None:
        self.tag("{%p if draft %}")
        self.para(("CONCEPT", "DRAFT"), bold=True, colour=RED, size=20)
        self.para("{{ draft_reason }}", bold=True, colour=RED)
        self.tag("{%p endif %}")

    def facts(self, rows: list[tuple[Text, Text]]) -> None:
        """A two-column table of labels and values (no loop)."""
        table = self.doc.add_table(rows=0, cols=2)
        table.style = self.doc.styles[FACTS_STYLE]
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = self.t(label), self.t(value)
        _widths(table, [self.width * 0.3, self.width * 0.7])
        _look(table, firstRow="0", firstColumn="1", noHBand="0", val="0080")

    def table(
        self, headers: list[Text], loop: str, cells: list[Text | list[Text]], widths: list[float]
    ) -> Table:
        """A header row and one row per item of ``loop`` (``{%tr for … %}``)."""
        table = self.doc.add_table(rows=4, cols=len(headers))
        table.style = self.doc.styles[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            cell.text = self.t(header)
        _repeat_header(table)
        _cant_split(table.rows[0])
        _cant_split(table.rows[2])
        table.rows[1].cells[0].text = f"{{%tr for {loop} %}}"
        for cell, content in zip(table.rows[2].cells, cells, strict=True):
            parts = content if isinstance(content, list) else [content]
            cell.text = self.t(parts[0])
            for extra in parts[1:]:
                cell.add_paragraph(self.t(extra))
        table.rows[3].cells[0].text = "{%tr endfor %}"
        _cell_style(table)
        _look(table, firstRow="1", firstColumn="0", noVBand="1", val="0420")
        total = sum(widths)
        _widths(table, [self.width * w / total for w in widths])
        return table

    def save(self, path: Path, title: Text) -> None:
        _update_fields_on_open(self.doc)
        props = self.doc.core_properties
        props.title, props.author, props.last_modified_by = self.t(title), "qaudit", "qaudit"
        props.created = props.modified = props.last_printed = FIXED
        props.revision, props.language = 1, LANGUAGES[self.language]
        buffer = io.BytesIO()
        self.doc.save(buffer)
        path.write_bytes(_reproducible(buffer.getvalue()))


def _field(paragraph: Paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "16")
    props.append(size)
    text = OxmlElement("w:t")
    text.text = "1"
    run.extend([props, text])
    field.append(run)
    paragraph._p.append(field)


def _complex_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A field Word and LibreOffice recompute on opening (``w:dirty``), showing ``placeholder``."""
    parts: list[tuple[str, str | None]] = [
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", placeholder),
        ("end", None),
    ]
    for kind, value in parts:
        run = OxmlElement("w:r")
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = value
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = value
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                element.set(qn("w:dirty"), "true")
        run.append(element)
        paragraph._p.append(run)


def _update_fields_on_open(document: DocumentObject) -> None:
    """Ask Word to update the fields (the contents) when the document is opened."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def _cant_split(row: object) -> None:
    """Keep a table row on one page (Word moves it whole to the next page)."""
    props = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    props.append(OxmlElement("w:cantSplit"))


def _widths(table: Table, widths: list[float]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


def _repeat_header(table: Table) -> None:
    row_props = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row_props.append(header)


def _cell_style(table: Table) -> None:
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.style = TABLE_TEXT


def _look(table: Table, **flags: str) -> None:
    """Which parts of the table style apply (header row, first column, banding)."""
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    for key, value in flags.items():
        look.set(qn(f"w:{key}"), value)


def _reproducible(package: bytes) -> bytes:
    """The same package with fixed timestamps, so a rebuild gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()
