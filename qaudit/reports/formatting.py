"""Dates, numbers and percentages the way a Dutch (or English) reader expects them (Babel)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel.dates import format_date
from babel.numbers import format_decimal

from qaudit.domain.privacy import redact as redact_text

LOCALES = {"nl": "nl_NL", "en": "en_GB"}
MISSING = "–"
"""Shown where there is no value (no date planned, no score yet)."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Formatter:
    """Formats values for one language; every method turns ``None`` into :data:`MISSING`."""

    language: str = "nl"

    @property
    def locale(self) -> str:
        return LOCALES.get(self.language, LOCALES["nl"])

    def date(self, value: dt.date | None, style: str = "long") -> str:
        if value is None:
            return MISSING
        day = value.date() if isinstance(value, dt.datetime) else value
        return format_date(day, format=style, locale=self.locale)

    def short_date(self, value: dt.date | None) -> str:
        return self.date(value, "medium")

    def number(self, value: float | None, digits: int = 0) -> str:
        if value is None:
            return MISSING
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, value: float | None, digits: int = 1) -> str:
        """``82.5`` (a percentage, not a fraction) as ``82,5%`` in Dutch."""
        if value is None:
            return MISSING
        return self.number(value, digits) + "%"


def clean(text: str | None) -> str:
    """User text made safe to place in a document: no control characters, trimmed.

    Line breaks and tabs stay (they become line breaks and tabs in Word); the other control
    characters are invalid in XML or would be taken as paragraph and page breaks.
    """
    if not text:
        return ""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def redact(text: str | None) -> str:
    """:func:`clean`, then personal data (names with a title, dates of birth, BSN, phone
    numbers, e-mail addresses) replaced by ``[…]`` (:mod:`qaudit.domain.privacy`)."""
    return redact_text(clean(text)).text
