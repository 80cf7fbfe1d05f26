"""``qaudit report clientervaring --location ID``: the client-experience report.

Its options live here (the other report kinds work on assessments): ``--location`` and
``--period``; ``--out``, ``--template``, ``--pdf`` and ``--json`` are the report command's own.
"""

from __future__ import annotations

import argparse

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Context, print_json
from qaudit.i18n import _

KIND = "clientervaring"


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--location",
        type=record_id,
        metavar="ID",
        help=_("for spiegel and clientervaring: the location (see 'qaudit location list')"),
    )
    parser.add_argument(
        "--period",
        metavar="2026|2026-Q3",
        help=_("for clientervaring: a year or a quarter (default: this year)"),
    )


def clientervaring_command(context: Context) -> int:
    from qaudit.domain.clientvoice_rhythm import parse_period
    from qaudit.services.reports import style_of, template_dir_of
    from qaudit.services.voice_report import write_clientvoice_report
    from qaudit.services.voice_summary import targets_of

    args = context.args
    parser: argparse.ArgumentParser = args.report_parser
    if args.location is None or args.out is None:
        parser.error(_("the clientervaring report needs --location ID and --out FILE.docx"))
    if args.assessment or args.all:
        parser.error(_("the clientervaring report is about a location: leave out --assessment"))
    written = write_clientvoice_report(
        context.engine(),
        args.location,
        args.out,
        targets=targets_of(context.settings.clientvoice),
        period=parse_period(args.period) if args.period else None,
        template_dir=args.template or template_dir_of(context.settings),
        pdf=args.pdf,
        style=style_of(context.settings),
    )
    if args.json:
        print_json({"kind": KIND, "location": args.location, "paths": [str(p) for p in written]})
    else:
        for path in written:
            print(path)
    return 0
