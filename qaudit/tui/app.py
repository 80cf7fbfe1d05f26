"""The auditor's workbench: a Textual app that receives its settings and its database.

Start-up is kept light: Textual and the dashboard screen are imported first, every other
screen when it is opened. A SQLite file is read for the dashboard with the standard
library's ``sqlite3`` (:mod:`qaudit.services.dashboard_prefetch`): by a helper process
``qaudit ui`` starts before Textual is imported, or on a thread started when the app is made, so
the first frame is usually already populated; the database layer (SQLAlchemy, SQLModel) is
loaded by a worker after that frame. Any other database is read through the engine by a
worker. Made without settings, the app starts on the defaults, or on what ``load_settings``
returns: the settings model (pydantic) is built after the first frame, off the UI thread,
and when ``config.toml`` turns out wrong the app closes with the message
(:attr:`QAuditApp.settings_error`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message

from qaudit.errors import QauditError
from qaudit.i18n import N_, _
from qaudit.services.workbench import Workbench
from qaudit.tui.commands import QAuditCommands
from qaudit.tui.screens.dashboard import DashboardScreen
from qaudit.tui.screens.outputs import OutputFailed, OutputWritten

if TYPE_CHECKING:
    from qaudit.checklists import Catalogue
    from qaudit.config import Settings
    from qaudit.services.workbench import Database
    from qaudit.services.write_queue import Update, WriteQueue


NARROW = 120
"""Terminal widths below this get the small-screen layouts."""


class ThreadNews(Message):
    """News from a background thread (the write queue, the live watcher) for the UI."""

    def __init__(self, callback: Any, args: tuple[Any, ...]) -> None:
        super().__init__()
        self.callback = callback
        self.args = args


class QAuditApp(App[None]):
    """The auditor's workbench. It receives its settings and database; it opens nothing itself."""

    TITLE = "qaudit"
    CSS_PATH = "qaudit.tcss"
    COMMANDS = App.COMMANDS | {QAuditCommands}
    BINDINGS = [
        Binding(
            "f1,question_mark",
            "help",
            N_("Help"),
            id="app.help",
            tooltip=N_("Show the keys of this screen and what they do"),
        ),
        Binding(
            "f6", "planner", N_("Planner"), id="app.planner", tooltip=N_("Open the cycle planner")
        ),
        Binding(
            "ctrl+q",
            "quit",
            N_("Quit"),
            id="app.quit",
            priority=True,
            tooltip=N_("Close qaudit; every answer is already saved"),
        ),
    ]

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        engine: Database | None = None,
        database_url: str | None = None,
        catalogue: Catalogue | None = None,
        today: date | None = None,
        services: Workbench | None = None,
        prefetched: Future[list[Any]] | None = None,
        load_settings: Callable[[], Settings] | None = None,
        theme: str = "",
        when_started: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._settings = settings
        self._settings_lock = threading.Lock()
        self._load_settings = load_settings
        self._when_started = when_started
        """Called once the dashboard's first frame is drawn (or its rows failed to load)."""
        self.settings_error: QauditError | None = None
        """What was wrong with ``config.toml``, found after the first frame (the app closes)."""
        if services is None and engine is None and not database_url:
            from qaudit.paths import user_dirs

            database_url = (
                settings.resolved_database_url() if settings else user_dirs().database_url
            )
        self.services = services or Workbench(database_url, engine=engine)
        """The one door to the core: every read and write of the screens goes through it."""
        self.database_url = self.services.url
        self.catalogue = catalogue
        self.today = today or date.today()
        if settings is not None:
            self.set_keymap(dict(settings.keys))
            theme = settings.theme
        if theme in self.available_themes:
            self.theme = theme
        self.dashboard_rows: list[Any] = []
        self.last_output: Path | None = None
        """The last report or workbook written by a worker."""
        self.output_folder: Path | None = None
        """The folder the user chose last for a report or workbook (this session)."""
        self.queue_listeners: list[Any] = []
        """Screens told what became of each answer sent through the write queue."""
        if prefetched is None:
            from qaudit.services.dashboard_prefetch import prefetch

            prefetched = prefetch(self.services, self.today, helper=False)
        self.prefetched = prefetched
        """The dashboard rows of a SQLite file, being read since the app was made."""

    @property
    def settings(self) -> Settings:
        """The settings it was given, else those ``load_settings`` returns, else the defaults
        (made when first asked for). When ``load_settings`` fails, the defaults stand in until
        the app has closed (see :meth:`warm_up`)."""
        with self._settings_lock:
            if self._settings is None:
                from qaudit.config import Settings

                try:
                    self._settings = (self._load_settings or Settings)()
                except QauditError as error:
                    self.settings_error = error
                    self._settings = Settings()
            return self._settings

    def engine(self) -> Database:
        """The database handle services take (opened, and its schema checked, on first use)."""
        return self.services.engine()

    def write_queue(self) -> WriteQueue | None:
        """On a central (PostgreSQL) database: the queue answers leave the UI through."""
        return self.services.write_queue(self._queue_news)

    def wait_for_writes(self, timeout: float = 30.0) -> bool:
        """Wait until every queued answer reached the database (True), or the timeout."""
        return self.services.wait_for_writes(timeout)

    def _queue_news(self, update: Update) -> None:
        """From the sending thread: pass the news to the screens on the UI thread."""
        self.post_from_thread(self._tell_screens, update)

    def post_from_thread(self, callback: Any, *args: Any) -> None:
        """Run ``callback`` on the UI thread soon, without waiting for it (the UI may be
        waiting for this very thread, e.g. for the queue to empty before a close): posted as
        a message (``post_message`` is thread-safe; refused once the app is closing, when
        the outbox keeps what is unsent)."""
        self.post_message(ThreadNews(callback, args))

    def on_thread_news(self, message: ThreadNews) -> None:
        message.callback(*message.args)

    def _tell_screens(self, update: Update) -> None:
        for listener in list(self.queue_listeners):
            listener(update)

    async def action_quit(self) -> None:
        """Quit; when answers still wait for the database, say so first."""
        waiting = self.services.pending_writes()
        if not waiting:
            self.exit()
            return
        from qaudit.tui.screens.form import ConfirmDialog

        question = _(
            "{count} answers have not reached the database yet. They are kept on this "
            "computer and sent the next time qaudit starts. Quit now?"
        ).format(count=waiting)

        def leave(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(ConfirmDialog(question), leave)

    def on_unmount(self) -> None:
        self.services.stop()

    def get_catalogue(self) -> Catalogue:
        if self.catalogue is None:
            from qaudit.checklists import shipped_catalogue

            self.catalogue = shipped_catalogue()
        return self.catalogue

    def on_resize(self, event: events.Resize) -> None:
        self.fit_layout(event.size.width)

    def fit_layout(self, width: int) -> None:
        """Below :data:`NARROW` columns the screens lay out for a small terminal (the
        ``-narrow`` rules in ``qaudit.tcss``: panels below instead of beside)."""
        self.set_class(width < NARROW, "-narrow")

    def on_mount(self) -> None:
        self.fit_layout(self.size.width)
        self.push_screen(DashboardScreen())
        if self._when_started is not None:
            self.set_timer(10, self.started)  # whatever became of the first frame
        if self._settings is not None and self._settings.keys:
            self.check_keys()

    @work(thread=True, exclusive=True, group="keys")
    def check_keys(self) -> None:
        """Say which entries of ``[keys]`` name no binding or take a key from another one
        (Textual would ignore or apply them silently)."""
        from qaudit.tui.keys import check_keymap

        problems = check_keymap(dict(self.settings.keys))
        if problems:
            self.call_from_thread(
                self.notify,
                "\n".join(problems),
                title=_("Keys in config.toml"),
                severity="warning",
                timeout=30,
                markup=False,
            )

    def started(self) -> None:
        """Start-up is over: the dashboard's first frame is drawn, or its rows failed."""
        when_started, self._when_started = self._when_started, None
        if when_started is not None:
            when_started()

    @work(thread=True, exclusive=True, group="warm-up")
    def warm_up(self) -> None:
        """After the first populated frame: open the engine (SQLAlchemy, schema check) in the
        background, so the first action that writes finds it ready."""
        try:
            if self._settings is None and self._load_settings is not None:
                self._settings_loaded(self.settings)  # validated off the UI thread
            self.engine()
            self._send_leftovers()
        except Exception as error:
            self.call_from_thread(self.report_error, error)

    def _settings_loaded(self, settings: Settings) -> None:
        """From :meth:`warm_up`: close with the message when ``config.toml`` is wrong, else
        apply what the first frame went without (the keys and the theme)."""
        if self.settings_error is not None:
            self.call_from_thread(self.exit, return_code=1)
            return
        self.call_from_thread(self._apply_settings, settings)

    def _apply_settings(self, settings: Settings) -> None:
        if settings.keys:
            self.set_keymap(dict(settings.keys))
            self.check_keys()
        if settings.theme != self.theme and settings.theme in self.available_themes:
            self.theme = settings.theme

    def _send_leftovers(self) -> None:
        """Answers an earlier session could not send wait in the outbox: send them now."""
        waiting = self.services.leftovers()
        if waiting:
            self.write_queue()
            message = _("{count} answers from an earlier session are being sent.")
            self.call_from_thread(self.notify, message.format(count=waiting))

    def action_language(self, language: str) -> None:
        """Speak ``language`` from now on, without a restart: every word on the screens is
        looked up when it is drawn, so the key bars, titles and tables are redrawn."""
        from qaudit.i18n import LANGUAGES, set_language

        if language not in LANGUAGES:
            return
        set_language(language)
        for screen in self.screen_stack:
            changed = getattr(screen, "language_changed", None)
            if changed is not None:
                changed()
            screen.refresh_bindings()
        self.notify(_("Language: {language}").format(language=_(LANGUAGE_NAMES[language])))

    def action_help(self) -> None:
        from qaudit.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_planner(self) -> None:
        from qaudit.tui.screens.planner import PlannerScreen

        self.push_screen(PlannerScreen(self.engine()))

    def open_location(self, location_id: int) -> None:
        from qaudit.tui.screens.location import LocationScreen

        self.push_screen(LocationScreen(location_id))

    def open_assessment(self, assessment_id: int) -> None:
        from qaudit.tui.screens.checklist import ChecklistScreen

        self.push_screen(ChecklistScreen(assessment_id))

    def on_output_written(self, message: OutputWritten) -> None:
        """A worker wrote a report or workbook: say where (and its notes)."""
        self.last_output = message.path
        self.notify(message.message, timeout=10)
        for note in message.notes:
            self.notify(note, severity="warning", timeout=12)

    def on_output_failed(self, message: OutputFailed) -> None:
        self.report_error(message.error)

    def report_error(self, error: Exception) -> None:
        """Show a user mistake (``QauditError``) or a database or file fault as a
        notification, never a traceback."""
        message = self.services.describe_fault(error) or str(error)
        self.notify(message, title=_("Not done"), severity="error", timeout=8)

    def call_service(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a service; a ``QauditError`` or a database or file fault (a locked file, a
        lost server) is shown, ``None`` returned, and the app keeps running."""
        try:
            return function(*args, **kwargs)
        except Exception as error:
            if self.services.describe_fault(error) is None:
                raise  # a bug, not a fault
            self.report_error(error)
            return None


LANGUAGE_NAMES = {"nl": N_("Dutch"), "en": N_("English")}


def run(app: QAuditApp) -> int:
    """Run the workbench until it is closed; a wrong ``config.toml`` found after the first
    frame is raised here (the command line says what is wrong, exit 1)."""
    app.run()
    if app.settings_error is not None:
        raise app.settings_error
    return app.return_code or 0
