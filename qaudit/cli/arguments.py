"""Argument types that refuse what the database or the calendar cannot hold (exit 2)."""

from __future__ import annotations

import argparse
from datetime import date

from qaudit.i18n import _

MAX_ID = 2**31 - 1
"""The largest id a PostgreSQL ``integer`` column holds (SQLite holds more; we need both)."""
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)
"""Dates outside these are typing mistakes, and would overflow the planner's arithmetic."""


def record_id(text: str) -> int:
    """A positive id that fits every database's integer column."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not an id (a whole number): {text}").format(text=text)
        ) from None
    if not 1 <= value <= MAX_ID:
        raise argparse.ArgumentTypeError(
            _("not a valid id: {text} (ids run from 1 to {max})").format(text=text, max=MAX_ID)
        )
    return value


def count(text: str) -> int:
    """A positive number of something (places, care providers) that fits every database."""
    return _number(text, 1)


def amount(text: str) -> int:
    """A number of something that may be none (participants, reviews)."""
    return _number(text, 0)


def _number(text: str, lowest: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a whole number: {text}").format(text=text)
        ) from None
    if not lowest <= value <= MAX_ID:
        message = (
            _("not a valid number: {text} (from 1 to {max})")
            if lowest == 1
            else _("not a valid number: {text} (from 0 to {max})")
        )
        raise argparse.ArgumentTypeError(message.format(text=text, max=MAX_ID))
    return value


def record_ids(text: str) -> tuple[int, ...]:
    """A comma-separated list of ids (``1,2,3``)."""
    try:
        return tuple(record_id(part.strip()) for part in text.split(",") if part.strip())
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            _("not a list of ids (1,2,3): {text}").format(text=text)
        ) from None


def day(text: str) -> date:
    """A calendar day ``YYYY-MM-DD`` between 1900 and 2199."""
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date (YYYY-MM-DD): {text}").format(text=text)
        ) from None
    if not FIRST_DAY <= value <= LAST_DAY:
        raise argparse.ArgumentTypeError(
            _("not a plausible date: {text} (between {first} and {last})").format(
                text=text, first=FIRST_DAY, last=LAST_DAY
            )
        )
    return value
