"""Where the settings come from, read without validating them: ``config.toml`` in the user
config directory, then the environment (``QAUDIT_DATABASE_URL``, ``QAUDIT_LANGUAGE``).

Standard library only. :func:`qaudit.config.load_settings` validates these values as a whole
(pydantic, about a tenth of a second); the terminal workbench first takes only the
:class:`Basics` it needs for its first frame and validates the rest right after it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qaudit.errors import QauditError
from qaudit.i18n import LANGUAGES, _
from qaudit.paths import user_dirs


def config_values(
    config_file: Path | None = None, environ: Mapping[str, str] | None = None
) -> tuple[Path, dict[str, Any]]:
    """The config file's path and its values, with the environment's on top."""
    env = os.environ if environ is None else environ
    path = config_file or user_dirs().config_file
    values: dict[str, Any] = read_config_file(path) if path.is_file() else {}
    if env.get("QAUDIT_DATABASE_URL"):
        values["database_url"] = env["QAUDIT_DATABASE_URL"]
    if env.get("QAUDIT_LANGUAGE"):
        values["language"] = env["QAUDIT_LANGUAGE"]
    return path, values


@dataclass(frozen=True)
class Basics:
    """What the workbench's first frame needs of the settings."""

    database_url: str = ""
    language: str = "nl"
    theme: str = ""


def basics_of(values: Mapping[str, Any]) -> Basics | None:
    """The basics, when the values give each as the settings model would take it; None when
    one is wrong (the model then says what is wrong with it)."""
    database_url = values.get("database_url", "")
    language = values.get("language", "nl")
    theme = values.get("theme", "")
    if not all(isinstance(value, str) for value in (database_url, language, theme)):
        return None
    if language not in LANGUAGES:
        return None
    return Basics(database_url, language, theme)


def read_config_file(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a file to read

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
