"""``qaudit report KIND``: Word reports (and PDF copies) from the templates staff can restyle."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from qaudit.cli.common import Context, add_json_flag, print_json
from qaudit.i18n import _

if TYPE_CHECKING:
    from qaudit.services.reports import Written

KINDS = ("basis-op-orde", "visitatie", "cirkel", "advies", "overzicht")
"""The report kinds (``qaudit.reports.kinds.KINDS``), named here so ``--help`` stays light."""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report",
        help=_("write a Word report"),
        description=_(
            "Write a Word report from the templates in report_templates/ (or your own, see "
            "--template): basis-op-orde (audit report), visitatie (appreciative visitation), "
            "cirkel (Cirkel van Kwaliteit@), advies (quality advice letter to the board), "
            "overzicht (the whole cooperative, no assessment)."
        ),
    )
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=" | ".join(KINDS))
    parser.add_argument(
        "--assessment",
        type=int,
        action="append",
        metavar="ID",
        help=_("the assessment (see 'qaudit assessment list'); repeat it for a batch"),
    )
    parser.add_argument(
        "--all", action="store_true", help=_("a report on every assessment of the right kind")
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--out", type=Path, metavar="FILE.docx", help=_("the file to write (one report)")
    )
    where.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help=_("the folder to write into, as KIND-LOCATION-ID.docx (created if needed)"),
    )
    parser.add_argument(
        "--template",
        type=Path,
        metavar="DIR",
        help=_(
            "a folder of templates to use instead of the shipped ones "
            "(default: the setting template_dir)"
        ),
    )
    parser.add_argument(
        "--pdf", action="store_true", help=_("also write a PDF copy (needs LibreOffice)")
    )
    add_json_flag(parser)
    parser.set_defaults(handler=report_command, report_parser=parser)


def report_command(context: Context) -> int:
    from qaudit.services.reports import style_of, template_dir_of, write_one, write_reports

    args = context.args
    parser: argparse.ArgumentParser = args.report_parser
    ids: list[int] = args.assessment or []
    if args.all and ids:
        parser.error(_("give --all or --assessment, not both"))
    if args.kind == "overzicht" and (ids or args.all):
        parser.error(_("the overzicht report covers the whole cooperative: leave out --assessment"))
    if args.kind != "overzicht" and not ids and not args.all:
        parser.error(_("give --assessment ID (or --all with --out-dir)"))
    batch = args.all or len(ids) > 1
    if batch and args.out is not None:
        parser.error(_("--out names one file; for several reports give --out-dir"))
    if args.all and args.out_dir is None:
        parser.error(_("--all needs --out-dir"))
    template_dir = args.template or template_dir_of(context.settings)
    options = {
        "template_dir": template_dir,
        "pdf": args.pdf,
        "style": style_of(context.settings),
    }
    engine = context.engine()
    if args.out is not None:
        written = [write_one(engine, args.kind, ids[0] if ids else None, args.out, **options)]
        _show(written[0], quiet=args.json)
    else:
        folder = args.out_dir if args.out_dir is not None else Path.cwd()
        written = write_reports(
            engine,
            args.kind,
            None if args.all or not ids else ids,
            folder,
            progress=None if args.json else lambda _done, _total, item: _show(item),
            **options,
        )
        if len(written) > 1 and not args.json:
            print(
                _("{count} reports written to {folder}").format(count=len(written), folder=folder)
            )
    for notice in written[0].notices if written else ():
        print(_("note: {notice}").format(notice=notice), file=sys.stderr)
    if args.json:
        print_json([_as_json(w) for w in written])
    return 0


def _show(written: Written, quiet: bool = False) -> None:
    if not quiet:
        print(written.path)
        if written.pdf:
            print(written.pdf)
    if written.draft_reason:
        print(
            _("note: {file} is marked as a draft: {reason}").format(
                file=written.path.name, reason=written.draft_reason
            ),
            file=sys.stderr,
        )


def _as_json(written: Written) -> dict[str, object]:
    return {
        "kind": written.kind,
        "assessment": written.assessment_id,
        "path": str(written.path),
        "pdf": str(written.pdf) if written.pdf else None,
        "draft": bool(written.draft_reason),
        "draft_reason": written.draft_reason,
    }
