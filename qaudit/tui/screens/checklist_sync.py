"""The checklist screen's saving: one field at a time, conflicts, the write queue, live view.

On SQLite an answer is saved at once on the UI thread (a local file: a few milliseconds).
On PostgreSQL it goes to the app's write queue (:mod:`qaudit.services.write_queue`): the
key press only writes the local outbox, and the answer's cell shows its state until the
database has it. Answers others give arrive through :class:`qaudit.services.live.Watcher`
and are shown where they are, without moving the cursor, with who gave them.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from qaudit.domain.enums import Result
from qaudit.errors import QauditError
from qaudit.i18n import N_, _
from qaudit.services.answering import AnswerConflict, AnswerField, Value, shown
from qaudit.services.write_queue import State, Update

if TYPE_CHECKING:
    from qaudit.services.durability import DiskFlush
    from qaudit.services.live import AnswerView, Watcher
    from qaudit.tui.screens.checklist_state import ChecklistState

MARKS = {State.SAVING: "⋯", State.WAITING: "⏳"}
STATE_TEXT = {
    State.SAVING: N_("saving"),
    State.WAITING: N_("waiting for the database (kept on this computer)"),
}


class AnswerSync:
    """Mixed into :class:`ChecklistScreen`; it provides the attributes declared here."""

    assessment_id: int
    state: ChecklistState | None
    qapp: Any
    engine: Any
    _watcher: Watcher | None = None
    _disk: DiskFlush | None = None
    _busy: dict[str, int]

    if TYPE_CHECKING:  # provided by the screen (it comes later in the method order)

        def _after_change(self, point_id: str, detail: bool) -> None: ...
        def _saved(self, text: str) -> None: ...
        def current_point_id(self) -> str | None: ...
        def ask(self, dialog: Any, callback: Any) -> None: ...

    def showing(self) -> bool:
        """Still on the screen stack with its widgets (not being taken down)."""
        return bool(getattr(self, "is_attached", False)) and bool(
            self.query("#points")  # type: ignore[attr-defined]
        )

    # -- starting and stopping -------------------------------------------------------------

    def start_sync(self) -> None:
        from qaudit.services.durability import DiskFlush
        from qaudit.services.live import Watcher

        self._busy = {}
        self._disk = DiskFlush(self.engine)
        self.qapp.queue_listeners.append(self.queue_update)
        self.qapp.write_queue()  # on PostgreSQL: start sending (also what was left last time)
        self._watcher = Watcher(self.engine, self.assessment_id, self._live_from_thread).start()

    def stop_sync(self) -> None:
        if self.queue_update in self.qapp.queue_listeners:
            self.qapp.queue_listeners.remove(self.queue_update)
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        if self._disk is not None:
            self._disk.close()

    # -- saving ----------------------------------------------------------------------------

    def save_field(
        self, point_id: str, field: AnswerField, value: Value, remember: bool, detail: bool = True
    ) -> bool:
        """Save one field of one point over the version this screen has seen.

        ``detail=False``: the caller moves on at once (an answer key), so the point's detail
        is not drawn again first.
        """
        from qaudit.services import answering

        state = self.state
        assert state is not None
        before = state.value(point_id, field)
        based_on = state.versions.get(point_id, 0)
        queue = self.qapp.write_queue()
        if queue is not None and field is AnswerField.RESULT:
            try:  # the checklist's rules, now: a queued answer would be refused only later
                answering.check_allowed(self.engine, self.assessment_id, point_id, Result(value))
            except QauditError as error:
                self.qapp.report_error(error)
                self._saved(_("NOT saved"))
                return False
        if queue is not None:
            if (
                self.qapp.call_service(
                    queue.submit, self.assessment_id, point_id, field, value, based_on
                )
                is None
            ):
                return False
            self._busy[point_id] = self._busy.get(point_id, 0) + 1
            state.marks[point_id] = MARKS[State.SAVING]
        else:
            try:
                saved = answering.save(
                    self.engine, self.assessment_id, point_id, field, value, based_on=based_on
                )
                if self._disk is not None:
                    self._disk.committed()  # synced at the next pause, off this thread
            except AnswerConflict as conflict:
                self.show_conflict(conflict)
                return False
            except QauditError as error:
                self.qapp.report_error(error)
                self._saved(_("NOT saved"))
                return False
            state.seen(point_id, saved.version)
            state.marks.pop(point_id, None)
        if remember:
            state.undo.append((point_id, field, before))
        state.set_value(point_id, field, value)
        self._after_change(point_id, detail and point_id == self.current_point_id())
        self._saved(
            _("✔ saved {time} · {point}: {value}").format(
                time=datetime.now().strftime("%H:%M:%S"), point=point_id, value=shown(value)
            )
            if queue is None
            else _("{point}: {state}").format(point=point_id, state=_(STATE_TEXT[State.SAVING]))
        )
        return True

    def show_conflict(self, conflict: AnswerConflict) -> None:
        """Show their value now; ask whether to keep ours (saved again over theirs)."""
        state = self.state
        assert state is not None
        point_id = conflict.point_id
        state.set_value(point_id, conflict.field, conflict.theirs)
        state.seen(point_id, conflict.version)
        state.marks[point_id] = conflict.who
        self._after_change(point_id, point_id == self.current_point_id())
        question = _(
            "{who} changed the {field} of {point} at {when}: {theirs}.\n"
            "Yours was: {mine}.\n\nKeep yours (y), or take theirs (n)?"
        ).format(
            who=conflict.who or "?",
            field=conflict.field.label,
            point=point_id,
            when=f"{conflict.when:%H:%M:%S}",
            theirs=shown(conflict.theirs),
            mine=shown(conflict.mine),
        )
        from qaudit.tui.screens.form import ConfirmDialog

        def decide(keep: bool) -> None:
            if keep:
                self.save_field(point_id, conflict.field, conflict.mine, remember=False)

        self.ask(ConfirmDialog(question), decide)

    # -- the write queue's news (on the UI thread) -------------------------------------------

    def queue_update(self, update: Update) -> None:
        entry = update.entry
        if self.state is None or entry.assessment_id != self.assessment_id or not self.showing():
            return
        point_id, state = entry.point_id, self.state
        if update.state in MARKS:
            state.marks[point_id] = MARKS[update.state]
            text = _(STATE_TEXT[update.state])
            self._saved(_("{point}: {state}").format(point=point_id, state=text))
        else:
            self._busy[point_id] = max(0, self._busy.get(point_id, 0) - 1)
            if not self._busy[point_id]:
                state.marks.pop(point_id, None)
        if update.saved is not None:
            state.seen(point_id, update.saved.version)
            if not self._busy.get(point_id):  # the last of this point's saves: as stored
                state.set_value(point_id, entry.field, update.saved.value)
            self._saved(
                _("✔ saved {time} · {point}: {value}").format(
                    time=datetime.now().strftime("%H:%M:%S"),
                    point=point_id,
                    value=shown(update.saved.value),
                )
            )
        elif update.conflict is not None:
            self.show_conflict(update.conflict)
        elif update.state is State.REFUSED:
            self.qapp.report_error(QauditError(update.message))
            self._saved(_("NOT saved"))
        self._after_change(point_id, point_id == self.current_point_id())

    # -- what others do --------------------------------------------------------------------

    def _live_from_thread(self, answers: dict[str, AnswerView]) -> None:
        self.qapp.post_from_thread(self.take_live, answers)

    def take_live(self, answers: dict[str, AnswerView]) -> None:
        """Show the answers others gave, where they are; the cursor stays."""
        if self.state is None or self._watcher is None or not self.showing():
            return
        busy = {p for p, n in self._busy.items() if n}
        from qaudit.services.audit import current_actor

        changed = self.state.merge(answers, busy, current_actor())
        current = self.current_point_id()
        for point_id in changed:
            self._after_change(point_id, point_id == current)
        if changed:
            last = answers[changed[-1]]
            self._saved(
                _("↻ {point}: {result} — {who} {time}").format(
                    point=last.point_id,
                    result=last.result.label,
                    who=last.changed_by,
                    time=f"{last.changed_at:%H:%M:%S}" if last.changed_at else "",
                )
            )
