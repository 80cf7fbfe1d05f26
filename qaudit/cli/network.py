"""``qaudit network meeting add|list``, ``network practices``, ``network consent``: step 10."""

from __future__ import annotations

from datetime import date

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.i18n import _


def register(commands: Commands) -> None:
    network = commands.add_parser("network", help=_("the learning network (step 10)"))
    actions = network.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    meeting = actions.add_parser("meeting", help=_("network meetings"))
    meeting_actions = meeting.add_subparsers(
        title=_("commands"), metavar=_("COMMAND"), required=True
    )
    add = meeting_actions.add_parser("add", help=_("record a network meeting"))
    add.add_argument(
        "--date", type=date.fromisoformat, required=True, metavar="DATE", help="YYYY-MM-DD"
    )
    add.add_argument("--theme", required=True, help=_("the meeting's theme"))
    add.add_argument("--host", type=record_id, metavar="ID", help=_("host location id"))
    add.add_argument(
        "--attendee",
        action="append",
        default=[],
        metavar="ID[:N]",
        help=_("a location that attended, with how many people (repeat)"),
    )
    add.add_argument("--shared", default="", help=_("what was shared (no personal details)"))
    add.add_argument("--notes", default="", help=_("notes (no personal details)"))
    add.add_argument(
        "--practice",
        action="append",
        type=record_id,
        default=[],
        metavar="ID",
        help=_("a good practice presented at the meeting (repeat)"),
    )
    add.set_defaults(handler=add_meeting)
    listing = meeting_actions.add_parser("list", help=_("list the network meetings"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_meetings)
    practices = actions.add_parser("practices", help=_("the library of good practices"))
    practices.add_argument("--promise", metavar="ID", help=_("only this promise, e.g. KB03"))
    practices.add_argument("--theme", metavar="ID", help=_("only this theme, e.g. T05"))
    practices.add_argument(
        "--all",
        action="store_true",
        help=_("also practices of locations that have not consented (staff only)"),
    )
    add_json_flag(practices)
    practices.set_defaults(handler=list_practices)
    consent = actions.add_parser(
        "consent", help=_("record whether a location lets the network share its practices")
    )
    consent.add_argument("location", type=record_id, metavar="LOCATION", help=_("location id"))
    choice = consent.add_mutually_exclusive_group(required=True)
    choice.add_argument("--give", dest="given", action="store_true", help=_("consent"))
    choice.add_argument("--withdraw", dest="given", action="store_false", help=_("no consent"))
    consent.add_argument("--by", default="", help=_("who decided, e.g. the location manager"))
    consent.add_argument(
        "--on", type=date.fromisoformat, metavar="DATE", help=_("date (default: today)")
    )
    consent.set_defaults(handler=record_consent)


def _attendance(values: list[str]) -> dict[int, int]:
    from qaudit.errors import QauditError

    out: dict[int, int] = {}
    for value in values:
        ident, _sep, count = value.partition(":")
        try:
            out[int(ident)] = int(count) if count else 1
        except ValueError:
            message = _("--attendee {value!r}: expected a location id, optionally :number")
            raise QauditError(message.format(value=value)) from None
    return out


def add_meeting(context: Context) -> int:
    from qaudit.services import network

    args = context.args
    meeting_id = network.add_meeting(
        context.engine(),
        held_on=args.date,
        theme=args.theme,
        host_location_id=args.host,
        attendance=_attendance(args.attendee),
        shared=args.shared,
        notes=args.notes,
        practice_ids=args.practice,
    )
    print(_("Network meeting {id} recorded.").format(id=meeting_id))
    return 0


def list_meetings(context: Context) -> int:
    from qaudit.services import network
    from qaudit.storage import transaction

    with transaction(context.engine()) as session:
        rows = network.meetings(session)
    if context.args.json:
        print_json([r.as_json() for r in rows])
        return 0
    print_table(
        [_("id"), _("date"), _("theme"), _("host"), _("attendance"), _("shared")],
        [
            [
                r.id,
                r.held_on.isoformat(),
                r.theme,
                r.host,
                ", ".join(f"{c} ({n})" for c, n in r.attendance),
                r.shared,
            ]
            for r in rows
        ],
    )
    return 0


def list_practices(context: Context) -> int:
    from qaudit.services import network

    args = context.args
    rows = network.library(
        context.engine(),
        date.today(),
        promise=args.promise,
        theme=args.theme,
        include_unshared=args.all,
    )
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    print_table(
        [_("id"), _("location"), _("promise"), _("theme"), _("source"), _("practice"), _("spread")],
        [
            [
                r.id,
                r.location if r.shared else r.location + " " + _("(no consent)"),
                r.promise_id or "",
                r.theme_id or "",
                _("strength") if r.source == "strength" else _("tip"),
                r.text,
                _("{meetings} meetings, {reached} locations").format(
                    meetings=r.meetings, reached=r.reached
                ),
            ]
            for r in rows
        ],
    )
    return 0


def record_consent(context: Context) -> int:
    from qaudit.services import network

    args = context.args
    network.set_consent(
        context.engine(), args.location, args.given, on=args.on or date.today(), by=args.by
    )
    message = (
        _("Location {id} consents to sharing its good practices.")
        if args.given
        else _("Location {id} does not share its good practices.")
    )
    print(message.format(id=args.location))
    return 0
