"""``qaudit db upgrade|current``: schema migrations."""

from __future__ import annotations

import argparse

from qaudit.cli.common import Context
from qaudit.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("db", help=_("database schema migrations"))
    actions = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    actions.add_parser("upgrade", help=_("create or upgrade the schema")).set_defaults(
        handler=upgrade
    )
    actions.add_parser("current", help=_("print the schema revision")).set_defaults(handler=current)


def upgrade(context: Context) -> int:
    from qaudit.storage import make_engine
    from qaudit.storage.schema import HEAD, upgrade

    engine = make_engine(context.database_url)
    upgrade(engine)
    print(_("Schema is at revision {revision}.").format(revision=HEAD))
    return 0


def current(context: Context) -> int:
    from qaudit.storage import make_engine
    from qaudit.storage.schema import HEAD, check_schema

    revision = check_schema(make_engine(context.database_url))
    if revision is None:
        print(_("No schema yet (run 'qaudit db upgrade')."))
    elif revision == HEAD:
        print(_("{revision} (current)").format(revision=revision))
    else:
        print(_("{revision} (upgrade available to {head})").format(revision=revision, head=HEAD))
    return 0
