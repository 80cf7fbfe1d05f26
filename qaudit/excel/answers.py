"""The answer scale as people type it in a spreadsheet, in Dutch and in English.

The drop-down offers the labels of the current language; the import accepts both
languages, any case and spacing, with or without dots ("n.v.t.", "nvt", "N V T"), and the
stored values ("voldoet_deels"). Anything else is refused by the reader.
"""

from __future__ import annotations

import re

from qaudit.domain.enums import Result
from qaudit.i18n import get_language

LABELS: dict[str, dict[Result, str]] = {
    "nl": {
        Result.COMPLIANT: "voldoet",
        Result.PARTLY: "voldoet deels",
        Result.NOT_COMPLIANT: "voldoet niet",
        Result.NOT_APPLICABLE: "n.v.t.",
        Result.NOT_ASSESSED: "",
    },
    "en": {
        Result.COMPLIANT: "compliant",
        Result.PARTLY: "partly compliant",
        Result.NOT_COMPLIANT: "not compliant",
        Result.NOT_APPLICABLE: "not applicable",
        Result.NOT_ASSESSED: "",
    },
}

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
    """The result a cell value means, or None when it is not on the scale."""
    if value is None:
        return Result.NOT_ASSESSED
    if not isinstance(value, str):
        return None
    return _BY_KEY.get(_key(value))
