"""``qaudit`` (no command) and ``qaudit ui``: the terminal workbench."""

from __future__ import annotations

from qaudit.cli.common import Commands, Context
from qaudit.i18n import _


def register(commands: Commands) -> None:
    parser = commands.add_parser("ui", help=_("open the terminal workbench (the default)"))
    parser.set_defaults(handler=run_ui)


def run_ui(context: Context, url: str | None = None) -> int:
    from qaudit.tui.app import run

    run(settings=context.settings, database_url=url or context.database_url)
    return 0
