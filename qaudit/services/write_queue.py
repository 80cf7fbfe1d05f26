"""The write queue: answers leave the caller at once and reach the database in order.

``submit`` writes the answer to the local outbox (a few milliseconds, no network) and
returns; a sending thread takes the outbox's entries oldest first and saves them with
:func:`qaudit.services.answering.save`. Each entry's state is reported through a callback:
saving, saved, waiting (the database cannot be reached: the entry stays in the outbox and
is tried again), conflict (someone else changed the point: shown to the person) or refused
(the assessment was closed meanwhile, or the point is unknown). No Textual here: the
terminal UI only shows the states.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from qaudit.errors import QauditError
from qaudit.services import answering
from qaudit.services.answering import AnswerConflict, AnswerField, Saved, Value
from qaudit.services.audit import current_actor
from qaudit.services.outbox import Outbox, Pending


class State(StrEnum):
    SAVING = "saving"
    SAVED = "saved"
    WAITING = "waiting"
    CONFLICT = "conflict"
    REFUSED = "refused"


@dataclass(frozen=True)
class Update:
    """What became of one queued answer."""

    entry: Pending
    state: State
    saved: Saved | None = None
    conflict: AnswerConflict | None = None
    message: str = ""


def database_key(engine: Engine) -> str:
    """How the outbox names a database: its URL without the password."""
    return engine.url.render_as_string(hide_password=True)


class WriteQueue:
    def __init__(
        self,
        engine: Engine,
        outbox: Outbox,
        on_update: Callable[[Update], None] = lambda update: None,
        *,
        retry_seconds: float = 1.0,
    ) -> None:
        self.engine, self.outbox, self.on_update = engine, outbox, on_update
        self.retry_seconds = retry_seconds
        self.database = database_key(engine)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._thread: threading.Thread | None = None
        self._own: dict[tuple[int, str, AnswerField], int] = {}
        """The version each (assessment, point, field) has after this queue's last save."""
        self.reachable = True

    # -- the caller's side (the UI thread) -----------------------------------------------

    def submit(
        self,
        assessment_id: int,
        point_id: str,
        field: AnswerField,
        value: Value,
        based_on: int | None,
        actor: str | None = None,
    ) -> int:
        """Keep the answer in the outbox and wake the sender; the entry's id."""
        entry_id = self.outbox.put(
            self.database,
            assessment_id,
            point_id,
            field,
            value,
            based_on,
            actor or current_actor(),
        )
        self._idle.clear()
        self._wake.set()
        return entry_id

    def pending(self) -> int:
        """How many answers have not reached the database yet."""
        return self.outbox.count(self.database)

    def start(self) -> WriteQueue:
        """Start sending (also what an earlier session left in the outbox)."""
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="qaudit-writes", daemon=True)
            self._thread.start()
            self._wake.set()
        return self

    def stop(self, timeout: float = 2.0) -> int:
        """Stop sending; the number of answers still waiting (they stay in the outbox)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        return self.pending()

    def wait_idle(self, timeout: float) -> bool:
        """Wait until the outbox is empty (tests, benchmarks, and quitting)."""
        return self._idle.wait(timeout)

    # -- the sending thread ----------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.retry_seconds)
            self._wake.clear()
            if self.send_pending() and self.pending() == 0:
                self._idle.set()

    def send_pending(self) -> bool:
        """Send what waits, oldest first; False when the database could not be reached."""
        for entry in self.outbox.pending(self.database):
            if self._stop.is_set():
                return False
            if not self._send(entry):
                return False
        self.reachable = True
        return True

    def _send(self, entry: Pending) -> bool:
        key = (entry.assessment_id, entry.point_id, entry.field)
        based_on = entry.based_on
        if based_on is not None and key in self._own:
            based_on = max(based_on, self._own[key])  # our own earlier save is no conflict
        self.on_update(Update(entry, State.SAVING))
        try:
            saved = answering.save(
                self.engine,
                entry.assessment_id,
                entry.point_id,
                entry.field,
                entry.value,
                based_on=based_on,
                actor=entry.actor,
            )
        except AnswerConflict as conflict:
            self.outbox.remove(entry.id)
            self.on_update(Update(entry, State.CONFLICT, conflict=conflict, message=str(conflict)))
            return True
        except QauditError as refused:
            self.outbox.remove(entry.id)
            self.on_update(Update(entry, State.REFUSED, message=str(refused)))
            return True
        except (OperationalError, DBAPIError, OSError) as down:
            self.reachable = False
            self.on_update(Update(entry, State.WAITING, message=str(down).splitlines()[0]))
            return False
        self.outbox.remove(entry.id)
        self._own[key] = saved.version
        self.on_update(Update(entry, State.SAVED, saved=saved))
        return True
