"""The client-experience workbook: its sheets, columns and the values each column takes.

One row per respondent. Columns are found by their header in Dutch or English (never by
position); a promise column is found by the promise id its header starts with (``KB03 …``).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from qaudit.domain.clientvoice_enums import Parameter, Perceived, RespondentGroup
from qaudit.excel.layout import Column
from qaudit.i18n import N_, _

FORMAT = "qaudit-feedback/1"
META_SHEET = "qaudit"
LISTS_SHEET = "lijsten"
HEADER_ROW = 1
FIRST_ROW = 2
TEMPLATE_ROWS = 1000
"""Rows prepared with drop-downs in a new template (more may be added below)."""

PARAMETER_COLUMNS = {
    Parameter.SATISFACTION: Column("satisfaction", N_("Overall satisfaction (1–5)"), 14),
    Parameter.INFLUENCE: Column("influence", N_("Influence on own care (1–5)"), 14),
    Parameter.SAME_STAFF: Column("same_staff", N_("Same staff (1–5)"), 14),
    Parameter.ON_TIME: Column("on_time", N_("At the agreed time (1–5)"), 14),
    Parameter.SELF_RELIANCE: Column("self_reliance", N_("More self-reliant (1–5)"), 14),
    Parameter.DIGNITY: Column("dignity", N_("With dignity (1–5)"), 14),
}
COLUMNS: tuple[Column, ...] = (
    Column("ref", N_("Respondent reference"), 16, also=("reference", "referentie")),
    Column("date", N_("Date"), 12, also=("datum",)),
    Column("unit", N_("Unit"), 18, also=("afdeling",)),
    Column("group", N_("Respondent group"), 18, also=("groep", "group")),
    Column("recommend", N_("Would recommend (0–10)"), 14, also=("nps", "aanbevelen")),
    *PARAMETER_COLUMNS.values(),
)
FREE_TEXT = Column("free_text", N_("Comments"), 60, wrap=True, also=("vrije tekst", "free text"))
COLUMN = {c.key: c for c in (*COLUMNS, FREE_TEXT)}
REQUIRED = ("ref", "date", "group")

_PROMISE_HEADER = re.compile(r"^\s*([A-Za-z]{1,4}\d{1,3})\b")


def promise_header(promise_id: str, title: str) -> str:
    return f"{promise_id} {title}"


def promise_of(header: object, known: frozenset[str]) -> str | None:
    """The promise id a column header starts with, if it is a known promise."""
    if not isinstance(header, str):
        return None
    match = _PROMISE_HEADER.match(header)
    if match and match.group(1).upper() in known:
        return match.group(1).upper()
    return None


def responses_title() -> str:
    return _("Responses")


def instructions_title() -> str:
    return _("Instructions")


# --- values people type -------------------------------------------------------------------

_GROUP_WORDS = {
    RespondentGroup.RESIDENT: ("resident", "bewoner", "cliënt", "client"),
    RespondentGroup.FAMILY: ("family", "familie", "naaste", "mantelzorger"),
    RespondentGroup.REPRESENTATIVE: ("representative", "vertegenwoordiger", "wettelijk"),
}
_PERCEIVED_WORDS = {
    Perceived.YES: ("ja", "yes", "j", "y"),
    Perceived.PARTLY: ("deels", "partly", "gedeeltelijk"),
    Perceived.NO: ("nee", "no", "n"),
    Perceived.NOT_APPLICABLE: ("nvt", "n.v.t.", "n.v.t", "n/a", "na", "not applicable"),
}


def group_choices() -> list[str]:
    """The drop-down of respondent groups, in the current language."""
    return [g.label for g in RespondentGroup]


def perceived_choices() -> list[str]:
    return [p.value if p is not Perceived.NOT_APPLICABLE else "n.v.t." for p in Perceived]


_PERCEIVED_BY_WORD = {word: p for p, words in _PERCEIVED_WORDS.items() for word in words}


def _word(value: object) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def parse_group(value: object) -> RespondentGroup | None:
    text = _word(value)
    for group, words in _GROUP_WORDS.items():
        if text in words or text == _word(group.label):
            return group
    return None


def parse_perceived(value: object) -> Perceived | None:
    """``ja`` / ``deels`` / ``nee`` / ``n.v.t.`` (or the English words), in any case."""
    if isinstance(value, str):
        found = _PERCEIVED_BY_WORD.get(value.casefold())
        if found is not None:
            return found
    return _PERCEIVED_BY_WORD.get(_word(value))


_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def parse_date(value: object) -> date | None:
    """A date cell, or text as ``2026-03-05`` or ``5-3-2026``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        match = _DMY.match(text)
        if not match:
            return None
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None


def parse_score(value: object, low: int, high: int) -> int | str | None:
    """A whole number in ``low``–``high``; None for empty; "bad" for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number: float
    if isinstance(value, bool):
        return "bad"
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            return "bad"
    if not number.is_integer() or not low <= number <= high:
        return "bad"
    return int(number)
