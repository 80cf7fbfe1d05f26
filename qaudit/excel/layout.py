"""Where things are in an exported workbook: sheets, columns and their headers.

The import finds columns by their header, never by position, and recognises the headers
in Dutch and in English, so a workbook exported in one language imports in the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from qaudit.i18n import N_, _, translation

FORMAT = "qaudit-excel/1"
"""Written into the metadata; a workbook of another format is refused."""

META_SHEET = "qaudit"
HEADER_ROW = 1
FIRST_ROW = 2


@dataclass(frozen=True)
class Column:
    key: str
    header_id: str
    """The English message id of the header."""
    width: float
    editable: bool = False
    wrap: bool = False
    also: tuple[str, ...] = ()
    """Other headers that mean this column (older exports, other wording)."""

    @property
    def header(self) -> str:
        return _(self.header_id)

    def matches(self, text: object) -> bool:
        return isinstance(text, str) and header_key(text) in self.aliases

    @cached_property
    def aliases(self) -> frozenset[str]:
        known = {self.header_id, self.key, translation("nl").gettext(self.header_id), *self.also}
        return frozenset(header_key(text) for text in known)


POINT_COLUMNS: tuple[Column, ...] = (
    Column("id", N_("ID"), 10, also=("point id", "meetpunt-id")),
    Column("theme", N_("Theme"), 22, wrap=True),
    Column("point", N_("Measurement point"), 50, wrap=True),
    Column("guidance", N_("Guidance"), 40, wrap=True),
    Column("basis", N_("Legal basis"), 24, wrap=True),
    Column("critical", N_("Critical"), 10),
    Column("weight", N_("Weight"), 9),
    Column("answer", N_("Answer"), 18, editable=True, also=("antwoord",)),
    Column("note", N_("Note"), 45, editable=True, wrap=True, also=("notitie", "opmerking")),
    Column("evidence", N_("Evidence"), 45, editable=True, wrap=True, also=("bewijs",)),
)
COLUMN = {c.key: c for c in POINT_COLUMNS}
REQUIRED = ("id", "answer")

_SPACES = re.compile(r"\s+")


def header_key(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def points_title() -> str:
    return _("Points")


def instructions_title() -> str:
    return _("Instructions")
