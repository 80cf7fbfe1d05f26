"""Issue 17 on the command line: checklist diff, assessment migrate/recheck/leervraag,
location profile. Added to the ``checklist``, ``assessment`` and ``location`` commands."""

from __future__ import annotations

import argparse
from datetime import date

from qaudit.cli.arguments import count, day, record_id
from qaudit.cli.common import (
    Commands,
    Context,
    add_json_flag,
    print_json,
    print_table,
    subcommands_of,
)
from qaudit.i18n import _

YES_NO = {"ja": True, "nee": False, "yes": True, "no": False}


def _actions(commands: Commands, name: str) -> Commands:
    """The sub-commands of an existing command (registered earlier in COMMANDS)."""
    return subcommands_of(commands, name)


def _yes_no(text: str) -> bool:
    try:
        return YES_NO[text.strip().lower()]
    except KeyError:
        message = _("answer ja or nee, not '{text}'").format(text=text)
        raise argparse.ArgumentTypeError(message) from None


def register(commands: Commands) -> None:
    checklist = _actions(commands, "checklist")
    compare = checklist.add_parser("diff", help=_("what changed between two checklist versions"))
    compare.add_argument("id", help=_("checklist id, e.g. basis-op-orde"))
    compare.add_argument("old", metavar="FROM", help=_("the older version, e.g. 2026.1"))
    compare.add_argument("new", metavar="TO", help=_("the newer version, e.g. 2027.1"))
    compare.add_argument(
        "--all", action="store_true", help=_("also list points whose grondslag or rules changed")
    )
    add_json_flag(compare)
    compare.set_defaults(handler=checklist_diff)

    assessment = _actions(commands, "assessment")
    move = assessment.add_parser("migrate", help=_("move an open assessment to another version"))
    move.add_argument("assessment", type=record_id, metavar="ID")
    move.add_argument("--to", required=True, metavar="VERSION", help=_("the target version"))
    move.add_argument("--dry-run", action="store_true", help=_("only show what would happen"))
    add_json_flag(move)
    move.set_defaults(handler=assessment_migrate)
    recheck = assessment.add_parser(
        "recheck", help=_("start the re-check of a conditional verdict (only the failed points)")
    )
    recheck.add_argument("assessment", type=record_id, metavar="ID")
    recheck.add_argument("--on", type=day, metavar="YYYY-MM-DD")
    recheck.set_defaults(handler=assessment_recheck)
    question = assessment.add_parser(
        "leervraag", help=_("record a visitation's learning question (before the visit)")
    )
    question.add_argument("assessment", type=record_id, metavar="ID")
    question.add_argument("--question", metavar="TEXT", help=_("the location's own question"))
    question.add_argument("--answer", metavar="TEXT", help=_("the answer, after the visit"))
    question.set_defaults(handler=assessment_leervraag)

    location = _actions(commands, "location")
    profile = location.add_parser("profile", help=_("show or change a location's profile"))
    profile.add_argument("location", type=record_id, metavar="ID")
    for flag, name in (
        ("--behandeling", "behandeling"),
        ("--pg", "psychogeriatric"),
        ("--wzd", "wzd_accommodation"),
        ("--verblijf", "verblijf"),
    ):
        profile.add_argument(flag, dest=name, type=_yes_no, metavar="ja|nee")
    profile.add_argument(
        "--care-providers", type=count, metavar="N", help=_("Wtza: care providers")
    )
    profile.add_argument("--places", type=count, metavar="N", help=_("size: number of places"))
    add_json_flag(profile)
    profile.set_defaults(handler=location_profile)


def checklist_diff(context: Context) -> int:
    from qaudit.checklists import shipped_catalogue
    from qaudit.checklists.diff import diff
    from qaudit.services.migrate import CHANGE_WORDS

    args = context.args
    catalogue = shipped_catalogue()
    result = diff(catalogue.checklist(args.id, args.old), catalogue.checklist(args.id, args.new))
    if args.json:
        print_json(result.as_json())
        return 0
    rows = [
        [
            _(CHANGE_WORDS[change.kind]),
            ", ".join(change.old),
            change.new or "",
            ", ".join(change.fields),
            "" if change.keeps_answer or change.kind == "added" else _("answer again"),
        ]
        for change in result.changes
        if change.kind != "unchanged" and (args.all or change.kind != "cited")
    ]
    print_table(
        [_("change"), _("was"), _("now"), _("fields"), _("answer")],
        rows,
        title=f"{args.id} {args.old} → {args.new}",
    )
    counts = ", ".join(
        f"{_(CHANGE_WORDS[kind])} {count}" for kind, count in sorted(result.counts().items())
    )
    print(counts)
    return 0


def assessment_migrate(context: Context) -> int:
    from qaudit.services import migrate
    from qaudit.storage import transaction

    args = context.args
    with transaction(context.engine()) as session:
        result = migrate.migrate(session, args.assessment, args.to, dry_run=args.dry_run)
    if args.json:
        print_json(result.as_json() | {"dry_run": args.dry_run})
        return 0
    rows = [[_("kept"), old, new, ""] for old, new in result.kept]
    rows += [[_("answer again"), old, new, why] for old, new, why in result.flagged]
    rows += [[_("dropped"), old, "", ""] for old in result.dropped]
    rows += [[_("new, open"), "", new, ""] for new in result.added]
    title = _("assessment {id}: {checklist} {old} → {new}").format(
        id=result.assessment_id,
        checklist=result.checklist_id,
        old=result.from_version,
        new=result.to_version,
    )
    print_table([_("answer"), _("was"), _("now"), _("why")], rows, title=title)
    summary = _("{kept} kept, {flagged} to answer again, {dropped} dropped, {added} new.").format(
        kept=len(result.kept),
        flagged=len(result.flagged),
        dropped=len(result.dropped),
        added=len(result.added),
    )
    print(summary + (" " + _("Dry run: nothing was changed.") if args.dry_run else ""))
    return 0


def assessment_recheck(context: Context) -> int:
    from qaudit.services import rechecks
    from qaudit.storage import transaction

    args = context.args
    with transaction(context.engine()) as session:
        recheck = rechecks.start_recheck(
            session, args.assessment, started_on=args.on or date.today()
        )
        row = rechecks.recheck_of(session, recheck.id or 0)
        assert row is not None
        message = _("Re-check {id} started: {count} points ({points}), due {due}.").format(
            id=recheck.id, count=len(row.point_ids), points=", ".join(row.point_ids), due=row.due_on
        )
    print(message)
    return 0


def assessment_leervraag(context: Context) -> int:
    from qaudit.services import rechecks
    from qaudit.storage import transaction

    args = context.args
    with transaction(context.engine()) as session:
        if args.question is not None or args.answer is not None:
            rechecks.set_learning_question(
                session, args.assessment, question=args.question, answer=args.answer
            )
        row = rechecks.learning_question(session, args.assessment)
        question = row.question if row else ""
        answer = row.answer if row else ""
    print(_("Learning question: {text}").format(text=question or "-"))
    print(_("Answer: {text}").format(text=answer or "-"))
    return 0


def location_profile(context: Context) -> int:
    from qaudit.services import profiles
    from qaudit.storage import transaction

    args = context.args
    names = (*profiles.FIELDS, *profiles.NUMBERS)
    changes = {name: getattr(args, name) for name in names}
    with transaction(context.engine()) as session:
        if any(value is not None for value in changes.values()):
            profiles.set_profile(session, args.location, **changes)
        row = profiles.stored(session, args.location)
        shown = {name: getattr(row, name) for name in names} if row else None
    if args.json:
        print_json({"location": args.location, "profile": shown})
        return 0
    if shown is None:
        print(_("Location {id} has no profile yet.").format(id=args.location))
        return 0
    print_table([_("field"), _("value")], [[k, _word(v)] for k, v in shown.items()])
    return 0


def _word(value: object) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return "-" if value is None else str(value)
