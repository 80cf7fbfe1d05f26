"""``qaudit privacy purge``: remove interview notes past the retention period (AVG)."""

from __future__ import annotations

from datetime import date

from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.i18n import _


def register(commands: Commands) -> None:
    privacy = commands.add_parser("privacy", help=_("privacy: retention of interview notes"))
    actions = privacy.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    purge = actions.add_parser(
        "purge",
        help=_(
            "remove interview notes older than the retention period "
            "([privacy] retention_months) and blank out personal data in closed assessments"
        ),
    )
    purge.add_argument(
        "--before",
        type=date.fromisoformat,
        metavar="DATE",
        help=_(
            "remove notes of interviews held before this day (YYYY-MM-DD; default: today "
            "minus the retention period, and never later)"
        ),
    )
    purge.add_argument(
        "--dry-run", action="store_true", help=_("only show what would be removed; change nothing")
    )
    add_json_flag(purge)
    purge.set_defaults(handler=purge_command)


def purge_command(context: Context) -> int:
    from qaudit.services.privacy import purge

    args = context.args
    months = context.settings.privacy.retention_months
    result = purge(context.engine(), args.before, retention_months=months, dry_run=args.dry_run)
    if args.json:
        print_json(
            {
                "before": result.before.isoformat(),
                "dry_run": result.dry_run,
                "retention_months": months,
                "interviews": result.interviews,
                "redactions": result.redactions,
                "assessments": [vars(a) for a in result.assessments],
            }
        )
        return 0
    if result.assessments:
        print_table(
            [_("assessment"), _("interview notes"), _("redactions")],
            [[a.assessment_id, a.interviews, a.redactions] for a in result.assessments],
        )
    summary = _(
        "{interviews} interview notes and {redactions} pieces of personal data from before "
        "{before} (retention {months} months)."
    ).format(
        interviews=result.interviews,
        redactions=result.redactions,
        before=result.before.isoformat(),
        months=months,
    )
    if result.dry_run:
        print(_("Dry run, nothing was changed. Would remove: {summary}").format(summary=summary))
    else:
        print(_("Removed: {summary}").format(summary=summary))
    return 0
