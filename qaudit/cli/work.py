"""``qaudit assessment start``: a new assessment, with the people who do the work."""

from __future__ import annotations

from datetime import date

from qaudit.cli.arguments import record_id
from qaudit.cli.common import Commands, Context
from qaudit.i18n import _

KINDS = ("self_evaluation", "audit_visit", "visitation", "cirkel")


def register_start(actions: Commands) -> None:
    start = actions.add_parser("start", help=_("start an assessment, with who does the work"))
    start.add_argument(
        "--location", type=record_id, required=True, metavar="ID", help=_("location id")
    )
    start.add_argument("--kind", choices=KINDS, required=True, help=_("what kind of assessment"))
    start.add_argument(
        "--people",
        default="",
        metavar="ID,ID",
        help=_("auditors, peer visitors or assessors (person ids); a Cirkel's team is checked"),
    )
    start.add_argument(
        "--on",
        type=date.fromisoformat,
        metavar="DATE",
        help=_("start date (YYYY-MM-DD, default today)"),
    )
    start.set_defaults(handler=start_assessment)


def start_assessment(context: Context) -> int:
    from qaudit.domain.enums import AssessmentKind
    from qaudit.services import trajectory
    from qaudit.services.work_people import parse_ids

    args = context.args
    people = parse_ids(args.people)
    new_id = trajectory.start_assessment(
        context.engine(),
        args.location,
        AssessmentKind(args.kind),
        today=args.on or date.today(),
        people=people,
    )
    print(_("Assessment {id} started.").format(id=new_id))
    if args.kind in ("visitation", "cirkel"):
        from qaudit.services.schedule_status import linked_event, started_message

        linked = linked_event(context.engine(), new_id)
        if linked is not None:
            print(started_message(linked))
    return 0


def register_cancel(actions: Commands) -> None:
    cancel = actions.add_parser(
        "cancel",
        help=_("cancel an assessment started by mistake: kept and logged, not deleted"),
    )
    cancel.add_argument("id", type=record_id, metavar="ID")
    cancel.add_argument(
        "--reason", required=True, metavar="TEXT", help=_("why it is cancelled (logged)")
    )
    cancel.set_defaults(handler=cancel_assessment)


def cancel_assessment(context: Context) -> int:
    from qaudit.errors import QauditError
    from qaudit.services import cancelling, privacy

    found = privacy.check_free_text(context.args.reason)
    if found:  # the reason is kept and logged: no resident's name or birth date in it
        message = _("--reason looks like personal data ({found}); give the reason without it")
        raise QauditError(message.format(found=privacy.describe(found)))
    done = cancelling.cancel(context.engine(), context.args.id, context.args.reason)
    message = _(
        "Assessment {id} ({kind}) is cancelled: kept with its {answered} answers, left out "
        "of scores, reports and planning."
    )
    print(message.format(id=done.id, kind=done.kind.label, answered=done.answered))
    if done.step.result():
        print(done.step.result())
    if done.events_released:
        print(
            _("{count} scheduled event(s) no longer point at it.").format(
                count=done.events_released
            )
        )
    return 0
