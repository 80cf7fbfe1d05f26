"""Every file location qaudit uses, in one place.

Tests patch :func:`user_dirs` (or set ``QAUDIT_HOME``) to isolate themselves from the real
user's configuration and data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "qaudit"
_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class UserDirs:
    config: Path
    data: Path
    documents: Path | None = None
    """Where reports and workbooks from the terminal UI go by default: a folder the user
    sees (``<Documents>/qaudit``), not inside the hidden data directory."""

    @property
    def output_dir(self) -> Path:
        return self.documents if self.documents is not None else self.data / "exports"

    @property
    def config_file(self) -> Path:
        return self.config / "config.toml"

    @property
    def database_file(self) -> Path:
        return self.data / "qaudit.db"

    @property
    def database_url(self) -> str:
        """The database when none is configured: the SQLite file in the data directory."""
        return f"sqlite:///{self.database_file}"

    @property
    def demo_database_file(self) -> Path:
        return self.data / "qaudit-demo.db"


def user_dirs() -> UserDirs:
    """The per-user config and data directories (``QAUDIT_HOME`` puts both under one folder)."""
    home = os.environ.get("QAUDIT_HOME")
    if home:
        return UserDirs(
            config=Path(home) / "config", data=Path(home) / "data", documents=Path(home) / "qaudit"
        )
    import platformdirs

    return UserDirs(
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        documents=Path(platformdirs.user_documents_dir()) / APP_NAME,
    )


def _shipped(name: str) -> Path:
    """A data folder: inside the installed wheel, or at the top of a source checkout."""
    packaged = _PACKAGE_DIR / "_data" / name
    return packaged if packaged.is_dir() else _PACKAGE_DIR.parent / name


def checklists_dir() -> Path:
    return _shipped("checklists")


def report_templates_dir() -> Path:
    return _shipped("report_templates")


def locale_dir() -> Path:
    return _PACKAGE_DIR / "locale"


def migrations_dir() -> Path:
    return _PACKAGE_DIR / "storage" / "migrations"
