"""``qaudit feedback`` and ``qaudit unit``: client-experience feedback and a location's units."""

from __future__ import annotations

import argparse
from pathlib import Path

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.i18n import _


def register(commands: Commands) -> None:
    _register_feedback(commands)
    _register_units(commands)


def _location(parser: argparse.ArgumentParser, required: bool = False, help: str = "") -> None:
    parser.add_argument(
        "--location",
        type=record_id,
        required=required,
        metavar="ID",
        help=help or _("the location (see 'qaudit location list')"),
    )


def _register_feedback(commands: Commands) -> None:
    feedback = commands.add_parser("feedback", help=_("client-experience feedback"))
    actions = feedback.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)

    template = actions.add_parser("template", help=_("write the Excel workbook to fill in"))
    template.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    _location(template, help=_("make it for this location (its units in a drop-down)"))
    template.set_defaults(handler=template_command)

    imp = actions.add_parser("import", help=_("import a filled-in feedback workbook"))
    imp.add_argument("file", type=Path, metavar="FILE.xlsx")
    _location(imp, help=_("the location (needed when the workbook names none)"))
    imp.add_argument(
        "--dry-run", action="store_true", help=_("only check and count; change nothing")
    )
    add_json_flag(imp)
    imp.set_defaults(handler=import_command)

    from qaudit.cli.voice_summary import register_summary

    register_summary(actions)


def _register_units(commands: Commands) -> None:
    unit = commands.add_parser("unit", help=_("the units (afdelingen) of a location"))
    actions = unit.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    add = actions.add_parser("add", help=_("add a unit to a location"))
    _location(add, required=True)
    add.add_argument("name", metavar="NAME")
    add.set_defaults(handler=unit_add_command)
    listing = actions.add_parser("list", help=_("the units of a location"))
    _location(listing, required=True)
    add_json_flag(listing)
    listing.set_defaults(handler=unit_list_command)


def template_command(context: Context) -> int:
    from qaudit.services.voice_feedback import write_feedback_template

    args = context.args
    out = write_feedback_template(context.engine(), args.out, args.location)
    print(_("Written: {file}").format(file=out))
    return 0


def import_command(context: Context) -> int:
    from qaudit.services.voice_feedback import import_feedback

    args = context.args
    result = import_feedback(context.engine(), args.file, args.location, dry_run=args.dry_run)
    if args.json:
        print_json(result.as_json())
        return 0
    print(result)
    if args.dry_run:
        print(_("Dry run: nothing was changed."))
    return 0


def unit_add_command(context: Context) -> int:
    from qaudit.services.voice_feedback import add_unit

    unit = add_unit(context.engine(), context.args.location, context.args.name)
    print(_("Unit {id} added: {name}").format(id=unit.id, name=unit.name))
    return 0


def unit_list_command(context: Context) -> int:
    from qaudit.services.voice_feedback import units
    from qaudit.storage import transaction

    with transaction(context.engine()) as session:
        rows = [(u.id, u.name) for u in units(session, context.args.location)]
    if context.args.json:
        print_json([{"id": i, "name": n} for i, n in rows])
    else:
        print_table([_("id"), _("unit")], rows)
    return 0
