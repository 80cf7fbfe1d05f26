"""Typed settings, read from ``config.toml`` in the user config directory.

Every field has a default, so qaudit runs without a config file. Environment variables
``QAUDIT_DATABASE_URL`` and ``QAUDIT_LANGUAGE`` override the file; the command line's
``--database`` overrides both. The file is validated as a whole: a wrong type, an unknown key
(with "did you mean") or a bad value is one message naming the file and the key.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from qaudit.errors import QauditError
from qaudit.i18n import N_, _
from qaudit.paths import UserDirs, user_dirs

LANGUAGES = ("nl", "en")


class PrivacySettings(BaseModel):
    """The ``[privacy]`` table."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    retention_months: int = Field(default=24, ge=1, le=1200)
    """How long interview notes are kept after the interview (AVG storage limitation);
    ``qaudit privacy purge`` removes older ones."""


class ClientVoiceSettings(BaseModel):
    """Targets of the client's voice, the ``[clientvoice]`` table (defaults: seed 002)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    nps_target: float = Field(default=80.0, ge=-100, le=100)
    """The NPS a location aims to exceed (points, −100 to 100)."""
    satisfaction_target: float = Field(default=4.5, ge=1, le=5)
    """The mean overall satisfaction (1–5) to exceed."""
    parameter_target: float = Field(default=4.5, ge=1, le=5)
    """The mean (1–5) each of the six parameters should exceed."""
    promise_target: float = Field(default=80.0, ge=0, le=100)
    """The share (percent) of respondents who should notice a promise kept."""
    min_responses: int = Field(default=30, ge=1)
    """Below this many responses a figure is indicative only."""
    actions_min: int = Field(default=1, ge=0)
    actions_max: int = Field(default=5, ge=0)
    """Improvement actions from feedback per unit and period (seed 002: 1–5)."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    database_url: str = ""
    """SQLAlchemy URL of the database; empty means the SQLite file in the data directory."""

    language: Literal["nl", "en"] = "nl"
    """Language of everything a user reads: ``nl`` (default) or ``en``."""

    template_dir: str = ""
    """A folder of Word templates that override the shipped ones (same file names)."""

    theme: str = "textual-dark"
    """The Textual theme of the terminal UI."""

    keys: dict[str, str] = Field(default_factory=dict)
    """Key remapping for the terminal UI: binding id -> keys, e.g. ``"checklist.next" = "n"``."""

    planner: dict[str, Any] = Field(default_factory=dict)
    """Settings of the cycle planner, the ``[planner]`` table (``qaudit.scheduling.settings``):
    ``team_size`` (assessors per Cirkel, 2), ``peer_visitors`` (sent per visitation, 2),
    ``max_visits_per_organisation`` (visitations per organisation per year, 2),
    ``independence_years`` (3), ``allow_reciprocal_same_year`` (false),
    ``prefer_same_region`` (true), ``uid_domain`` ("qaudit") and ``[planner.unavailable]``
    (person id -> years or periods). Validated when the file is read; errors name the key."""

    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    """Privacy rules, the ``[privacy]`` table: ``retention_months`` (24)."""
    clientvoice: ClientVoiceSettings = Field(default_factory=ClientVoiceSettings)
    """Targets of the client's voice, the ``[clientvoice]`` table: ``nps_target`` (80),
    ``satisfaction_target`` (4.5), ``parameter_target`` (4.5), ``promise_target`` (80 %),
    ``min_responses`` (30), ``actions_min`` / ``actions_max`` (1 / 5)."""

    def resolved_database_url(self, dirs: UserDirs | None = None) -> str:
        if self.database_url:
            return self.database_url
        return sqlite_url((dirs or user_dirs()).database_file)


# What each key expects, in words a user reads in an error message.
EXPECTED = {
    "database_url": N_("text (a database URL)"),
    "language": N_("one of nl, en"),
    "template_dir": N_("text (a folder)"),
    "theme": N_("text (a theme name)"),
    "keys": N_("a table of binding id = keys"),
    "planner": N_("a table [planner]"),
    "privacy": N_("a table [privacy] with retention_months = a whole number of months (1-1200)"),
    "clientvoice": N_("a table [clientvoice] of targets (numbers)"),
}


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def load_settings(
    config_file: Path | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Settings from the config file (if any), then the environment."""
    env = os.environ if environ is None else environ
    path = config_file or user_dirs().config_file
    values: dict[str, Any] = _read_config_file(path) if path.is_file() else {}
    if env.get("QAUDIT_DATABASE_URL"):
        values["database_url"] = env["QAUDIT_DATABASE_URL"]
    if env.get("QAUDIT_LANGUAGE"):
        values["language"] = env["QAUDIT_LANGUAGE"]
    try:
        settings = Settings(**values)
    except ValidationError as exc:
        raise QauditError(_problem(path, exc)) from None
    if settings.planner:
        from qaudit.scheduling.settings import planner_settings

        planner_settings(settings.planner, source=str(path))
    return settings


def _problem(path: Path, error: ValidationError) -> str:
    """The first problem of ``error`` as one line naming the file and the key."""
    first = error.errors()[0]
    key = ".".join(str(part) for part in first["loc"])
    top = str(first["loc"][0]) if first["loc"] else ""
    if first["type"] == "extra_forbidden":
        nested = top == "privacy" and len(first["loc"]) > 1
        known = PrivacySettings.model_fields if nested else Settings.model_fields
        known = ClientVoiceSettings.model_fields if top == "clientvoice" else Settings.model_fields
        return unknown_key(str(path), key, known)
    expected = _(EXPECTED[top]) if top in EXPECTED else first["msg"]
    message = _("{path}: {key}: expected {expected}, got {value!r}")
    return message.format(path=path, key=key, expected=expected, value=first.get("input"))


def unknown_key(source: str, key: str, known: Iterable[str]) -> str:
    """``config.toml: team_sise: unknown setting; did you mean team_size?``"""
    names = sorted(known)
    close = difflib.get_close_matches(key.rsplit(".", 1)[-1], names, n=1)
    if close:
        message = _("{path}: {key}: unknown setting; did you mean {suggestion}?")
        return message.format(path=source, key=key, suggestion=close[0])
    message = _("{path}: {key}: unknown setting; known: {names}")
    return message.format(path=source, key=key, names=", ".join(names))


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise QauditError(
            _("{path}: not valid TOML: {error}").format(path=path, error=exc)
        ) from exc
    except OSError as exc:
        message = _("{path}: cannot be read: {error}")
        raise QauditError(message.format(path=path, error=exc.strerror or exc)) from exc
    return dict(data)
