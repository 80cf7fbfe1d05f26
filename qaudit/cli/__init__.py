"""The ``qaudit`` command line: parses, calls services, prints.

Exit codes: 0 success, 1 a domain error (invalid file, refused action), 2 a usage error.
Heavy modules are imported inside the commands, so ``qaudit --version`` stays instant, and
``qaudit`` / ``qaudit ui`` open the workbench without building every command's parser or the
settings model first (:func:`workbench_options`, :func:`qaudit.cli.ui.open_workbench`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from qaudit import __version__
from qaudit.errors import QauditError
from qaudit.i18n import LANGUAGES, _, set_language

if TYPE_CHECKING:  # argparse and the parser's helpers: not on the workbench's way in
    import argparse

    from qaudit.cli.common import Context

COMMANDS = (
    "qaudit.cli.ui",
    "qaudit.cli.demo",
    "qaudit.cli.db",
    "qaudit.cli.checklist",
    "qaudit.cli.listing",
    "qaudit.cli.people",
    "qaudit.cli.locate",
    "qaudit.cli.schedule",
    "qaudit.cli.excel",
    "qaudit.cli.report",
    "qaudit.cli.privacy",
    "qaudit.cli.access",
    "qaudit.cli.history",
    "qaudit.cli.voice_feedback",
    "qaudit.cli.voice_register",
    "qaudit.cli.answer",
    "qaudit.cli.evidence",
    "qaudit.cli.network",
    "qaudit.cli.versions",
)


def build_parser(commands: Sequence[str] = COMMANDS) -> argparse.ArgumentParser:
    import importlib

    from qaudit.cli.common import Parser

    parser = Parser(
        prog="qaudit",
        description=_("Quality-audit workbench for the Kwaliteit@ cycle."),
    )
    parser.add_argument("--version", action="version", version=f"qaudit {__version__}")
    _add_global_options(parser, default=None)
    parser.set_defaults(handler=None)
    subcommands = parser.add_subparsers(title=_("commands"), metavar=_("COMMAND"))
    for name in commands:
        importlib.import_module(name).register(subcommands)
    _accept_global_options_everywhere(parser)
    return parser


def _add_global_options(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        default=default,
        help=_("database URL (default: $QAUDIT_DATABASE_URL or the user data file)"),
    )
    parser.add_argument(
        "--language", choices=LANGUAGES, default=default, help=_("language of the output")
    )


def _accept_global_options_everywhere(parser: argparse.ArgumentParser) -> None:
    """``qaudit report ... --database URL`` works as well as ``qaudit --database URL report``."""
    import argparse

    from qaudit.cli.common import Parser

    commands = parser.subcommands if isinstance(parser, Parser) else None
    for command in commands.choices.values() if commands is not None else ():
        _add_global_options(command, default=argparse.SUPPRESS)
        _accept_global_options_everywhere(command)


GLOBAL_OPTIONS = ("--database", "--language")


def workbench_options(argv: Sequence[str]) -> dict[str, str] | None:
    """For ``qaudit`` or ``qaudit ui`` with nothing but the global options: their values
    (``database``, ``language``); None for any other command line, which the full parser
    reads (and for a language it does not know, which it reports)."""
    options, rest = _global_options(argv)
    if rest not in ([], ["ui"]) or options.get("language", LANGUAGES[0]) not in LANGUAGES:
        return None
    return options


def _global_options(argv: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """The global options' values (by name without ``--``) and the other arguments; an
    option without its value stays among the others (the parser says what is missing)."""
    options: dict[str, str] = {}
    rest: list[str] = []
    i = 0
    while i < len(argv):
        name, equals, value = argv[i].partition("=")
        given = bool(equals) or (i + 1 < len(argv) and not argv[i + 1].startswith("-"))
        if name in GLOBAL_OPTIONS and given:
            if not equals:
                i += 1
                value = argv[i]
            options[name.removeprefix("--")] = value
        else:
            rest.append(argv[i])
        i += 1
    return options, rest


def _language_from(argv: Sequence[str]) -> str | None:
    return _global_options(argv)[0].get("language")


def main(argv: Sequence[str] | None = None) -> int:
    code = _main(argv)
    if code != 0 and argv is None:
        # The command failed and said why. Objects a failed writer left half-open (e.g. a
        # workbook's sheets on a full disk) are collected at exit; their complaints are noise.
        sys.unraisablehook = lambda _unraisable: None
    return code


def _main(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--version"]:  # instant: no settings to validate (pydantic is slow)
        print(f"qaudit {__version__}")
        return 0
    context: Context | None = None
    try:
        options = workbench_options(arguments)
        if options is not None:
            from qaudit.cli.ui import open_workbench

            return open_workbench(options.get("database"), options.get("language"))
        from qaudit.config import load_settings

        settings = load_settings()
        language = _language_from(arguments)
        set_language(language if language in LANGUAGES else settings.language)
        from qaudit.cli import argparse_nl
        from qaudit.cli.common import Context

        argparse_nl.install()
        args = build_parser().parse_args(arguments)
        context = Context(settings=settings, args=args)
        if args.handler is None:
            from qaudit.cli.ui import run_ui

            return run_ui(context)
        return int(args.handler(context) or 0)
    except QauditError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130
    except EOFError:  # a question was asked, and the input ended without an answer
        return _fail(_("no answer: the input ended before a choice was made; nothing changed"))
    except BrokenPipeError:  # the reader went away (e.g. `qaudit location list | head`)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a database or file fault is a message; a bug stays a traceback
        message = _fault(exc, context)
        if message is None:
            raise
        return _fail(message)


def _fail(message: str) -> int:
    label = _("error")
    print(f"qaudit: {label}: {message}", file=sys.stderr)
    return 1


def _fault(exc: Exception, context: Context | None) -> str | None:
    from qaudit.storage.faults import fault_message

    try:
        url = context.database_url if context is not None else None
    except Exception:  # the settings could not say; the message names no database then
        url = None
    return fault_message(exc, url)
