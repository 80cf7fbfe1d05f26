"""Personal data in free text: find it and blank it out. Pure functions, no database.

Notes, findings, advice and summaries must not name residents or give their dates of
birth, BSN, phone numbers or e-mail addresses. :func:`find_personal_data` looks for the
usual Dutch (and English) forms:

- names with a title or initials: ``mevrouw Jansen``, ``mw. De Vries``, ``dhr. J. Bakker``,
  ``de heer Van den Berg``, ``J.P. de Vries``, and a surname with a room: ``Jansen (kamer 12)``;
- dates of birth: a date after ``geboren``/``geb.``/``born``/``geboortedatum`` (any year,
  also a year alone), and any full date (``12-03-1938``, ``1938-03-12``, ``12 maart 1938``)
  whose year is before 1960 — a visit date of this century is left alone;
- BSN: nine digits (also ``123.456.782``, ``1234 56 782``) that pass the elfproef, or any
  nine digits right after the word BSN (a mistyped BSN is still one);
- Dutch phone numbers in their usual forms, recognised by Google's libphonenumber
  (``phonenumbers``): ``(050) 123 45 67``, ``06-12345678``, ``+31 (0)6 1234 5678``, ``0031 6 …``;
- e-mail addresses.

:func:`redact` replaces each finding with ``[…]`` and counts them. The checks are tuned not
to touch professional text: point ids (``T05.14``), percentages, article numbers
(``art. 13 lid 2``), visit dates, ordinary numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers

REDACTED = "[…]"


class Kind(StrEnum):
    NAME = "name"
    BIRTH_DATE = "birth_date"
    BSN = "bsn"
    PHONE = "phone"
    EMAIL = "email"


@dataclass(frozen=True)
class Finding:
    kind: Kind
    start: int
    end: int
    text: str
    """The part of the text that looks personal."""


@dataclass(frozen=True)
class Redacted:
    text: str
    count: int


# --- names ---------------------------------------------------------------------------------
_TITLES = (
    r"mevrouw|mevr\.|mw\.|mevr|mw|meneer|mijnheer|mnr\.|dhr\.|dhr|de\s+heer|"
    r"mr\.|mrs\.?|ms\.|miss|zuster|opa|oma|tante|oom|dr\."
)
_INITIALS = r"(?:[A-Z]\.\s?){1,4}"
_PARTICLES = r"(?:(?:[vV]an|[dD]e|[dD]er|[dD]en|[hH]et|[tT]en|[tT]er|[tT]e|[iI]n\s+'t|'t)\s+){0,3}"
_SURNAME = r"[A-Z][a-zà-ÿ'’]+(?:-(?:[a-z]+-)?[A-Z][a-zà-ÿ'’]+)?"
_TITLED = re.compile(
    rf"(?<![\w.])(?i:{_TITLES})\s+(?:{_INITIALS})?{_PARTICLES}{_SURNAME}(?:\s+{_SURNAME})?"
)
_WITH_INITIALS = re.compile(rf"(?<![\w.@]){_INITIALS}{_PARTICLES}({_SURNAME})(?![\w@])")
_ROOM = re.compile(
    rf"(?<![\w.])({_SURNAME})\s*(?:\(\s*|,\s*)(?i:kamer|kamernr\.?|room|app\.?|appartement)"
    r"\s*\d+[a-z]?\s*\)?"
)
# Words that follow abbreviations like "N.B." or start a sentence: never a surname.
_NOT_SURNAMES = frozenset(
    """De Het Een Dit Dat Deze Die Er Zie Bij In Op Om Te Tot Van Voor Met Na Naar Als En Of
    Ook Wel Niet Geen Nog Zij Hij Wij Ik U We Ze Men Alle Elke Ieder Iedere Wat Wie Waar Hoe
    The This That See And Or For With Not No Note Mevrouw Meneer Bewoner Bewoners Cliënt
    Cliënten Familie Team Locatie Thema Zorg""".split()  # noqa: SIM905 - a word list
)
_NOT_INITIALS = frozenset({"N.B.", "P.S.", "N.B", "P.S", "O.A.", "I.V.M.", "T.A.V.", "E.D."})

# --- dates ---------------------------------------------------------------------------------
_MONTHS = (
    r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|maart|march|mrt|mar|apr(?:il)?|mei|may|"
    r"jun[ie]?|jul[iy]?|aug(?:ustus|ust)?|sep(?:t|tember)?|okt(?:ober)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?"
)
_YEAR = r"(?:19|20)\d{2}"
_DATE_FORMS = (
    rf"\d{{1,2}}[-/.]\d{{1,2}}[-/.]{_YEAR}",  # 12-03-1938, 1/3/1938, 12.03.1938
    rf"{_YEAR}-\d{{1,2}}-\d{{1,2}}",  # 1938-03-12
    rf"\d{{1,2}}\s+(?:{_MONTHS})\.?\s+{_YEAR}",  # 12 maart 1938
    rf"(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+{_YEAR}",  # March 12, 1938
    rf"(?:{_MONTHS})\.?\s+{_YEAR}",  # maart 1938
)
_DATE = "(?:" + "|".join(_DATE_FORMS) + ")"
_ANY_DATE = re.compile(rf"(?<![\w.-]){_DATE}(?![\w-])", re.IGNORECASE)
_BIRTH_WORD = r"geboren|geb\.|geb|geboortedatum|geboortejaar|born|date\s+of\s+birth|d\.o\.b\.|dob"
_BORN = re.compile(
    rf"\b(?:{_BIRTH_WORD})\s*:?\s*(?:op\s+|on\s+|in\s+)?"
    rf"({_DATE}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2}}|{_YEAR})(?![\w-])",
    re.IGNORECASE,
)
_OLD_YEAR = re.compile(r"(?:18\d\d|19[0-5]\d)(?!\d)")

# --- numbers -------------------------------------------------------------------------------
_NINE_DIGITS = re.compile(
    r"(?<![\d.,\-+])(\d{9}|\d{3}[. ]\d{3}[. ]\d{3}|\d{4}[. ]\d{2}[. ]\d{3}|\d{2}[. ]\d{3}[. ]\d{4})"
    r"(?![\d]|[.,\- ]\d)"
)
_BSN_WORD = re.compile(
    r"\b(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)\b\s*(?:nr\.?|nummer)?\s*:?\s*$",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# Cheap first looks: most texts have no title, no initial, no old year; skip the full scan.
_ANY_TITLE = re.compile(rf"(?<![\w.])(?i:{_TITLES})")
_AN_INITIAL = re.compile(r"[A-Z]\.")
_A_ROOM = re.compile(r"(?i:kamer|room|app)")
_A_BIRTH_WORD = re.compile(r"(?i:geb|born|birth|dob|d\.o\.b)")


def elfproef(digits: str) -> bool:
    """Does a nine-digit number pass the BSN eleven test (9·d1 + 8·d2 + … + 2·d8 − d9)?"""
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total % 11 == 0


def find_personal_data(text: str) -> list[Finding]:
    """Every part of ``text`` that looks like personal data, in order, without overlaps."""
    if not text:
        return []
    digits = sum(c.isdigit() for c in text)
    found = [*_emails(text), *_names(text)]
    if digits >= 9:
        found += [*_phones(text), *_bsns(text)]
    if digits >= 2:
        found += _birth_dates(text)
    return _without_overlaps(found)


def redact(text: str) -> Redacted:
    """``text`` with every finding replaced by ``[…]``, and how many were replaced."""
    findings = find_personal_data(text)
    if not findings:
        return Redacted(text, 0)
    parts: list[str] = []
    at = 0
    for f in findings:
        parts += [text[at : f.start], REDACTED]
        at = f.end
    parts.append(text[at:])
    return Redacted("".join(parts), len(findings))


def looks_personal(text: str) -> bool:
    return bool(find_personal_data(text))


def _emails(text: str) -> list[Finding]:
    if "@" not in text:
        return []
    return [_finding(Kind.EMAIL, m) for m in _EMAIL.finditer(text)]


def _phones(text: str) -> list[Finding]:
    matcher = phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID)
    return [Finding(Kind.PHONE, m.start, m.end, m.raw_string) for m in matcher]


def _bsns(text: str) -> list[Finding]:
    found = []
    for m in _NINE_DIGITS.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        if elfproef(digits) or _BSN_WORD.search(text[max(0, m.start() - 40) : m.start()]):
            found.append(_finding(Kind.BSN, m, 1))
    return found


def _birth_dates(text: str) -> list[Finding]:
    found = []
    if _A_BIRTH_WORD.search(text):
        found += [_finding(Kind.BIRTH_DATE, m, 1) for m in _BORN.finditer(text)]
    if _OLD_YEAR.search(text):
        found += [
            _finding(Kind.BIRTH_DATE, m)
            for m in _ANY_DATE.finditer(text)
            if _OLD_YEAR.search(m.group(0))
        ]
    return found


def _names(text: str) -> list[Finding]:
    found = []
    if _ANY_TITLE.search(text):
        found += [_finding(Kind.NAME, m) for m in _TITLED.finditer(text)]
    if _AN_INITIAL.search(text):
        for m in _WITH_INITIALS.finditer(text):
            initials = m.group(0)[: m.start(1) - m.start()].split()[0]
            if m.group(1) not in _NOT_SURNAMES and initials.upper() not in _NOT_INITIALS:
                found.append(_finding(Kind.NAME, m))
    if _A_ROOM.search(text):
        found += [
            _finding(Kind.NAME, m) for m in _ROOM.finditer(text) if m.group(1) not in _NOT_SURNAMES
        ]
    return found


def _finding(kind: Kind, match: re.Match[str], group: int = 0) -> Finding:
    return Finding(kind, match.start(group), match.end(group), match.group(group))


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    """Overlapping findings merged into one (an e-mail address over the name inside it)."""
    kept: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        last = kept[-1] if kept else None
        if last is not None and f.start < last.end:
            if f.end > last.end:
                kept[-1] = Finding(
                    last.kind, last.start, f.end, last.text + f.text[last.end - f.start :]
                )
            continue
        kept.append(f)
    return kept
