"""Let argparse's own words (usage, options, errors) follow the user's language.

argparse translates its messages with the standard library's ``gettext.gettext``, that is
through gettext's global domain and the languages in ``LANGUAGE``; both are set here, public
API only, to the catalog that holds argparse's messages (``core``, see ``MESSAGES``).
``LANGUAGE`` is set only while argparse speaks (:func:`speaking`, used by
``cli.common.Parser``), so no other library and no child process inherits it.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager

from qaudit.i18n import N_
from qaudit.paths import locale_dir

DOMAIN = "core"
"""The catalog (``qaudit/locale/<language>/LC_MESSAGES/core.mo``) with argparse's messages."""

# argparse's messages, marked here so they are extracted into our catalog.
MESSAGES = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"),
)


def install() -> None:
    """Point gettext's global domain (the one argparse uses) at our catalog."""
    gettext.bindtextdomain(DOMAIN, str(locale_dir()))
    gettext.textdomain(DOMAIN)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """argparse speaks ``language`` inside the block (English: its own message ids)."""
    previous = os.environ.get("LANGUAGE")
    os.environ["LANGUAGE"] = language
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = previous
