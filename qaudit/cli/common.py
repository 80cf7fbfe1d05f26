"""What every command gets: the settings, the database, and ways to print."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qaudit.config import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine


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


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str = "") -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(*headers, title=title or None, show_lines=False)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    from qaudit.i18n import _

    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
