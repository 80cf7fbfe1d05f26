"""User-facing language through gettext catalogs.

Message ids are English; Dutch (the default) comes from the catalogs in
``qaudit/locale/nl/LC_MESSAGES/*.mo``, one catalog per area of the program (core, tui,
reports, excel, schedule), chained into one translation. ``scripts/i18n.py`` extracts,
updates and compiles them.
"""

from __future__ import annotations

import gettext
from functools import cache

from qaudit.paths import locale_dir

DEFAULT_LANGUAGE = "nl"
_language = DEFAULT_LANGUAGE


@cache
def translation(language: str) -> gettext.NullTranslations:
    """All catalogs of one language, chained; English falls through to the message ids."""
    folder = locale_dir() / language / "LC_MESSAGES"
    chain: gettext.NullTranslations = gettext.NullTranslations()
    for mo in sorted(folder.glob("*.mo")) if folder.is_dir() else []:
        with mo.open("rb") as handle:
            catalog = gettext.GNUTranslations(handle)
        catalog.add_fallback(chain)
        chain = catalog
    return chain


def set_language(language: str) -> None:
    global _language
    _language = language


def get_language() -> str:
    return _language


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return translation(_language).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translation(_language).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (translate when shown)."""
    return message
