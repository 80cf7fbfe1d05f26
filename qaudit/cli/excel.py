"""``qaudit excel export|import|results``: the self-evaluation round trip through Excel."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json
from qaudit.i18n import _, ngettext

if TYPE_CHECKING:
    from qaudit.excel.preview import ImportPreview, ImportResult

RESOLVE = ("keep-ours", "take-theirs", "ask")


def register(commands: Commands) -> None:
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
    if not args.json:
        print(preview)
    if args.dry_run or not preview.has_changes:
        return _finish(args.json, preview, None, dry_run=args.dry_run)
    taken = _choose(preview, args.resolve, interactive=not args.json)
    if taken is None:
        print(_("Cancelled: nothing was imported."), file=sys.stderr)
        return 1
    result = apply_import(engine, preview, take_theirs=taken)
    return _finish(args.json, preview, result, dry_run=False)


def _finish(
    as_json: bool, preview: ImportPreview, result: ImportResult | None, *, dry_run: bool
) -> int:
    if as_json:
        data = preview.as_json()
        data["dry_run"] = dry_run
        data["result"] = result.as_json() if result else None
        print_json(data)
    elif dry_run:
        print(_("Dry run: nothing was changed."))
    elif result is None:
        print(_("Nothing to import: the workbook holds no new or changed answers."))
    else:
        print(result)
    return 0


def _choose(
    preview: ImportPreview, resolve: str | None, *, interactive: bool
) -> set[str] | bool | None:
    """Which conflicts take the file's answer; never decided silently. None: cancelled."""
    from qaudit.errors import Refused

    if not preview.conflicts:
        return False
    if resolve is None:
        if not (interactive and sys.stdin.isatty()):
            raise Refused(
                ngettext(
                    "{n} answer was changed in qaudit after the export and differs "
                    "in the file; nothing was imported. Choose with --resolve "
                    "keep-ours, take-theirs or ask",
                    "{n} answers were changed in qaudit after the export and differ "
                    "in the file; nothing was imported. Choose with --resolve "
                    "keep-ours, take-theirs or ask",
                    len(preview.conflicts),
                ).format(n=len(preview.conflicts))
            )
        resolve = "ask"
    if resolve != "ask":
        return resolve == "take-theirs"
    if not interactive:
        raise Refused(
            _("--resolve ask cannot be combined with --json; choose keep-ours or take-theirs")
        )
    return _ask(preview)


def _ask(preview: ImportPreview) -> set[str] | None:
    """Ask per conflict; None when the input ends (Ctrl-D) or is interrupted (Ctrl-C)."""
    from qaudit.excel.preview import show

    taken: set[str] = set()
    for change in preview.conflicts:
        print(
            _("{point}: in qaudit “{ours}”, in the file “{theirs}”").format(
                point=change.point_id, ours=show(change.before), theirs=show(change.after)
            )
        )
        while True:
            try:
                reply = input(_("Keep qaudit's answer (q) or take the file's (f)? "))
            except (EOFError, KeyboardInterrupt):
                print()
                return None
            reply = reply.strip().lower()
            if reply in ("q", "f"):
                break
        if reply == "f":
            taken.add(change.point_id)
    return taken
