"""Helpers for the report tests: a demo database, reading a .docx back with python-docx."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from sqlalchemy import Engine
from sqlmodel import col, select

from qaudit.domain.enums import AssessmentKind
from qaudit.domain.models import Assessment
from qaudit.storage import transaction

KIND_OF_REPORT = {
    "basis-op-orde": (AssessmentKind.AUDIT_VISIT, AssessmentKind.SELF_EVALUATION),
    "visitatie": (AssessmentKind.VISITATION,),
    "cirkel": (AssessmentKind.CIRKEL,),
    "advies": (AssessmentKind.AUDIT_VISIT, AssessmentKind.CIRKEL),
}

PLACEHOLDER = re.compile(r"(^|[\s(:])–\s*($|[),.;:])", re.MULTILINE)
"""A dash standing alone where a value belongs (a table cell, after a colon)."""
ENGLISH = re.compile(r"\b(the|have|has been|with|which)\b", re.IGNORECASE)
"""English words that never occur in a Dutch report (an untranslated sentence)."""


@dataclass(frozen=True)
class Read:
    """A written report as python-docx reads it back."""

    body: str
    headers: str
    pictures: int
    png_parts: int

    @property
    def everything(self) -> str:
        return self.body + "\n" + self.headers


def read_docx(path: Path) -> Read:
    document = Document(str(path))
    body = "\n".join(_paragraph_text(p) for p in document.element.body.iter(qn("w:p")))
    headers = "\n".join(
        p.text
        for section in document.sections
        for part in (section.header, section.footer)
        for p in part.paragraphs
    )
    pngs = sum(1 for part in document.part.package.parts if part.content_type == "image/png")
    return Read(body, headers, len(document.inline_shapes), pngs)


def _paragraph_text(paragraph: object) -> str:
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t")))  # type: ignore[attr-defined]


def assessment_ids(engine: Engine, *kinds: AssessmentKind) -> list[int]:
    with transaction(engine) as session:
        rows = session.exec(
            select(Assessment.id)
            .where(col(Assessment.kind).in_(kinds))
            .order_by(col(Assessment.id))
        )
        return [i for i in rows if i is not None]


def leftovers(folder: Path) -> list[Path]:
    """Temporary files a failed write might have left behind."""
    return sorted(folder.glob(".*.tmp"))
