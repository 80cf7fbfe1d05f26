"""``qaudit answer`` and ``qaudit assessment close``: answering and closing from scripts."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from qaudit.cli.arguments import MAX_ID, record_id
from qaudit.cli.common import Commands, Context, subcommands_of
from qaudit.i18n import _

if TYPE_CHECKING:
    from qaudit.domain.enums import Result

RESULTS = {
    "voldoet": "voldoet",
    "deels": "voldoet_deels",
    "niet": "voldoet_niet",
    "nvt": "nvt",
    "leeg": "nog_niet",
}
"""The words on the command line and the stored result they stand for."""


def register(commands: Commands) -> None:
    parser = commands.add_parser("answer", help=_("answer one point of an open assessment"))
    parser.add_argument("assessment_id", type=record_id, metavar="ASSESSMENT_ID")
    parser.add_argument("point_id", metavar="POINT_ID")
    parser.add_argument("result", choices=tuple(RESULTS), metavar="RESULT", help=_results_help())
    parser.add_argument("--note", metavar="TEXT", help=_("the note with the answer"))
    parser.add_argument(
        "--based-on",
        type=version_number,
        metavar="VERSION",
        help=_("refuse when someone changed the point after this version (see the output)"),
    )
    parser.set_defaults(handler=answer)

    actions = subcommands_of(commands, "assessment")
    close = actions.add_parser("close", help=_("close an assessment: its answers are locked"))
    close.add_argument("id", type=record_id, metavar="ID")
    close.add_argument(
        "--yes", action="store_true", help=_("close without asking, even with unanswered points")
    )
    close.set_defaults(handler=close_assessment)


def version_number(text: str) -> int:
    """A version as printed by ``qaudit answer`` (0: the point had no answer)."""
    if text.isdigit() and int(text) <= MAX_ID:
        return int(text)
    message = _("not a version: {text!r} (a whole number from 0)")
    raise argparse.ArgumentTypeError(message.format(text=text))


def _results_help() -> str:
    return _("one of: {words}").format(words=", ".join(RESULTS))


def result_of(word: str) -> Result:
    from qaudit.domain.enums import Result

    return Result(RESULTS[word])


def answer(context: Context) -> int:
    from qaudit.services import answering
    from qaudit.services.answering import AnswerField
    from qaudit.storage import transaction

    args = context.args
    changes: list[tuple[AnswerField, Result | str]] = [(AnswerField.RESULT, result_of(args.result))]
    if args.note is not None:
        changes.append((AnswerField.NOTE, args.note))
    with transaction(context.engine()) as session:
        saved = [
            answering.save_in(
                session, args.assessment_id, args.point_id, field, value, based_on=args.based_on
            )
            for field, value in changes
        ]
    last = max(saved, key=lambda s: s.version)
    message = _("saved: assessment {id}, point {point}: {result} (version {version})")
    print(
        message.format(
            id=args.assessment_id,
            point=args.point_id,
            result=answering.shown(saved[0].value),
            version=last.version,
        )
    )
    return 0


def close_assessment(context: Context) -> int:
    from datetime import date

    from qaudit.errors import Refused
    from qaudit.services import assessments, visits
    from qaudit.storage import transaction

    engine = context.engine()
    with transaction(engine) as session:
        assessment = assessments.get(session, context.args.id)
        assessments.ensure_open(assessment)
        open_points = assessments.unanswered(session, assessment)
    if open_points and not context.args.yes and not _confirm(open_points):
        message = _(
            "assessment {id} still has {count} unanswered points; nothing closed "
            "(add --yes to close it anyway)"
        )
        raise Refused(message.format(id=context.args.id, count=open_points))
    judged = visits.close_visit(engine, context.args.id, today=date.today())
    message = _("assessment {id} is closed; its answers are locked. Verdict: {outcome}")
    print(message.format(id=context.args.id, outcome=judged.outcome.label))
    return 0


def _confirm(open_points: int) -> bool:
    """Ask on a terminal; a script (no terminal) must say --yes."""
    if not sys.stdin.isatty():
        return False
    question = _("{count} points have no answer yet. Close anyway? [y/N] ")
    try:
        reply = input(question.format(count=open_points))
    except EOFError:
        return False
    return reply.strip().lower() in {"y", "yes", "j", "ja"}
