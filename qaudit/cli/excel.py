"""``qaudit excel export|import|results``: the self-evaluation round trip through Excel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Context, add_json_flag, print_json
from qaudit.i18n import _

if TYPE_CHECKING:
    from qaudit.excel.preview import ImportPreview

RESOLVE = ("keep-ours", "take-theirs", "ask")


def register(commands: argparse._SubParsersAction) -> None:
    excel = commands.add_parser("excel", help=_("export and import self-evaluations in Excel"))
    actions = excel.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)

    export = actions.add_parser("export", help=_("write an assessment to an Excel workbook"))
    export.add_argument(
        "--assessment",
        type=record_id,
        required=True,
        metavar="ID",
        help=_("the assessment (see 'qaudit assessment list')"),
    )
    export.add_argument(
        "--out", type=Path, required=True, metavar="FILE.xlsx", help=_("the workbook to write")
    )
    export.set_defaults(handler=export_command)

    imp = actions.add_parser("import", help=_("read a filled-in workbook back"))
    imp.add_argument("file", type=Path, metavar="FILE.xlsx")
    imp.add_argument(
        "--dry-run", action="store_true", help=_("only show what would change; change nothing")
    )
    imp.add_argument(
        "--resolve",
        choices=RESOLVE,
        help=_(
            "for answers changed in qaudit after the export: keep qaudit's "
            "(keep-ours), take the file's (take-theirs) or ask for each "
            "(default: ask on a terminal, otherwise refuse)"
        ),
    )
    imp.add_argument(
        "--assessment",
        type=record_id,
        metavar="ID",
        help=_("refuse the file unless it belongs to this assessment"),
    )
    add_json_flag(imp)
    imp.set_defaults(handler=import_command)

    results = actions.add_parser(
        "results", help=_("all answers of all assessments in one workbook, for analysis")
    )
    results.add_argument(
        "--out", type=Path, required=True, metavar="FILE.xlsx", help=_("the workbook to write")
    )
    results.set_defaults(handler=results_command)


def export_command(context: Context) -> int:
    from qaudit.cli.report import redaction_note
    from qaudit.services.excel import export_workbook

    done = export_workbook(context.engine(), context.args.assessment, context.args.out)
    print(_("Written: {file}").format(file=done.path))
    if done.redactions:
        print(redaction_note(done.path.name, done.redactions), file=sys.stderr)
    return 0


def results_command(context: Context) -> int:
    from qaudit.services.excel import export_results

    out = export_results(context.engine(), context.args.out)
    print(_("Written: {file}").format(file=out))
    return 0


def import_command(context: Context) -> int:
    from qaudit.services.excel import apply_import, preview_import

    args = context.args
    engine = context.engine()
    preview = preview_import(engine, args.file, expected_assessment=args.assessment)
    if args.json and args.dry_run:
        print_json(preview.as_json())
        return 0
    print(preview)
    if args.dry_run:
        print(_("Dry run: nothing was changed."))
        return 0
    if not preview.has_changes:
        print(_("Nothing to import: the workbook holds no new or changed answers."))
        return 0
    result = apply_import(engine, preview, take_theirs=_choose(preview, args.resolve))
    print(result)
    return 0


def _choose(preview: ImportPreview, resolve: str | None) -> set[str] | bool:
    """Which conflicts take the file's answer; never decided silently."""
    from qaudit.errors import Refused

    if not preview.conflicts:
        return False
    if resolve is None:
        if not sys.stdin.isatty():
            raise Refused(
                _(
                    "{n} answers were changed in qaudit after the export and differ "
                    "in the file; nothing was imported. Choose with --resolve "
                    "keep-ours, take-theirs or ask"
                ).format(n=len(preview.conflicts))
            )
        resolve = "ask"
    if resolve != "ask":
        return resolve == "take-theirs"
    return _ask(preview)


def _ask(preview: ImportPreview) -> set[str]:
    from qaudit.excel.preview import show

    taken: set[str] = set()
    for change in preview.conflicts:
        print(
            _("{point}: in qaudit “{ours}”, in the file “{theirs}”").format(
                point=change.point_id, ours=show(change.before), theirs=show(change.after)
            )
        )
        while True:
            reply = input(_("Keep qaudit's answer (q) or take the file's (f)? ")).strip().lower()
            if reply in ("q", "f"):
                break
        if reply == "f":
            taken.add(change.point_id)
    return taken
