"""``qaudit db upgrade|current|check``: schema migrations and the database's invariants."""

from __future__ import annotations

from qaudit.cli.common import Commands, Context
from qaudit.i18n import _


def register(commands: Commands) -> None:
    parser = commands.add_parser("db", help=_("database schema migrations"))
    actions = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    actions.add_parser("upgrade", help=_("create or upgrade the schema")).set_defaults(
        handler=upgrade
    )
    actions.add_parser("current", help=_("print the schema revision")).set_defaults(handler=current)
    actions.add_parser(
        "check", help=_("verify the database's invariants (reads only; exit 1 naming problems)")
    ).set_defaults(handler=check)


def upgrade(context: Context) -> int:
    from qaudit.storage import make_engine
    from qaudit.storage.schema import HEAD, upgrade

    engine = make_engine(context.database_url)
    backup = upgrade(engine)
    if backup is not None:
        print(_("Backup of the database before the upgrade: {path}").format(path=backup))
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


def check(context: Context) -> int:
    import sys

    from qaudit.services.dbcheck import check_database
    from qaudit.storage import make_engine

    problems = check_database(make_engine(context.database_url))
    for problem in problems:
        print(f"qaudit: {problem}", file=sys.stderr)
    if problems:
        print(_("{count} problems found.").format(count=len(problems)), file=sys.stderr)
        return 1
    print(_("OK: the database keeps every invariant."))
    return 0
