"""Typed settings, read from ``config.toml`` in the user config directory.

Every field has a default, so qaudit runs without a config file. Environment variables
``QAUDIT_DATABASE_URL`` and ``QAUDIT_LANGUAGE`` override the file; the command line's
``--database`` overrides both.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from qaudit.errors import QauditError
from qaudit.i18n import _
from qaudit.paths import UserDirs, user_dirs

LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Settings:
    database_url: str = ""
    """SQLAlchemy URL of the database; empty means the SQLite file in the data directory."""

    language: str = "nl"
    """Language of everything a user reads: ``nl`` (default) or ``en``."""

    template_dir: str = ""
    """A folder of Word templates that override the shipped ones (same file names)."""

    theme: str = "textual-dark"
    """The Textual theme of the terminal UI."""

    keys: dict[str, str] = field(default_factory=dict)
    """Key remapping for the terminal UI: binding id -> keys, e.g. ``"checklist.next" = "n"``."""

    planner: dict[str, object] = field(default_factory=dict)
    """Settings of the cycle planner, the ``[planner]`` table (``qaudit.scheduling.settings``):
    ``team_size`` (assessors per Cirkel, 2), ``peer_visitors`` (sent per visitation, 2),
    ``max_visits_per_organisation`` (visitations per organisation per year, 2),
    ``independence_years`` (3), ``allow_reciprocal_same_year`` (false),
    ``prefer_same_region`` (true), ``uid_domain`` ("qaudit") and ``[planner.unavailable]``
    (person id -> years or periods). Checked when the planner runs; errors name the key."""

    def resolved_database_url(self, dirs: UserDirs | None = None) -> str:
        if self.database_url:
            return self.database_url
        return sqlite_url((dirs or user_dirs()).database_file)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def load_settings(
    config_file: Path | None = None, environ: dict[str, str] | None = None
) -> Settings:
    """Settings from the config file (if any), then the environment."""
    env = os.environ if environ is None else environ
    path = config_file or user_dirs().config_file
    values: dict[str, Any] = _read_config_file(path) if path.is_file() else {}
    if env.get("QAUDIT_DATABASE_URL"):
        values["database_url"] = env["QAUDIT_DATABASE_URL"]
    if env.get("QAUDIT_LANGUAGE"):
        values["language"] = env["QAUDIT_LANGUAGE"]
    settings = Settings(**values)
    if settings.language not in LANGUAGES:
        message = _("{path}: language: '{value}' is not one of {choices}")
        choices = ", ".join(LANGUAGES)
        raise QauditError(message.format(path=path, value=settings.language, choices=choices))
    return settings


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise QauditError(
            _("{path}: not valid TOML: {error}").format(path=path, error=exc)
        ) from exc
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(data) - known)
    if unknown:
        message = _("{path}: unknown setting(s): {names}")
        raise QauditError(message.format(path=path, names=", ".join(unknown)))
    return dict(data)
