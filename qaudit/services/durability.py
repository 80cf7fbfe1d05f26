"""Answers on disk at the first pause, without an fsync per key press.

SQLite runs in WAL mode with ``synchronous=NORMAL`` (:mod:`qaudit.storage.engine`): a
commit is in the operating system's hands when it returns, so it survives qaudit crashing
or being killed at once, but a power cut or an OS crash could still take the last commits.
:class:`DiskFlush` closes that window: once no answer has been committed for ``quiet``
seconds it runs a passive checkpoint in a thread of its own, which syncs the WAL (and the
database file) to disk. Not while answers follow each other: a sync during a write makes
that write wait for the disk, which is the cost this avoids. A passive checkpoint takes no
write lock. No Textual here.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError


class DiskFlush:
    def __init__(self, engine: Engine, quiet: float = 2.0) -> None:
        self.engine, self.quiet = engine, quiet
        self._dirty = threading.Event()
        self._stop = threading.Event()
        self._last = 0.0
        self._pending = False
        self._thread: threading.Thread | None = None
        self.flushes = 0
        self.last: tuple[int, int, int] | None = None
        """The last checkpoint's (busy, frames in the WAL, frames checkpointed)."""

    def committed(self) -> None:
        """A commit happened: sync it at the next pause of ``quiet`` seconds (cheap)."""
        if self.engine.dialect.name != "sqlite":
            return
        self._last = time.monotonic()
        self._pending = True
        self._dirty.set()
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="qaudit-disk", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._dirty.wait()
            while not self._stop.is_set():
                left = self._last + self.quiet - time.monotonic()
                if left <= 0:
                    break
                self._stop.wait(left)
            if self._stop.is_set():
                return
            self._dirty.clear()
            self._pending = False
            self.flush()

    def flush(self) -> None:
        """Sync what is committed to disk now (a passive WAL checkpoint)."""
        try:
            with self.engine.connect() as connection:
                row = connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
            self.last = (int(row[0]), int(row[1]), int(row[2]))
            self.flushes += 1
        except SQLAlchemyError:
            pass  # busy or gone: the automatic checkpoint or closing the database syncs

    def close(self) -> None:
        """Stop waiting and sync what was not synced yet (leaving the screen, quitting)."""
        self._stop.set()
        self._dirty.set()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        if self._pending:
            self._pending = False
            self.flush()
