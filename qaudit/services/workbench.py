"""The terminal workbench's one door to the core.

The UI (``qaudit.tui``) reads and writes only through this object and the service
functions it is handed: it never sees a session, a query or the storage layer. Each call
here is one user action in one transaction. The database layer (SQLAlchemy) is imported
when the engine is first needed, so the dashboard's first frame does not wait for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from qaudit.services.checklist_view import ChecklistView
    from qaudit.services.dashboard_row import DashboardRow
    from qaudit.services.evidence import Attached, EvidenceView
    from qaudit.services.history import HistoryEntry
    from qaudit.services.write_queue import Update, WriteQueue

    Database = Engine
    """What the UI holds and hands back to services: an opaque database handle."""

T = TypeVar("T")


@dataclass(frozen=True)
class ReportTarget:
    kind: str
    """The ``qaudit report`` kind."""
    path: Path


class Workbench:
    """The database one workbench works on, and the services its screens call."""

    def __init__(self, database_url: str | None = None, *, engine: Database | None = None) -> None:
        if engine is None and not database_url:
            raise ValueError("a database URL or an engine is needed")
        self._engine = engine
        if not database_url and engine is not None:
            database_url = str(engine.url)
        self.database_url = database_url
        self._engine_lock = threading.Lock()
        self._queue: WriteQueue | None = None
        self._queue_lock = threading.Lock()

    @property
    def url(self) -> str:
        return str(self.database_url)

    @property
    def sqlite_path(self) -> str | None:
        """The SQLite file to read the dashboard from without SQLAlchemy, if there is one."""
        prefix = "sqlite:///"
        url = self.url
        if self._engine is not None or not url.startswith(prefix) or "?" in url:
            return None
        path = url[len(prefix) :]
        return path if path and path != ":memory:" else None

    def engine(self) -> Database:
        """The database (opened, and its schema checked, on first use)."""
        with self._engine_lock:
            if self._engine is None:
                from qaudit.services.database import open_database

                self._engine = open_database(self.url)
            return self._engine

    def is_central(self) -> bool:
        """A shared (PostgreSQL) database, where answers travel through the write queue."""
        return self.engine().dialect.name == "postgresql"

    def read(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a read-only service function (``function(session, *args)``) in one
        transaction and return its typed view."""
        from qaudit.storage import transaction

        with transaction(self.engine()) as session:
            return function(session, *args, **kwargs)

    def run(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a service function that opens its own transaction (``function(engine, ...)``)."""
        return function(self.engine(), *args, **kwargs)

    def describe_fault(self, error: BaseException) -> str | None:
        """A user error's message, or a database or file fault's; None for a bug."""
        from qaudit.services.database import describe_fault

        return describe_fault(error, self.url)

    # The write queue (central databases only)

    def write_queue(self, on_update: Callable[[Update], None]) -> WriteQueue | None:
        """On a central database: the queue answers leave the UI through (started once)."""
        with self._queue_lock:
            if self._queue is None and self.is_central():
                from qaudit.services.outbox import Outbox
                from qaudit.services.write_queue import WriteQueue

                self._queue = WriteQueue(self.engine(), Outbox(), on_update).start()
            return self._queue

    @property
    def queue(self) -> WriteQueue | None:
        """The write queue, if one was started."""
        return self._queue

    def pending_writes(self) -> int:
        return self._queue.pending() if self._queue is not None else 0

    def wait_for_writes(self, timeout: float = 30.0) -> bool:
        """Wait until every queued answer reached the database (True), or the timeout."""
        return self._queue is None or self._queue.pending() == 0 or self._queue.wait_idle(timeout)

    def stop(self) -> None:
        if self._queue is not None:
            self._queue.stop()

    def leftovers(self) -> int:
        """Answers an earlier session could not send (central databases only)."""
        if not self.is_central():
            return 0
        from qaudit.services.outbox import Outbox
        from qaudit.services.write_queue import database_key

        return Outbox().count(database_key(self.engine()))

    # Views the screens show

    def dashboard_rows(self, today: date) -> list[DashboardRow]:
        """Off the UI thread: the fast ``sqlite3`` path when possible, else the engine."""
        from qaudit.services import dashboard

        path = self.sqlite_path
        if path is not None:
            import sqlite3

            try:
                read, close = dashboard.sqlite_reader(path)
                try:
                    return dashboard.sqlite_rows(read, today)
                finally:
                    close()
            except sqlite3.Error:
                pass  # no file or no schema yet: the engine creates it
        return dashboard.rows_for(self.engine(), today)

    def checklist(self, assessment_id: int) -> ChecklistView:
        from qaudit.services.checklist_view import checklist_view

        return self.read(checklist_view, assessment_id)

    def history(self, assessment_id: int, point_id: str | None) -> list[HistoryEntry]:
        from qaudit.services.history import history_of

        return list(history_of(self.engine(), assessment_id, point_id))

    def report_target(self, assessment_id: int, folder: Path) -> ReportTarget:
        """The Word report of an assessment and the file it is written to in ``folder``."""
        from qaudit.services.report_target import report_target

        kind, name = self.read(report_target, assessment_id)
        return ReportTarget(kind, folder / name)

    # Evidence files and photos (issue 15)

    def evidence(self, assessment_id: int, point_id: str | None = None) -> list[EvidenceView]:
        """The files attached to a point (or to the whole assessment)."""
        from qaudit.services.evidence import listed

        return self.read(listed, assessment_id, point_id)

    def attach_evidence(
        self,
        assessment_id: int,
        point_id: str,
        path: Path,
        *,
        max_mib: int,
        name_checked: bool = False,
    ) -> Attached:
        """Attach a file from disk (checked first), in one transaction."""
        from qaudit.services.evidence import attach_file

        return attach_file(
            self.engine(),
            assessment_id,
            point_id,
            path,
            max_mib=max_mib,
            name_checked=name_checked,
        )

    def detach_evidence(self, evidence_id: int) -> EvidenceView:
        """Detach a file from its point (logged), in one transaction."""
        from qaudit.services.evidence import detach

        return self.run(detach, evidence_id)

    def open_evidence(self, evidence_id: int, folder: Path, opener: list[str]) -> str:
        """Write a copy of the file under ``folder`` and open it with the viewer; what happened."""
        from qaudit.services.evidence import content, open_with_viewer, scratch_copy

        view, data = self.read(content, evidence_id)
        return open_with_viewer(scratch_copy(view, data, folder), opener)
