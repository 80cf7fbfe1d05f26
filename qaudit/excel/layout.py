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
        return self.rank(text) > 0

    def rank(self, text: object) -> int:
        """2: the column's own header (Dutch or English); 1: another name for it; 0: no match.

        An exactly named column always wins over an alias: a location's own column
        "Opmerking" left of the exported "Notitie" must never be read as the notes.
        """
        if not isinstance(text, str):
            return 0
        key = header_key(text)
        if key in self.names:
            return 2
        return 1 if key in self.aliases else 0

    @cached_property
    def names(self) -> frozenset[str]:
        known = {self.header_id, translation("nl").gettext(self.header_id)}
        return frozenset(header_key(text) for text in known)

    @cached_property
    def aliases(self) -> frozenset[str]:
        known = {self.key, *self.also}
        return frozenset(header_key(text) for text in known) - self.names


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
    Column("files", N_("Evidence files"), 30, wrap=True, also=("evidence file names",)),
)
"""``files`` (issue 15): the names of the evidence files attached in qaudit; shown, never read."""
COLUMN = {c.key: c for c in POINT_COLUMNS}
REQUIRED = ("id", "answer")

_SPACES = re.compile(r"\s+")


def header_key(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def points_title() -> str:
    return _("Points")


def instructions_title() -> str:
    return _("Instructions")


def instructions_titles() -> frozenset[str]:
    """The instruction sheet's title in every language (it is never read for answers)."""
    return frozenset(
        header_key(t) for t in ("Instructions", translation("nl").gettext("Instructions"))
    )
