"""``qaudit demo``: a separate demo database with a fictional cooperative."""

from __future__ import annotations

from qaudit.cli.common import Commands, Context
from qaudit.i18n import _


def register(commands: Commands) -> None:
    parser = commands.add_parser("demo", help=_("open the workbench on a demo database"))
    parser.add_argument(
        "--create-only",
        action="store_true",
        help=_("write the demo database, print its path and stop"),
    )
    parser.add_argument(
        "--reset", action="store_true", help=_("throw away the demo database and write it anew")
    )
    parser.set_defaults(handler=demo)


def _explicit_database(context: Context) -> str | None:
    """``--database`` or ``QAUDIT_DATABASE_URL``: the demo goes there instead of its own file."""
    import os

    return context.args.database or os.environ.get("QAUDIT_DATABASE_URL") or None


def demo_on(context: Context) -> int:
    """Write the demo cooperative into a database named by the user (PostgreSQL included)."""
    from qaudit.errors import QauditError
    from qaudit.services.demo import build_demo

    if context.args.reset:
        raise QauditError(
            _("--reset only throws away the separate demo file, not a database named by --database")
        )
    engine = context.engine()
    shown = engine.url.render_as_string(hide_password=True)
    if build_demo(engine):
        print(_("Demo cooperative written to {url}.").format(url=shown))
    else:
        print(_("{url} already holds data; the demo was not written.").format(url=shown))
    if context.args.create_only:
        return 0
    from qaudit.cli.ui import run_ui

    return run_ui(context)


def demo(context: Context) -> int:
    explicit = _explicit_database(context)
    if explicit:
        return demo_on(context)
    from qaudit.config import sqlite_url
    from qaudit.paths import user_dirs
    from qaudit.services.database import open_database
    from qaudit.services.demo import build_demo

    path = user_dirs().demo_database_file
    if context.args.reset:
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    url = sqlite_url(path)
    created = build_demo(open_database(url))
    if context.args.create_only:
        print(path)
        return 0
    if created:
        print(_("Demo database written to {path}.").format(path=path))
    from qaudit.cli.ui import run_ui

    return run_ui(context, url)
