"""``qaudit`` (no command) and ``qaudit ui``: the terminal workbench.

Opened for its first frame as early as possible: the settings it needs for that frame (the
database, the language, the theme) are read from ``config.toml`` and the environment without
the settings model; the dashboard is read by a helper process while Textual is imported
(:mod:`qaudit.services.dashboard_prefetch`); the whole of ``config.toml`` is validated right
after the first frame, and when it is wrong the workbench closes and says why (exit 1).
"""

from __future__ import annotations

import gc
from datetime import date
from typing import TYPE_CHECKING

from qaudit.i18n import _, set_language

if TYPE_CHECKING:
    from qaudit.cli.common import Commands, Context
    from qaudit.config import Settings


def register(commands: Commands) -> None:
    parser = commands.add_parser("ui", help=_("open the terminal workbench (the default)"))
    parser.set_defaults(handler=run_ui)


def run_ui(context: Context, url: str | None = None) -> int:
    """Through the full parser (settings already validated)."""
    return _open(url or context.database_url, context.settings)


def open_workbench(database: str | None, language: str | None) -> int:
    """``qaudit [--database URL] [--language LANG] [ui]``: ``config.toml`` is validated after
    the first frame, unless one of the basic settings is wrong, which is said at once."""
    # Start-up allocates a few hundred thousand objects that live as long as the app: the
    # cycle collector would walk them again and again (about 5% of the time to the first
    # frame). It is off until the first frame is drawn (``when_started``), then on as always.
    gc.disable()
    try:
        return _open_when_read(database, language)
    finally:
        gc.enable()


def _open_when_read(database: str | None, language: str | None) -> int:
    from qaudit.config_source import basics_of, config_values

    _path, values = config_values()
    basics = basics_of(values)
    if basics is None:
        from qaudit.config import load_settings

        settings = load_settings()  # says what is wrong (a QauditError, exit 1)
        set_language(language or settings.language)
        return _open(database or settings.resolved_database_url(), settings)
    set_language(language or basics.language)
    return _open(database or basics.database_url or None, theme=basics.theme, deferred=True)


def _open(
    url: str | None, settings: Settings | None = None, theme: str = "", deferred: bool = False
) -> int:
    from qaudit.paths import user_dirs
    from qaudit.services.dashboard_prefetch import prefetch
    from qaudit.services.workbench import Workbench

    today = date.today()
    workbench = Workbench(url or user_dirs().database_url)
    rows = prefetch(workbench, today)  # before Textual is imported: both at once

    from qaudit.tui.app import QAuditApp, run

    app = QAuditApp(
        settings,
        services=workbench,
        prefetched=rows,
        today=today,
        load_settings=_load_settings if deferred else None,
        theme=theme,
        when_started=gc.enable,
    )
    return run(app)


def _load_settings() -> Settings:
    from qaudit.config import load_settings  # pydantic: after the first frame

    return load_settings()
