"""Does a note look as if it names a person or gives a date of birth? Pure text checks.

Interview notes must be pseudonymised (no resident's name, no date of birth). These checks
are a warning for the person typing, not a guarantee: they look for the usual Dutch and
English forms (``mevrouw Jansen``, ``dhr. De Vries``, ``geboren 3-4-1938``, ``geb. 1938``,
``born 12 March 1941``) and for a date with a year of birth of a likely resident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Concern(StrEnum):
    NAME = "name"
    BIRTH_DATE = "birth_date"


@dataclass(frozen=True)
class Hit:
    concern: Concern
    text: str
    """The part of the note that looks personal."""


_TITLES = (
    r"mevrouw|mevr\.?|mw\.?|meneer|mijnheer|dhr\.?|de heer|heer|mr\.?|mrs\.?|ms\.?|"
    r"miss|zuster|opa|oma|tante|oom"
)
_PARTICLE = r"(?:(?:van|de|der|den|het|ten|ter|te|van de|van der|van den)\s+)?"
_SURNAME = r"[A-Z][a-zà-ÿ'’-]+"
_TITLED_NAME = re.compile(rf"\b(?i:{_TITLES})\s+{_PARTICLE}{_SURNAME}(?:\s+{_SURNAME})?")
_FULL_NAME = re.compile(rf"\b[A-Z][a-zà-ÿ]+\s+{_PARTICLE}(?:[A-Z][a-zà-ÿ]+)\b")
_MONTHS = (
    r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|maart|march|mar|apr(?:il)?|mei|may|"
    r"jun[ie]?|jul[iy]?|aug(?:ustus|ust)?|sep(?:tember)?|okt(?:ober)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?"
)
_NUMERIC_DATE = r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}\b"
_WORD_DATE = rf"\b\d{{1,2}}\s+(?:{_MONTHS})\.?\s+(?:19|20)\d{{2}}\b"
_ANY_DATE = re.compile(f"{_NUMERIC_DATE}|{_WORD_DATE}", re.IGNORECASE)
_BORN = re.compile(
    rf"\b(?:geboren|geb\.?|geboortedatum|born|date of birth|dob|d\.o\.b\.?)\s*:?\s*"
    rf"(?:op\s+|on\s+|in\s+)?(?:{_NUMERIC_DATE}|{_WORD_DATE}|(?:19|20)\d{{2}})",
    re.IGNORECASE,
)
_OLD_YEAR = re.compile(r"(?:19[0-4]\d|19[5]\d)\b")

# Capitalised pairs that are ordinary terms in care notes, not names.
_NOT_NAMES = frozenset({"basis op", "klantbeloften vertalen", "lerend netwerk"})


def check_note(note: str) -> list[Hit]:
    """Every part of ``note`` that looks like a personal name or a date of birth."""
    hits: list[Hit] = []
    for match in _BORN.finditer(note):
        hits.append(Hit(Concern.BIRTH_DATE, match.group(0)))
    for match in _ANY_DATE.finditer(note):
        if _OLD_YEAR.search(match.group(0)) and not any(match.group(0) in h.text for h in hits):
            hits.append(Hit(Concern.BIRTH_DATE, match.group(0)))
    for match in _TITLED_NAME.finditer(note):
        hits.append(Hit(Concern.NAME, match.group(0)))
    for match in _FULL_NAME.finditer(note):
        text = match.group(0)
        if text.casefold() in _NOT_NAMES:
            continue
        if not any(text in h.text or h.text in text for h in hits):
            hits.append(Hit(Concern.NAME, text))
    return hits


def looks_personal(note: str) -> bool:
    return bool(check_note(note))
