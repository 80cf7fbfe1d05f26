"""``qaudit feedback summary`` and ``qaudit feedback aggregate``: the figures and outside scores."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qaudit.cli.arguments import amount, record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.i18n import _

if TYPE_CHECKING:
    from qaudit.domain.clientvoice import Figure
    from qaudit.services.voice_summary import Summary


def register_summary(actions: Commands) -> None:
    summary = actions.add_parser(
        "summary", help=_("NPS, satisfaction, the six parameters and the promises perceived")
    )
    summary.add_argument(
        "--location", type=record_id, metavar="ID", help=_("one location (default: all)")
    )
    summary.add_argument(
        "--period", metavar="2026|2026-Q3", help=_("a year or a quarter (default: this year)")
    )
    summary.add_argument("--unit", metavar="NAME", help=_("only this unit of the location"))
    add_json_flag(summary)
    summary.set_defaults(handler=summary_command)

    aggregate = actions.add_parser("aggregate", help=_("scores published elsewhere"))
    sub = aggregate.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    add = sub.add_parser("add", help=_("record a published score for a location and period"))
    add.add_argument("--location", type=record_id, required=True, metavar="ID")
    add.add_argument("--source", required=True, metavar="NAME", help=_("e.g. ZorgkaartNederland"))
    add.add_argument("--period", required=True, metavar="2026|2026-Q3")
    add.add_argument("--score", type=float, required=True, metavar="X")
    add.add_argument("--count", type=amount, default=0, metavar="N", help=_("how many reviews"))
    add.add_argument("--note", default="", metavar="TEXT")
    add.set_defaults(handler=aggregate_add_command)


def summary_command(context: Context) -> int:
    from qaudit.domain.clientvoice_rhythm import parse_period
    from qaudit.services.voice_summary import summary, targets_of

    args = context.args
    period = parse_period(args.period) if args.period else None
    targets = targets_of(context.settings.clientvoice)
    result = summary(context.engine(), args.location, period, targets, args.unit)
    if args.json:
        print_json(result.as_json())
    else:
        _print(result)
    return 0


def aggregate_add_command(context: Context) -> int:
    from qaudit.services.voice_feedback import add_aggregate

    a = context.args
    row = add_aggregate(context.engine(), a.location, a.source, a.period, a.score, a.count, a.note)
    print(
        _("Recorded: {source} {period}: {score} ({count})").format(
            source=row.source, period=row.period, score=row.score, count=row.count
        )
    )
    return 0


def shown(figure: Figure, digits: int = 1) -> str:
    """``4.3 (3.9–4.6)``, ``indicative`` marked, ``–`` for no value."""
    if figure.value is None:
        return "–"
    text = f"{figure.value:.{digits}f}"
    if figure.low is not None and figure.high is not None:
        text += f" ({figure.low:.{digits}f}–{figure.high:.{digits}f})"
    if figure.indicative:
        text += " " + _("indicative")
    elif figure.meets_target is not None:
        text += " ✓" if figure.meets_target else " ✗"
    return text


def _print(result: Summary) -> None:
    from qaudit.domain.clientvoice import action_check_label

    f = result.figures
    where = result.location.code if result.location else _("all locations")
    print(
        _("{where}, {period}: {n} responses").format(
            where=where, period=result.period, n=f.responses
        )
    )
    rows: list[tuple[str, str, str]] = [
        ("NPS", shown(f.nps), f"> {f.nps.target:g}"),
    ]
    rows += [(p.label, shown(fig, 2), f"> {fig.target:g}") for p, fig in f.parameters.items()]
    print_table([_("figure"), _("value (95% interval)"), _("target")], rows)
    promise_rows = [
        (p.promise_id, result.titles.get(p.promise_id, ""), shown(p.kept), p.kept.n)
        for p in f.promises
    ]
    print_table([_("promise"), _("title"), _("noticed kept %"), _("answers")], promise_rows)
    if result.units:
        unit_rows = [
            (
                u.name,
                u.figures.responses,
                shown(u.figures.nps),
                u.feedback_actions,
                action_check_label(u.action_check),
            )
            for u in result.units
        ]
        print_table(
            [_("unit"), _("responses"), "NPS", _("actions from feedback"), _("1–5 actions")],
            unit_rows,
        )
