"""``qaudit complaint|suggestion|evaluation|action``: the registers of the client's voice."""

from __future__ import annotations

import argparse
from datetime import date
from enum import StrEnum

from qaudit.cli.arguments import amount, count, record_id
from qaudit.cli.common import Commands, Context, add_json_flag, print_json, print_table
from qaudit.domain.clientvoice_enums import (
    ActionSource,
    Channel,
    ComplaintOutcome,
    EvaluationKind,
    SuggestionOrigin,
    SuggestionStatus,
)
from qaudit.domain.enums import ActionStatus
from qaudit.i18n import _


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date (YYYY-MM-DD): {text}").format(text=text)
        ) from None


def _values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]


def _sub(commands: Commands, name: str, help: str) -> Commands:
    parser = commands.add_parser(name, help=help)
    return parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)


def _where(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--location", type=record_id, required=required, metavar="ID")
    if required:
        parser.add_argument("--unit", metavar="NAME", help=_("the unit (afdeling)"))


def register(commands: Commands) -> None:
    _complaints(_sub(commands, "complaint", _("the complaint register")))
    _suggestions(_sub(commands, "suggestion", _("staff and client suggestions")))
    _evaluations(_sub(commands, "evaluation", _("evaluations and their rhythm")))
    _actions(_sub(commands, "action", _("improvement actions from every source")))


def _complaints(sub: Commands) -> None:
    add = sub.add_parser("add", help=_("record a complaint (a reference, never a name)"))
    _where(add, True)
    add.add_argument("--reference", required=True, metavar="REF")
    add.add_argument("--received", type=_day, required=True, metavar="DATE")
    add.add_argument("--channel", choices=_values(Channel), default="other")
    add.add_argument("--promise", metavar="ID", help=_("the client promise it is about"))
    add.add_argument("--theme", default="", metavar="TEXT")
    add.add_argument("--summary", default="", metavar="TEXT")
    add.add_argument("--acknowledged", type=_day, metavar="DATE")
    add.set_defaults(handler=complaint_add)
    listing = sub.add_parser("list", help=_("complaints with their decision due and overdue"))
    _where(listing, False)
    listing.add_argument("--open", action="store_true", help=_("only undecided complaints"))
    add_json_flag(listing)
    listing.set_defaults(handler=complaint_list)
    ack = sub.add_parser("acknowledge", help=_("record that the receipt was confirmed"))
    ack.add_argument("id", type=record_id)
    ack.add_argument("--on", type=_day, required=True, metavar="DATE")
    ack.set_defaults(handler=complaint_acknowledge)
    extend = sub.add_parser("extend", help=_("extend the decision term (at most 4 weeks)"))
    extend.add_argument("id", type=record_id)
    extend.add_argument("--weeks", type=count, required=True)
    extend.add_argument("--notice", type=_day, required=True, metavar="DATE")
    extend.set_defaults(handler=complaint_extend)
    close = sub.add_parser("close", help=_("record the decision and its follow-up"))
    close.add_argument("id", type=record_id)
    close.add_argument("--decided", type=_day, required=True, metavar="DATE")
    close.add_argument("--outcome", choices=_values(ComplaintOutcome), required=True)
    close.add_argument("--follow-up", default="", metavar="TEXT")
    close.add_argument("--action", default="", metavar="TITLE", help=_("a follow-up action"))
    close.add_argument("--owner", default="", metavar="WHO")
    close.add_argument("--deadline", type=_day, metavar="DATE")
    close.set_defaults(handler=complaint_close)


def _suggestions(sub: Commands) -> None:
    add = sub.add_parser("add", help=_("record a suggestion"))
    _where(add, True)
    add.add_argument("--origin", choices=_values(SuggestionOrigin), required=True)
    add.add_argument("--received", type=_day, default=None, metavar="DATE")
    add.add_argument("text", metavar="TEXT")
    add.set_defaults(handler=suggestion_add)
    decide = sub.add_parser("decide", help=_("adopt or decline a suggestion"))
    decide.add_argument("id", type=record_id)
    decide.add_argument("--status", choices=_values(SuggestionStatus), required=True)
    decide.add_argument("--action", default="", metavar="TITLE")
    decide.set_defaults(handler=suggestion_decide)
    listing = sub.add_parser("list", help=_("the suggestions"))
    _where(listing, False)
    add_json_flag(listing)
    listing.set_defaults(handler=suggestion_list)


def _evaluations(sub: Commands) -> None:
    add = sub.add_parser("add", help=_("record a held evaluation"))
    add.add_argument("--location", type=record_id, required=True, metavar="ID")
    add.add_argument("--kind", choices=_values(EvaluationKind), required=True)
    add.add_argument("--held", type=_day, required=True, metavar="DATE")
    add.add_argument("--participants", type=amount, default=0)
    add.add_argument("--note", default="", metavar="TEXT")
    add.set_defaults(handler=evaluation_add)
    listing = sub.add_parser("list", help=_("held evaluations and what is due or overdue"))
    listing.add_argument("--location", type=record_id, required=True, metavar="ID")
    add_json_flag(listing)
    listing.set_defaults(handler=evaluation_list)


def _actions(sub: Commands) -> None:
    add = sub.add_parser("add", help=_("record an improvement action"))
    _where(add, True)
    add.add_argument("--source", choices=_values(ActionSource), required=True)
    add.add_argument("--owner", default="", metavar="WHO")
    add.add_argument("--deadline", type=_day, metavar="DATE")
    add.add_argument("--effect", default="", metavar="TEXT", help=_("how its effect is measured"))
    add.add_argument("--promise", metavar="ID")
    add.add_argument("title", metavar="TITLE")
    add.set_defaults(handler=action_add)
    status = sub.add_parser("status", help=_("set an action's status"))
    status.add_argument("id", type=record_id)
    status.add_argument("status", choices=_values(ActionStatus))
    status.set_defaults(handler=action_status)
    listing = sub.add_parser("list", help=_("improvement actions with their source"))
    _where(listing, False)
    listing.add_argument("--source", choices=_values(ActionSource))
    listing.add_argument("--open", action="store_true", help=_("only open actions"))
    add_json_flag(listing)
    listing.set_defaults(handler=action_list)


def complaint_add(context: Context) -> int:
    from qaudit.services.voice_register import add_complaint

    a = context.args
    complaint = add_complaint(
        context.engine(),
        a.location,
        a.reference,
        a.received,
        channel=Channel(a.channel),
        promise_id=a.promise,
        theme=a.theme,
        summary=a.summary,
        unit=a.unit,
        acknowledged_on=a.acknowledged,
    )
    print(_("Complaint {id} recorded.").format(id=complaint.id))
    return 0


def complaint_list(context: Context) -> int:
    from qaudit.services.voice_register import complaints

    rows = complaints(context.engine(), context.args.location, context.args.open)
    if context.args.json:
        print_json([r.as_json() for r in rows])
        return 0
    table = [
        (
            r.complaint.id,
            r.location_code,
            r.unit,
            r.complaint.reference,
            r.complaint.received_on,
            r.complaint.promise_id or r.complaint.theme,
            r.due,
            r.complaint.outcome.label if r.complaint.outcome else "",
            _("overdue") if r.overdue else "",
        )
        for r in rows
    ]
    headers = ["id", _("location"), _("unit"), _("reference"), _("received"), _("subject")]
    print_table([*headers, _("decision due"), _("outcome"), ""], table)
    return 0


def complaint_acknowledge(context: Context) -> int:
    from qaudit.services.voice_register import acknowledge_complaint

    acknowledge_complaint(context.engine(), context.args.id, context.args.on)
    print(_("Complaint {id}: receipt confirmed.").format(id=context.args.id))
    return 0


def complaint_extend(context: Context) -> int:
    from qaudit.services.voice_register import extend_complaint

    a = context.args
    extend_complaint(context.engine(), a.id, a.weeks, a.notice)
    print(
        _("Complaint {id}: decision term extended by {weeks} weeks.").format(id=a.id, weeks=a.weeks)
    )
    return 0


def complaint_close(context: Context) -> int:
    from qaudit.services.voice_register import close_complaint

    a = context.args
    close_complaint(
        context.engine(),
        a.id,
        a.decided,
        ComplaintOutcome(a.outcome),
        a.follow_up,
        a.action,
        a.owner,
        a.deadline,
    )
    print(_("Complaint {id} decided.").format(id=a.id))
    return 0


def suggestion_add(context: Context) -> int:
    from qaudit.services.voice_register import add_suggestion

    a = context.args
    received = a.received or date.today()
    row = add_suggestion(
        context.engine(), a.location, SuggestionOrigin(a.origin), a.text, received, a.unit
    )
    print(_("Suggestion {id} recorded.").format(id=row.id))
    return 0


def suggestion_decide(context: Context) -> int:
    from qaudit.services.voice_register import decide_suggestion

    a = context.args
    decide_suggestion(context.engine(), a.id, SuggestionStatus(a.status), a.action)
    print(_("Suggestion {id}: {status}.").format(id=a.id, status=SuggestionStatus(a.status).label))
    return 0


def suggestion_list(context: Context) -> int:
    from qaudit.services.voice_register import suggestions

    rows = suggestions(context.engine(), context.args.location)
    data = [
        {
            "id": s.id,
            "location": code,
            "origin": s.origin.value,
            "received": s.received_on.isoformat(),
            "status": s.status.value,
            "text": s.text,
        }
        for s, code in rows
    ]
    if context.args.json:
        print_json(data)
        return 0
    table = [
        (s.id, code, s.origin.label, s.received_on, s.status.label, s.text) for s, code in rows
    ]
    print_table(["id", _("location"), _("from"), _("received"), _("status"), _("text")], table)
    return 0


def evaluation_add(context: Context) -> int:
    from qaudit.services.voice_rhythm import add_evaluation

    a = context.args
    row = add_evaluation(
        context.engine(), a.location, EvaluationKind(a.kind), a.held, a.participants, a.note
    )
    print(_("Evaluation {id} recorded.").format(id=row.id))
    return 0


def evaluation_list(context: Context) -> int:
    from qaudit.services.voice_rhythm import evaluations, rhythm_of

    engine, location = context.engine(), context.args.location
    held, statuses = evaluations(engine, location), rhythm_of(engine, location)
    if context.args.json:
        print_json(
            {
                "held": [
                    {"id": e.id, "kind": e.kind.value, "held": e.held_on.isoformat()} for e in held
                ],
                "rhythm": [
                    {
                        "kind": s.kind.value,
                        "window": str(s.window),
                        "due": s.due_on.isoformat(),
                        "state": s.state,
                        "last_held": s.last_held.isoformat() if s.last_held else None,
                    }
                    for s in statuses
                ],
            }
        )
        return 0
    print_table(["id", _("kind"), _("held")], [(e.id, e.kind.label, e.held_on) for e in held])
    from qaudit.domain.clientvoice_rhythm import state_label

    rows = [(s.kind.label, s.last_held or "", s.window, state_label(s.state)) for s in statuses]
    print_table([_("kind"), _("last held"), _("next due in"), _("status")], rows)
    return 0


def action_add(context: Context) -> int:
    from qaudit.services.voice_rhythm import add_action

    a = context.args
    row = add_action(
        context.engine(),
        a.location,
        a.title,
        ActionSource(a.source),
        unit=a.unit,
        owner=a.owner,
        deadline=a.deadline,
        effect_measure=a.effect,
        promise_id=a.promise,
    )
    print(_("Action {id} recorded.").format(id=row.id))
    return 0


def action_status(context: Context) -> int:
    from qaudit.services.voice_rhythm import set_action_status

    set_action_status(context.engine(), context.args.id, ActionStatus(context.args.status))
    print(_("Action {id}: {status}.").format(id=context.args.id, status=context.args.status))
    return 0


def action_list(context: Context) -> int:
    from qaudit.services.voice_rhythm import actions

    a = context.args
    source = ActionSource(a.source) if a.source else None
    rows = actions(context.engine(), a.location, source, a.open)
    if a.json:
        print_json([r.as_json() for r in rows])
        return 0
    table = [
        (
            r.action.id,
            r.location_code,
            r.unit,
            r.source.label if r.source else "",
            r.action.title,
            r.action.owner,
            r.action.deadline or "",
            r.action.status.value,
            r.action.effect_measure,
        )
        for r in rows
    ]
    headers = ["id", _("location"), _("unit"), _("source"), _("action"), _("owner")]
    print_table([*headers, _("deadline"), _("status"), _("effect measured by")], table)
    return 0
