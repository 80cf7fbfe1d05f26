"""``qaudit location list`` and ``qaudit assessment list``: what is in the database, with ids."""

from __future__ import annotations

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.i18n import _


def register(commands: Commands) -> None:
    location = commands.add_parser("location", help=_("the locations"))
    actions = location.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    listing = actions.add_parser("list", help=_("list the locations with their ids"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_locations)

    assessment = commands.add_parser("assessment", help=_("the assessments"))
    actions = assessment.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    listing = actions.add_parser("list", help=_("list the assessments with their ids"))
    listing.add_argument("--location", type=record_id, metavar="ID", help=_("only this location"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_assessments)
    from qaudit.cli.work import register_cancel, register_start

    register_start(actions)
    register_cancel(actions)


def list_locations(context: Context) -> int:
    from qaudit.services import locations
    from qaudit.storage import transaction

    with transaction(context.engine()) as session:
        rows = locations.list_locations(session)
    if context.args.json:
        print_json([row.as_json() for row in rows])
        return 0
    print_table(
        [_("id"), _("code"), _("location"), _("organisation"), _("city"), _("step")],
        [
            [r.id, r.code, r.name, r.organisation, r.city, f"{int(r.step)} {r.step.label}"]
            for r in rows
        ],
    )
    return 0


def list_assessments(context: Context) -> int:
    from qaudit.services import overview
    from qaudit.storage import transaction

    with transaction(context.engine()) as session:
        rows = overview.assessment_rows(session, location_id=context.args.location)
    if context.args.json:
        print_json(rows)
        return 0
    print_table(
        [
            _("id"),
            _("location"),
            _("kind"),
            _("status"),
            _("started"),
            _("answered"),
            _("score"),
            _("verdict"),
        ],
        [
            [
                r["id"],
                r["location"],
                r["kind_name"],
                r["status_name"],
                r["started_on"],
                f"{r['answered']}/{r['points']}",
                "" if r["percent"] is None else f"{r['percent']:.0f}%",
                r["verdict_name"],
            ]
            for r in rows
        ],
    )
    return 0
