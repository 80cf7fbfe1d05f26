"""``qaudit locate``: where config, data and the database live."""

from __future__ import annotations

from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.i18n import _
from qaudit.paths import checklists_dir, report_templates_dir, user_dirs


def register(commands: Commands) -> None:
    parser = commands.add_parser("locate", help=_("print where config, data and database live"))
    add_json_flag(parser)
    parser.set_defaults(handler=locate)


def locate(context: Context) -> int:
    dirs = user_dirs()
    places = {
        "config_file": str(dirs.config_file),
        "data_dir": str(dirs.data),
        "database": _masked(context.database_url),
        "demo_database": str(dirs.demo_database_file),
        "checklists": str(checklists_dir()),
        "report_templates": context.settings.template_dir or str(report_templates_dir()),
    }
    if context.args.json:
        print_json(places)
    else:
        print_table([_("what"), _("where")], list(places.items()))
    return 0


def _masked(url: str) -> str:
    """The database URL with its password hidden (``***``)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        from qaudit.storage.faults import masked_url

        return masked_url(url)
