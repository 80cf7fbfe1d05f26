"""``qaudit evidence add|list|export|open|remove``: files and photos with an answer."""

from __future__ import annotations

from pathlib import Path

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.i18n import _


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "evidence", help=_("evidence files and photos with the answers of an assessment")
    )
    actions = parser.add_subparsers(title=_("actions"), metavar=_("ACTION"), required=True)

    add = actions.add_parser("add", help=_("attach a file or photo to a point's answer"))
    add.add_argument("assessment_id", type=record_id, metavar="ASSESSMENT_ID")
    add.add_argument("point_id", metavar="POINT_ID")
    add.add_argument("file", type=Path, metavar="FILE")
    add.add_argument(
        "--name", metavar="NAME", help=_("the name to store it under (default: the file's name)")
    )
    add.set_defaults(handler=add_evidence)

    listing = actions.add_parser("list", help=_("the files attached in an assessment"))
    listing.add_argument("assessment_id", type=record_id, metavar="ASSESSMENT_ID")
    listing.add_argument("--point", metavar="POINT_ID", help=_("only this measurement point"))
    add_json_flag(listing)
    listing.set_defaults(handler=list_evidence)

    export = actions.add_parser(
        "export", help=_("write every attached file to a folder (one folder per point)")
    )
    export.add_argument("assessment_id", type=record_id, metavar="ASSESSMENT_ID")
    export.add_argument("out_dir", type=Path, metavar="FOLDER")
    export.set_defaults(handler=export_evidence)

    remove = actions.add_parser("remove", help=_("detach a file from its point (by its id)"))
    remove.add_argument("evidence_id", type=record_id, metavar="EVIDENCE_ID")
    remove.set_defaults(handler=remove_evidence)


def add_evidence(context: Context) -> int:
    from qaudit.services import evidence

    args = context.args
    done = evidence.attach_file(
        context.engine(),
        args.assessment_id,
        args.point_id,
        args.file,
        name=args.name,
        max_mib=context.settings.evidence.max_mib,
    )
    view = done.view
    if not done.new_link:
        message = _("already attached: {name} to point {point} (evidence {id}); nothing changed")
    elif done.new_file:
        message = _("attached: {name} ({kind}, {size}) to point {point} (evidence {id})")
    else:
        message = _(
            "attached: {name} ({kind}, {size}) to point {point} (evidence {id}); "
            "the same file was already stored for this location, so it is stored once"
        )
    print(
        message.format(
            name=view.name, kind=view.label, size=view.size_text, point=view.point_id, id=view.id
        )
    )
    return 0


def list_evidence(context: Context) -> int:
    from qaudit.services import evidence
    from qaudit.storage import transaction

    with transaction(context.engine()) as session:
        views = evidence.listed(session, context.args.assessment_id, context.args.point)
    if context.args.json:
        print_json(
            [
                {
                    "id": v.id,
                    "point": v.point_id,
                    "name": v.name,
                    "media_type": v.media_type,
                    "size": v.size,
                    "sha256": v.sha256,
                    "attached_at": v.attached_at.isoformat(),
                    "attached_by": v.attached_by,
                }
                for v in views
            ]
        )
        return 0
    if not views:
        print(_("no evidence files attached"))
        return 0
    print_table(
        [_("id"), _("point"), _("name"), _("kind"), _("size"), _("attached")],
        [
            [
                v.id,
                v.point_id,
                v.name,
                v.label,
                v.size_text,
                f"{v.attached_at:%Y-%m-%d %H:%M} {v.attached_by}",
            ]
            for v in views
        ],
    )
    return 0


def export_evidence(context: Context) -> int:
    from qaudit.services import evidence

    folder = context.args.out_dir
    written = evidence.export(context.engine(), context.args.assessment_id, folder)
    message = _("{count} files written to {folder}")
    print(message.format(count=len(written), folder=folder))
    return 0


def remove_evidence(context: Context) -> int:
    from qaudit.services import evidence
    from qaudit.storage import transaction

    with transaction(context.engine()) as session:
        view = evidence.remove(session, context.args.evidence_id)
    message = _("detached: {name} from point {point} of assessment {assessment}")
    print(message.format(name=view.name, point=view.point_id, assessment=view.assessment_id))
    return 0
