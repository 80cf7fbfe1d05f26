"""User-facing language through gettext catalogs.

Message ids are English; Dutch (the default) comes from the catalogs in
``qaudit/locale/nl/LC_MESSAGES/*.mo``, one catalog per area of the program (core, tui,
reports, excel, schedule), chained into one translation. ``scripts/i18n.py`` extracts,
updates and compiles them.
"""

from __future__ import annotations

import gettext
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from qaudit.paths import locale_dir

DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")
_language = DEFAULT_LANGUAGE
_local = threading.local()


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
    """The language of this thread: its :func:`using_language` override, else the global one."""
    return getattr(_local, "language", None) or _language


@contextmanager
def using_language(language: str | None) -> Iterator[None]:
    """Speak ``language`` in this thread only (e.g. a report written by a UI worker)."""
    previous = getattr(_local, "language", None)
    _local.language = language
    try:
        yield
    finally:
        _local.language = previous


_known: dict[str, dict[str, str]] = {}
"""language -> message -> its translation, as looked up (the catalogs never change while
qaudit runs; a lookup through the chain of catalogs costs a dozen dictionary misses)."""


def _(message: str) -> str:
    """Translate ``message`` into the current language ("" stays "": gettext would give
    the catalog's header, e.g. for a binding without a tooltip translated when drawn)."""
    if not message:
        return ""
    language = get_language()
    known = _known.get(language)
    if known is None:
        known = _known.setdefault(language, {})
    found = known.get(message)
    if found is None:
        found = known[message] = translation(language).gettext(message)
    return found


def ngettext(singular: str, plural: str, n: int) -> str:
    return translation(get_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now (translate when shown)."""
    return message
