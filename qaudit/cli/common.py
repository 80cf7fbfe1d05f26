"""What every command gets: the settings, the database, and ways to print."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

from qaudit.cli.argparse_nl import speaking
from qaudit.i18n import get_language

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from qaudit.config import Settings  # pydantic: imported by the commands that need it


class Commands(Protocol):
    """Where a module registers its commands: what ``add_subparsers()`` returns (argparse's
    class for it is private, so commands are typed by what they use of it)."""

    def add_parser(self, name: str, **kwargs: Any) -> Any: ...


class Parser(argparse.ArgumentParser):
    """An argument parser that remembers its sub-commands (``subcommands``), so a later
    module can add to a command registered earlier, and global options reach every command,
    without argparse's private attributes. Sub-parsers are of this class too."""

    subcommands: Any = None
    """The action ``add_subparsers`` returned (its ``choices``: name -> parser)."""

    def add_subparsers(self, **kwargs: Any) -> Any:
        self.subcommands = super().add_subparsers(**kwargs)
        return self.subcommands

    # argparse's own words in the user's language, wherever it speaks (see argparse_nl)
    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with speaking(get_language()):
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with speaking(get_language()):
            return super().format_usage()

    def format_help(self) -> str:
        with speaking(get_language()):
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with speaking(get_language()):
            super().error(message)


def subcommands_of(commands: Any, name: str) -> Any:
    """The sub-commands of the command ``name`` (registered earlier in ``COMMANDS``)."""
    parser = commands.choices[name]
    if not isinstance(parser, Parser) or parser.subcommands is None:
        raise LookupError(name)  # a programming error
    return parser.subcommands


@dataclass
class Context:
    settings: Settings
    args: argparse.Namespace
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def database_url(self) -> str:
        return self.args.database or self.settings.resolved_database_url()

    def engine(self) -> Engine:
        """The configured database, created or upgraded to the current schema."""
        if self._engine is None:
            from qaudit.services.database import open_database

            self._engine = open_database(self.database_url, on_backup=_tell_backup)
        return self._engine


def _tell_backup(path: object) -> None:
    from qaudit.i18n import _

    message = _("Backup of the database before the upgrade: {path}").format(path=path)
    print(f"qaudit: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


JSON_BATCH = 2_000
"""Items encoded per write by :func:`print_json_records`."""


def print_json_records(data: dict[str, Any]) -> None:
    """``data`` as JSON with each item of its lists (or iterators) on one compact line.

    The C encoder, item by item, written in batches: ``indent`` makes ``json`` encode in
    Python with a write per token (seconds for a plan of 25,000 locations), and encoding the
    whole document at once holds it in memory twice (hundreds of MiB)."""
    # no cycle check: the records are fresh trees of plain values (a dict per item saved)
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False, default=str).encode
    write = sys.stdout.write
    for number, (key, value) in enumerate(data.items()):
        write(("{\n  " if number == 0 else ",\n  ") + encode(key) + ": ")
        if not isinstance(value, (list, tuple, Iterator)):
            write(encode(value))
            continue
        write("[")
        separator = "\n    "
        batch: list[str] = []
        for item in value:
            batch.append(encode(item))
            if len(batch) == JSON_BATCH:
                write(separator + ",\n    ".join(batch))
                separator, batch = ",\n    ", []
        if batch:
            write(separator + ",\n    ".join(batch))
            separator = ","
        write("\n  ]" if separator != "\n    " else "]")
    write("\n}\n" if data else "{}\n")


RICH_ROWS = 500
"""Tables longer than this are printed as plain aligned columns: rich measures every cell
of every row (16 s for a 23,000-row plan); plain columns cost one pass."""


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str = "") -> None:
    if len(rows) > RICH_ROWS:
        print_plain_table(headers, rows, title)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*headers, title=title or None, show_lines=False)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)


def print_plain_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], title: str = ""
) -> None:
    """Aligned columns separated by two spaces, in one pass over the cells."""
    cells = [[str(h) for h in headers]]
    cells += [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = [title] if title else []
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(2 if title else 1, "  ".join("-" * w for w in widths))
    sys.stdout.write("\n".join(lines) + "\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    from qaudit.i18n import _

    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
