"""``qaudit person list`` and ``qaudit person absent``: who is who, and who is away when."""

from __future__ import annotations

from qaudit.cli.arguments import day, record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.i18n import _


def register(commands: Commands) -> None:
    person = commands.add_parser("person", help=_("the people: auditors, visitors, assessors"))
    actions = person.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    listing = actions.add_parser("list", help=_("list the people with their ids and absences"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_people)
    absent = actions.add_parser("absent", help=_("record a period in which someone cannot go"))
    absent.add_argument("id", type=record_id, metavar="ID", help=_("person id"))
    absent.add_argument(
        "--from",
        dest="start",
        type=day,
        required=True,
        metavar="DATE",
        help=_("first day (YYYY-MM-DD)"),
    )
    absent.add_argument(
        "--until",
        dest="end",
        type=day,
        required=True,
        metavar="DATE",
        help=_("last day (YYYY-MM-DD)"),
    )
    absent.add_argument("--note", default="", help=_("why (no personal details)"))
    absent.set_defaults(handler=record_absence)


def list_people(context: Context) -> int:
    from qaudit.services.people import people_rows
    from qaudit.storage import transaction

    with transaction(context.engine()) as session:
        rows = people_rows(session)
    if context.args.json:
        print_json(rows)
        return 0
    print_table(
        [_("id"), _("name"), _("roles"), _("organisation"), _("absent")],
        [
            [
                r["id"],
                r["name"],
                ", ".join(r["roles"]),
                r["organisation"],
                "; ".join(f"{a['from']}–{a['until']}" for a in r["absences"]),
            ]
            for r in rows
        ],
    )
    return 0


def record_absence(context: Context) -> int:
    from qaudit.services.people import add_absence

    args = context.args
    add_absence(context.engine(), args.id, args.start, args.end, args.note)
    print(
        _("Recorded: person {id} is away from {start} until {end}.").format(
            id=args.id, start=args.start.isoformat(), end=args.end.isoformat()
        )
    )
    return 0
