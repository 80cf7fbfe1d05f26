"""``qaudit schedule plan|apply|ics|keep|release``: the cycle planner on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from qaudit.cli.arguments import day, record_id, record_ids
from qaudit.cli.common import Context, add_json_flag, print_json, print_table
from qaudit.errors import Refused
from qaudit.i18n import _

if TYPE_CHECKING:
    from qaudit.services.schedule import Proposal


def register(commands: argparse._SubParsersAction) -> None:
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
    ics.add_argument(
        "--out", type=Path, required=True, metavar="FILE.ics", help=_("the file to write")
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


def _horizon(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument(
        "--years",
        type=int,
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


def plan_command(context: Context) -> int:
    from qaudit.scheduling.explain import event_json

    proposal = _propose(context)
    if context.args.json:
        print_json(
            {
                "start": proposal.plan.start.isoformat(),
                "years": proposal.plan.years,
                "events": [
                    event_json(e, proposal.names) | {"stored": e.uid in proposal.stored}
                    for e in proposal.plan.events
                ],
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
        overdue=sum(e.overdue for e in events),
        problems=len(proposal.plan.problems),
        skipped=len(proposal.plan.skipped),
    )


def apply_command(context: Context) -> int:
    from qaudit.services import schedule

    proposal = _propose(context)
    show(proposal)
    if not context.args.yes:
        if not sys.stdin.isatty():
            raise Refused(_("not stored: confirm with --yes when there is no terminal to ask"))
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
    count = schedule.export_ics(
        context.engine(), args.out, person_id=args.person, location_id=args.location
    )
    print(_("{count} events written to {path}.").format(count=count, path=args.out))
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
