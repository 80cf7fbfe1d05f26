"""``qaudit report KIND``: Word reports (and PDF copies) from the templates staff can restyle."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json
from qaudit.i18n import _, ngettext

if TYPE_CHECKING:
    from qaudit.services.reports import Written

KINDS = ("basis-op-orde", "visitatie", "cirkel", "advies", "overzicht")
"""The report kinds (``qaudit.reports.kinds.KINDS``), named here so ``--help`` stays light."""
NETWORK_KINDS = ("spiegel", "netwerk")
"""The learning network's reports (``qaudit.services.network_reports``): no assessment."""


def register(commands: Commands) -> None:
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
    choices = (*KINDS, *NETWORK_KINDS, "clientervaring")  # clientervaring: cli/voice_report.py
    parser.add_argument("kind", choices=choices, metavar="KIND", help=" | ".join(choices))
    parser.add_argument(
        "--assessment",
        type=record_id,
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
    from qaudit.cli.voice_report import add_report_arguments

    add_report_arguments(parser)  # spiegel and clientervaring: --location; --period
    parser.set_defaults(handler=report_command, report_parser=parser)


def report_command(context: Context) -> int:
    from qaudit.services.reports import style_of, template_dir_of, write_one, write_reports

    args = context.args
    if args.kind == "clientervaring":
        from qaudit.cli.voice_report import clientervaring_command

        return clientervaring_command(context)
    parser: argparse.ArgumentParser = args.report_parser
    if args.kind in NETWORK_KINDS:
        return network_report(context, parser)
    if args.location is not None:
        parser.error(_("--location is for the spiegel and clientervaring reports"))
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


def network_report(context: Context, parser: argparse.ArgumentParser) -> int:
    from qaudit.services import network_reports
    from qaudit.services.reports import style_of, template_dir_of

    args = context.args
    if args.assessment or args.all or args.out_dir is not None:
        parser.error(
            _("the {kind} report takes --out FILE.docx, not assessments").format(kind=args.kind)
        )
    if args.out is None:
        parser.error(_("give --out FILE.docx"))
    options = {
        "template_dir": args.template or template_dir_of(context.settings),
        "pdf": args.pdf,
        "style": style_of(context.settings),
    }
    if args.kind == "spiegel":
        if args.location is None:
            parser.error(_("the spiegel report needs --location ID"))
        path = network_reports.write_spiegel(context.engine(), args.location, args.out, **options)
    else:
        if args.location is not None:
            parser.error(_("the netwerk report covers the whole network: leave out --location"))
        path = network_reports.write_netwerk(context.engine(), args.out, **options)
    if args.json:
        print_json([{"kind": args.kind, "path": str(path)}])
    else:
        print(path)
        if args.pdf:
            print(path.with_suffix(".pdf"))
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
    if written.redactions:
        print(redaction_note(written.path.name, written.redactions), file=sys.stderr)


def redaction_note(file: str, count: int) -> str:
    """``privacy: 3 pieces of personal data replaced by […] in FILE``."""
    return ngettext(
        "privacy: {count} piece of personal data replaced by […] in {file}",
        "privacy: {count} pieces of personal data replaced by […] in {file}",
        count,
    ).format(count=count, file=file)


def _as_json(written: Written) -> dict[str, object]:
    return {
        "kind": written.kind,
        "assessment": written.assessment_id,
        "path": str(written.path),
        "pdf": str(written.pdf) if written.pdf else None,
        "draft": bool(written.draft_reason),
        "draft_reason": written.draft_reason,
        "redactions": written.redactions,
    }
