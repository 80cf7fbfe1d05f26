"""The answer scale as people type it in a spreadsheet, in Dutch and in English.

The drop-down offers the results' own labels (``Result.label``) in the current language;
the import accepts both languages, any case and spacing, with or without dots ("n.v.t.",
"nvt", "N V T"), and the stored values ("voldoet_deels"). Anything else is refused by the reader.
"""

from __future__ import annotations

import re
import unicodedata

from qaudit.domain.enums import Result
from qaudit.excel.cells import shown
from qaudit.i18n import LANGUAGES, _, get_language, using_language


def _labels_in(language: str) -> dict[Result, str]:
    with using_language(language):
        return {result: result.label if result.answered else "" for result in Result}


LABELS: dict[str, dict[Result, str]] = {language: _labels_in(language) for language in LANGUAGES}
"""The answer scale in each language: the results' own labels (``Result.label``)."""

_SYNONYMS: dict[Result, tuple[str, ...]] = {
    Result.COMPLIANT: ("voldoet", "compliant"),
    Result.PARTLY: (
        "voldoet deels",
        "deels",
        "partly compliant",
        "partially compliant",
        "partly",
        "partial",
    ),
    Result.NOT_COMPLIANT: ("voldoet niet", "niet", "not compliant", "non compliant"),
    Result.NOT_APPLICABLE: ("n.v.t.", "niet van toepassing", "not applicable", "n/a"),
    Result.NOT_ASSESSED: (
        "",
        "nog niet beoordeeld",
        "niet beoordeeld",
        "nog niet",
        "not yet assessed",
        "not assessed",
    ),
}

_IGNORED = re.compile(r"[\s._/-]+")


def _key(text: str) -> str:
    """Case, spaces, dots, slashes, hyphens and underscores do not count."""
    return _IGNORED.sub("", text.casefold())


_BY_KEY: dict[str, Result] = {
    _key(text): result
    for result in Result
    for text in (*_SYNONYMS[result], result.value, *(labels[result] for labels in LABELS.values()))
}


def labels() -> dict[Result, str]:
    """The labels of the current language (Dutch unless English is chosen)."""
    return LABELS.get(get_language(), LABELS["nl"])


def label(result: Result) -> str:
    return labels()[result]


def choices() -> list[str]:
    """What the drop-down offers: every answer except "not yet assessed" (an empty cell)."""
    return [text for result, text in labels().items() if result is not Result.NOT_ASSESSED]


def parse(value: object) -> Result | None:
    """The result a cell value means, or None when it is not on the scale.

    Punctuation alone ("-", "/", ".") is not an empty cell: it would erase an answer
    without anyone meaning to. Invisible characters and letters of other scripts that
    look like ours ("vоldoet" with a Cyrillic о) are refused, never guessed.
    """
    if value is None:
        return Result.NOT_ASSESSED
    if not isinstance(value, str) or _odd_character(value) is not None:
        return None
    key = _key(value)
    if not key and value.strip():
        return None
    return _BY_KEY.get(key)


def _odd_character(text: str) -> str | None:
    """The first character that is invisible or not plain ASCII (spaces excepted)."""
    for char in text:
        if char.isascii() and (char.isprintable() or char in "\t\n\r"):
            continue
        if unicodedata.category(char) == "Zs":
            continue
        return char
    return None


def refusal(value: object) -> str:
    """Why a cell value is not an answer, in one short line."""
    options = ", ".join(choices())
    if isinstance(value, str):
        odd = _odd_character(value)
        code = f"U+{ord(odd):04X}" if odd else ""
        if odd is not None and not odd.isprintable():
            return _(
                "the answer contains an invisible character ({code}); clear the cell and "
                "choose from the list: {options}"
            ).format(code=code, options=options)
        if odd is not None and unicodedata.category(odd).startswith("L"):
            return _(
                "“{value}” contains “{char}” ({code}), a letter that only looks like ours; "
                "clear the cell and choose from the list: {options}"
            ).format(value=shown(value), char=odd, code=code, options=options)
        if value.strip() and not _key(value):
            return _(
                "“{value}” is not an answer; to leave a point unassessed, empty the cell. "
                "Use one of: {options}"
            ).format(value=shown(value), options=options)
    return _("“{value}” is not an answer; use one of: {options} (or leave it empty)").format(
        value=shown(value), options=options
    )
