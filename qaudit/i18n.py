"""User-facing language through gettext catalogs.

Message ids are English; Dutch (the default) comes from the catalogs in
``qaudit/locale/nl/LC_MESSAGES/*.mo``, one catalog per area of the program (core, tui,
reports, excel, schedule, …), chained into one translation whose catalogs are read when a
lookup first reaches them. ``scripts/i18n.py`` extracts,
updates and compiles them.
"""

from __future__ import annotations

import gettext
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from qaudit.paths import locale_dir

DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")
_language = DEFAULT_LANGUAGE
_local = threading.local()


FIRST = ("tui", "core", "clientvoice")
"""The catalogs the dashboard's words come from (the terminal UI's, the shared vocabulary,
the client's voice evaluations it lists): searched, and so read, first. The others are read
when a lookup first reaches them (a message not found before them, e.g. a report's words),
so the workbench's first frame reads three of the nine catalogs."""


class _Catalog(gettext.NullTranslations):
    """One catalog file, read the first time a message is looked up in it; a message it does
    not have is looked up in the next one (``fallback``)."""

    def __init__(self, path: Path, fallback: gettext.NullTranslations) -> None:
        super().__init__()
        self._path = path
        self._next = fallback
        self._read: gettext.NullTranslations | None = None

    def _catalog(self) -> gettext.NullTranslations:
        if self._read is None:  # two threads may both read it: the same catalog either way
            with self._path.open("rb") as handle:
                read = gettext.GNUTranslations(handle)
            read.add_fallback(self._next)
            self._read = read
        return self._read

    def gettext(self, message: str) -> str:
        return self._catalog().gettext(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._catalog().ngettext(msgid1, msgid2, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog().pgettext(context, message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._catalog().npgettext(context, msgid1, msgid2, n)


@cache
def translation(language: str) -> gettext.NullTranslations:
    """All catalogs of one language, chained (:data:`FIRST` first, each read when first
    needed); English falls through to the message ids."""
    folder = locale_dir() / language / "LC_MESSAGES"
    files = sorted(folder.glob("*.mo")) if folder.is_dir() else []
    files.sort(key=lambda mo: FIRST.index(mo.stem) if mo.stem in FIRST else len(FIRST))
    chain = gettext.NullTranslations()
    for mo in reversed(files):
        chain = _Catalog(mo, chain)
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
