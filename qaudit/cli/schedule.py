"""``qaudit schedule plan|apply|ics|keep|release|done|missed``: the cycle planner."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from qaudit.cli.arguments import count, day, record_id, record_ids
from qaudit.cli.common import (
    Commands,
    Context,
    add_json_flag,
    print_json,
    print_json_records,
    print_table,
)
from qaudit.errors import Refused
from qaudit.i18n import _

if TYPE_CHECKING:
    from qaudit.services.schedule import Proposal


def register(commands: Commands) -> None:
    schedule = commands.add_parser("schedule", help=_("plan visitations and Cirkel assessments"))
    actions = schedule.add_subparsers(title=_("commands"), metavar=_("COMMAND"), required=True)
    plan = actions.add_parser("plan", help=_("propose a plan without writing anything"))
    _horizon(plan, required=True)
    add_json_flag(plan)
    plan.set_defaults(handler=plan_command)
    apply = actions.add_parser("apply", help=_("store the proposed plan after confirmation"))
    _horizon(apply, required=False)
    apply.add_argument("--yes", action="store_true", help=_("store without asking"))
    apply.set_defaults(handler=apply_command)
    ics = actions.add_parser("ics", help=_("export the stored plan as an iCalendar file"))
    where = ics.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE.ics", help=_("the file to write"))
    where.add_argument(
        "--out-dir",
        type=Path,
        metavar="DIR",
        help=_("with --per-person: the folder for the calendars (and invitations)"),
    )
    ics.add_argument(
        "--per-person", action="store_true", help=_("one calendar per person, in --out-dir")
    )
    ics.add_argument(
        "--invitations",
        action="store_true",
        help=_("with --per-person: also an e-mail invitation (.eml) per person and event"),
    )
    who = ics.add_mutually_exclusive_group()
    who.add_argument("--person", type=record_id, metavar="ID", help=_("only this person's events"))
    who.add_argument(
        "--location", type=record_id, metavar="ID", help=_("only this location's events")
    )
    ics.set_defaults(handler=ics_command)
    keep = actions.add_parser("keep", help=_("fix a stored event by hand (a manual override)"))
    keep.add_argument("uid", help=_("the event's uid"))
    keep.add_argument("--on", type=day, required=True, metavar="DATE", help=_("the day"))
    keep.add_argument("--peer", type=record_id, metavar="ID", help=_("the visiting organisation"))
    keep.add_argument(
        "--people",
        type=record_ids,
        metavar="ID,ID",
        help=_("the assigned peer visitors or assessors"),
    )
    keep.set_defaults(handler=keep_command)
    release = actions.add_parser("release", help=_("hand a manual event back to the planner"))
    release.add_argument("uid", help=_("the event's uid"))
    release.set_defaults(handler=release_command)
    respond = actions.add_parser("respond", help=_("record a person's answer to an invitation"))
    respond.add_argument("uid", help=_("the event's uid"))
    respond.add_argument(
        "--person", type=record_id, required=True, metavar="ID", help=_("who answers")
    )
    respond.add_argument("answer", choices=("accepted", "declined"), help=_("the answer"))
    respond.set_defaults(handler=respond_command)
    load = actions.add_parser("load", help=_("planned events per person per month"))
    load.add_argument(
        "--months", type=count, default=12, metavar="N", help=_("how many months (default 12)")
    )
    load.add_argument("--from", dest="start", type=day, metavar="DATE", help=_("first month"))
    add_json_flag(load)
    load.set_defaults(handler=load_command)
    done = actions.add_parser("done", help=_("record that a planned event took place"))
    done.add_argument("uid", help=_("the event's uid"))
    done.add_argument("--assessment", type=record_id, metavar="ID", help=_("the assessment it was"))
    done.add_argument("--on", type=day, metavar="DATE", help=_("the day it took place"))
    done.set_defaults(handler=done_command)
    missed = actions.add_parser("missed", help=_("record that a planned event did not take place"))
    missed.add_argument("uid", help=_("the event's uid"))
    missed.set_defaults(handler=missed_command)


def _horizon(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument(
        "--years",
        type=int,  # the planner names its own range (1 to the horizon it can plan)
        required=required,
        default=None if required else 10,
        metavar="N",
        help=_("how many calendar years to plan (default 10)"),
    )
    parser.add_argument(
        "--from",
        dest="start",
        type=day,
        metavar="DATE",
        help=_("plan from this day (default: today)"),
    )


def _propose(context: Context) -> Proposal:
    from qaudit.services import schedule

    return schedule.propose(
        context.engine(), context.settings, years=context.args.years, start=context.args.start
    )


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Planning builds hundreds of thousands of small objects (and imports the ORM) without
    reference cycles to reclaim: Python's cycle collector would walk them again and again,
    a quarter of the command's time. It is off while planning, back on after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def plan_command(context: Context) -> int:
    with _no_cycle_collection():
        return _plan(context)


def _plan(context: Context) -> int:
    from qaudit.scheduling.explain import event_json

    proposal = _propose(context)
    if context.args.json:
        print_json_records(
            {
                "start": proposal.plan.start.isoformat(),
                "years": proposal.plan.years,
                "events": (
                    event_json(e, proposal.names, e.uid in proposal.stored)
                    for e in proposal.plan.events
                ),
                "skipped": [
                    {"location_id": s.location_id, "reason": s.reason}
                    for s in proposal.plan.skipped
                ],
            }
        )
        return 0
    show(proposal)
    return 0


def show(proposal: Proposal) -> None:
    from qaudit.scheduling.explain import (
        assignment,
        kind_label,
        status,
        text,
        violation_lines,
        why_not,
    )

    names, events = proposal.names, proposal.plan.events
    print_table(
        [_("date"), _("location"), _("event"), _("due year"), _("assigned"), _("status")],
        [
            [
                e.on,
                names.location(e.location_id),
                f"{kind_label(e.kind)} {e.number}",
                e.due_year,
                assignment(e, names) or text("nobody"),
                status(e, proposal.stored),
            ]
            for e in events
        ],
        title=_("Plan for {years} years from {start}").format(
            years=proposal.plan.years, start=proposal.plan.start
        ),
    )
    for event in proposal.plan.problems:
        for line in why_not(event, names) + violation_lines(event, names):
            print(line)
    for skipped in proposal.plan.skipped:
        print(
            text("not_planned").format(
                location=names.location(skipped.location_id), reason=skipped.reason
            )
        )
    print(summary(proposal))


def summary(proposal: Proposal) -> str:
    from qaudit.scheduling.explain import text

    events = proposal.plan.events
    return text("summary").format(
        events=len(events),
        overdue=proposal.overdue,
        problems=len(proposal.plan.problems),
        skipped=len(proposal.plan.skipped),
    )


def apply_command(context: Context) -> int:
    with _no_cycle_collection():
        return _apply(context)


def _apply(context: Context) -> int:
    from qaudit.services import schedule

    proposal = _propose(context)
    if context.args.yes:  # a script: the figures, not a table of every event
        print(summary(proposal))
    else:
        if not sys.stdin.isatty():
            raise Refused(_("not stored: confirm with --yes when there is no terminal to ask"))
        show(proposal)
        answer = input(_("Store this plan? [y/N] ")).strip().lower()
        if answer not in ("y", "yes", "j", "ja"):
            print(_("Nothing stored."))
            return 0
    done = schedule.apply(context.engine(), proposal)
    print(
        _(
            "Stored: {created} new, {updated} changed, {unchanged} unchanged, "
            "{cancelled} cancelled."
        ).format(**vars(done))
    )
    return 0


def ics_command(context: Context) -> int:
    from qaudit.services import schedule

    args = context.args
    if args.per_person or args.out_dir is not None:
        return per_person_command(context)
    if args.invitations:
        raise Refused(_("--invitations goes with --per-person --out-dir DIR"))
    done = schedule.export_calendar(
        context.engine(), args.out, person_id=args.person, location_id=args.location
    )
    print(_("{count} events written to {path}.").format(count=done.events, path=args.out))
    if done.redactions:
        from qaudit.cli.report import redaction_note

        print(redaction_note(args.out.name, done.redactions), file=sys.stderr)
    return 0


def keep_command(context: Context) -> int:
    from qaudit.services import schedule

    args = context.args
    schedule.keep(
        context.engine(),
        args.uid,
        on=args.on,
        visiting_organisation_id=args.peer,
        person_ids=args.people,
    )
    print(
        _("Event {uid} is now kept on {day}; the planner re-checks it.").format(
            uid=args.uid, day=args.on
        )
    )
    return 0


def release_command(context: Context) -> int:
    from qaudit.services import schedule

    schedule.release(context.engine(), context.args.uid)
    print(_("Event {uid} is planned by the planner again.").format(uid=context.args.uid))
    return 0


def done_command(context: Context) -> int:
    from qaudit.services.schedule_status import mark_done

    args = context.args
    row = mark_done(context.engine(), args.uid, assessment_id=args.assessment, on=args.on)
    print(_("Event {uid} took place on {day}.").format(uid=args.uid, day=row.planned_on))
    return 0


def missed_command(context: Context) -> int:
    from qaudit.services.schedule_status import mark_missed

    mark_missed(context.engine(), context.args.uid)
    print(
        _("Event {uid} is recorded as missed; its kind stays due in the next plan.").format(
            uid=context.args.uid
        )
    )
    return 0


def per_person_command(context: Context) -> int:
    from qaudit.scheduling.ics import Attendee
    from qaudit.services.schedule import settings_of
    from qaudit.services.schedule_people import export_per_person

    args = context.args
    if not (args.per_person and args.out_dir is not None):
        raise Refused(_("--per-person and --out-dir DIR go together"))
    if args.person is not None or args.location is not None:
        raise Refused(
            _("--per-person writes everyone's calendar: leave out --person and --location")
        )
    planner = settings_of(context.settings)
    if args.invitations and not planner.organizer_email:
        raise Refused(
            _("invitations need a sender: set organizer_email under [planner] in config.toml")
        )
    organizer = Attendee(planner.organizer_name, planner.organizer_email)
    done = export_per_person(
        context.engine(), args.out_dir, invitations=args.invitations, organizer=organizer
    )
    print(
        _("{calendars} calendars and {invitations} invitations written to {path}.").format(
            calendars=done.calendars, invitations=done.invitations, path=args.out_dir
        )
    )
    if done.without_email:
        names = ", ".join(done.without_email)
        print(
            _("No invitation for (no e-mail address): {names}").format(names=names), file=sys.stderr
        )
    if done.redactions:
        from qaudit.cli.report import redaction_note

        print(redaction_note(args.out_dir.name, done.redactions), file=sys.stderr)
    return 0


def respond_command(context: Context) -> int:
    from qaudit.services.schedule_people import respond

    args = context.args
    respond(context.engine(), args.uid, args.person, args.answer)
    if args.answer == "declined":
        message = _("Person {person} declined {uid}; the next plan finds someone else.")
    else:
        message = _("Person {person} accepted {uid}.")
    print(message.format(person=args.person, uid=args.uid))
    return 0


def load_command(context: Context) -> int:
    from qaudit.services.schedule_people import workload

    args = context.args
    if not 1 <= args.months <= 60:
        raise Refused(
            _("--months must be between 1 and 60, not {months}").format(months=args.months)
        )
    rows = workload(context.engine(), start=args.start, months=args.months)
    if args.json:
        print_json(
            [
                {
                    "person_id": r.person_id,
                    "name": r.name,
                    "max_per_year": r.maximum,
                    "per_month": r.per_month,
                    "per_year": {str(y): n for y, n in sorted(r.per_year.items())},
                    "over_maximum_in": list(r.over),
                }
                for r in rows
            ]
        )
        return 0
    months = list(rows[0].per_month) if rows else []
    print_table(
        [_("person"), _("max/year"), *(m[2:] for m in months), _("over in")],
        [
            [
                r.name,
                r.maximum,
                *(r.per_month[m] or "" for m in months),
                ", ".join(map(str, r.over)),
            ]
            for r in rows
        ],
        title=_("Planned events per person per month"),
    )
    return 0
