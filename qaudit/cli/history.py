"""``qaudit history``: who changed what in an assessment, and when."""

from __future__ import annotations

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.i18n import _


def register(commands: Commands) -> None:
    parser = commands.add_parser("history", help=_("who changed what in an assessment, and when"))
    parser.add_argument(
        "--assessment", type=record_id, required=True, metavar="ID", help=_("assessment id")
    )
    parser.add_argument("--point", metavar="POINT", help=_("only this measurement point"))
    add_json_flag(parser)
    parser.set_defaults(handler=show_history)


def show_history(context: Context) -> int:
    from qaudit.services.history import history_of

    entries = history_of(context.engine(), context.args.assessment, context.args.point)
    if context.args.json:
        print_json([e.as_json() for e in entries])
        return 0
    print_table(
        [_("when"), _("who"), _("action"), _("point"), _("what changed")],
        [
            [
                e.at.strftime("%Y-%m-%d %H:%M"),
                f"{e.person} ({e.actor})" if e.person else e.actor,
                e.action,
                e.point,
                e.changes,
            ]
            for e in entries
        ],
    )
    return 0
