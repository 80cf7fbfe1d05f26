"""The checklist screen: answer 250+ points by keys, each answer committed at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, OptionList, ProgressBar, Static, TextArea

from qaudit.i18n import _
from qaudit.tui import format as fmt
from qaudit.tui.screens.base import WorkScreen
from qaudit.tui.screens.checklist_keys import BINDINGS, FILTER_LABELS, PALETTE
from qaudit.tui.screens.checklist_state import FILTERS, ChecklistState
from qaudit.tui.screens.checklist_sync import AnswerSync
from qaudit.tui.screens.clientvoice import perception_line, promise_perception
from qaudit.tui.widgets.key_bar import KeyBar
from qaudit.tui.widgets.point_detail import PointDetail
from qaudit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from qaudit.domain.point_search import PointIndex


class ChecklistScreen(AnswerSync, WorkScreen):
    AUTO_FOCUS = "#points"
    BINDINGS = BINDINGS
    PALETTE = PALETTE

    def __init__(self, assessment_id: int) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.state: ChecklistState | None = None
        self.note_draft: tuple[str, str] | None = None
        """A note held back by the privacy gate to be rewritten: (point id, text)."""
        self.perceived: dict[str, Any] = {}
        """Per promise: the share of clients who noticed it kept (visitation and Cirkel)."""
        self.search_index: PointIndex | None = None
        """Built at the first ``/``: every point of the checklist, folded for searching."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="progress-row"):
            yield ProgressBar(id="overall", show_eta=False)
            yield Static("", id="saved")
            yield Static("", id="filter-label")
        with Horizontal(id="checklist-body"):
            yield OptionList(id="themes")
            yield DataTable(id="points", cursor_type="row")
            with Vertical(id="detail-pane"):
                yield PointDetail(id="detail")
                yield TextArea(id="note", classes="note")
        yield KeyBar()

    def on_mount(self) -> None:
        from qaudit.tui.screens.checklist_state import load_state

        self.state = state = load_state(self.services, self.assessment_id)
        self.perceived = promise_perception(self.qapp, self.assessment_id)  # issue 12
        self.sub_title = state.title
        table = self.query_one("#points", DataTable)
        table.add_column(_("point"), key="id")
        table.add_column(_("answer"), key="answer")
        if state.has_reference:
            table.add_column(_("self-eval."), key="reference")
        table.add_column("⚑", key="critical")
        table.add_column(_("measurement point"), key="text")
        # The detail follows the cursor at once, in the frame that draws the cursor's move
        # (the RowHighlighted message comes a frame later; the detail skips a repeat).
        self.watch(table, "cursor_coordinate", self._cursor_moved, init=False)
        self._refresh_themes()
        self._fill_points()
        self._show_progress()
        self._saved(_("locked: closed") if state.closed else _("every answer is saved at once"))
        table.focus()
        if not state.closed:
            self.start_sync()

    def on_unmount(self) -> None:
        self.stop_sync()

    # -- showing ---------------------------------------------------------------------------

    def _refresh_themes(self) -> None:
        assert self.state is not None
        themes = self.query_one("#themes", OptionList)
        themes.clear_options()
        themes.add_options(self.state.theme_labels())
        themes.highlighted = self.state.theme_index + 1  # option 0 is "all themes"

    def _fill_points(self, select: str | None = None) -> None:
        assert self.state is not None
        table = self.query_one("#points", DataTable)
        table.clear()
        for point in self.state.visible_points():
            table.add_row(*self._cells(point), key=point.id)
        self.query_one("#filter-label", Static).update(
            _("Filter: {name}").format(name=_(FILTER_LABELS[self.state.filter]))
        )
        if select is not None and select in self.state.visible_ids():
            table.move_cursor(row=table.get_row_index(select))
        self._show_detail()

    def _cells(self, point: Any) -> list[Any]:
        assert self.state is not None
        cells = [point.id, self._answer_cell(point.id)]
        if self.state.has_reference:
            cells.append(fmt.result(self.state.reference.get(point.id)))
        cells += ["⚑" if point.critical else "", point.text[:70]]
        return cells

    def current_point_id(self) -> str | None:
        table = self.query_one("#points", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _show_detail(self) -> None:
        assert self.state is not None
        point_id = self.current_point_id()
        point = self.state.spec.point_index.get(point_id) if point_id else None
        theme = self.state.spec.theme_of[point.id].title if point else ""
        self.query_one(PointDetail).show(
            point,
            theme,
            self.state.results.get(point_id or ""),
            self.state.reference.get(point_id or ""),
            self.state.has_reference,
            perception_line(point, self.perceived),
            reference_note=self.state.reference_notes.get(point_id or "", ""),
            files=self.state.evidence.get(point_id or "", 0),
        )
        note = self.query_one("#note", TextArea)
        draft = self.note_draft if self.note_draft and self.note_draft[0] == point_id else None
        text = draft[1] if draft else self.state.notes.get(point_id or "", "")
        if note.text != text:  # reloading the same text would redraw it for nothing
            note.load_text(text)
        note.disabled = point is None or self.state.closed

    def _show_progress(self) -> None:
        assert self.state is not None
        answered, total = self.state.progress()
        bar = self.query_one("#overall", ProgressBar)
        bar.update(total=total, progress=answered)

    def _saved(self, text: str) -> None:
        self.query_one("#saved", Static).update(text)

    def _cursor_moved(self) -> None:
        if self.state is not None:
            self._show_detail()

    @on(DataTable.RowHighlighted, "#points")
    def _row_highlighted(self) -> None:
        self._show_detail()

    @on(OptionList.OptionHighlighted, "#themes")
    def _theme_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        assert self.state is not None
        index = event.option_index - 1  # option 0 is "all themes"
        if index != self.state.theme_index:
            self.state.theme_index = index
            self._fill_points()

    # -- answering -------------------------------------------------------------------------

    def action_answer(self, value: str) -> None:
        from qaudit.domain.enums import Result
        from qaudit.services.answering import AnswerField

        point_id = self.current_point_id()
        if point_id is None or self.state is None or self.state.closed:
            return
        saved = self.save_field(point_id, AnswerField.RESULT, Result(value), True, detail=False)
        if saved and not self._advance(point_id):
            self._show_detail()

    def _answer_cell(self, point_id: str) -> Any:
        """The answer, and what is going on with it: saving, waiting, or who else gave it."""
        assert self.state is not None
        text = fmt.result(self.state.results.get(point_id))
        mark = self.state.marks.get(point_id)
        return Text.assemble(text, (f" · {mark}", "italic")) if mark else text

    def _after_change(self, point_id: str, detail: bool) -> None:
        """The answered row, its theme's and the overall progress; the detail if asked."""
        assert self.state is not None
        table = self.query_one("#points", DataTable)
        if point_id in table.rows:
            table.update_cell(point_id, "answer", self._answer_cell(point_id))
        themes = self.query_one("#themes", OptionList)
        index = self.state.theme_position(point_id)
        themes.replace_option_prompt_at_index(0, self.state.all_label())
        themes.replace_option_prompt_at_index(index + 1, self.state.theme_label(index))
        self._show_progress()
        if detail:
            self._show_detail()

    def _advance(self, point_id: str) -> bool:
        """Move to the next point to answer; False when the cursor stays where it is."""
        table = self.query_one("#points", DataTable)
        assert self.state is not None
        if self.state.filter != "all":
            self._fill_points(select=self.state.next_visible_after(point_id))
            return True
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
            return True
        return False

    def action_undo(self) -> None:
        """Save the value from before the last change, unless someone changed it since."""
        if not self.state or not self.state.undo:
            self.notify(_("Nothing to undo."))
            return
        point_id, which, before = self.state.undo.pop()
        if self.save_field(point_id, which, before, remember=False):
            self._fill_points(select=point_id)
            self._saved(_("↶ undone · {point}").format(point=point_id))

    def action_next_unanswered(self) -> None:
        assert self.state is not None
        target = self.state.next_unanswered(self.current_point_id())
        if target is None:
            self.notify(_("Every point has an answer."))
            return
        self.state.reveal(target)
        self._refresh_themes()
        self._fill_points(select=target)
        self.query_one("#points", DataTable).focus()

    def action_cycle_filter(self) -> None:
        assert self.state is not None
        order = [f for f in FILTERS if f != "differs" or self.state.has_reference]
        self.state.filter = order[(order.index(self.state.filter) + 1) % len(order)]
        self._fill_points(select=self.current_point_id())

    def action_theme(self, step: int) -> None:
        assert self.state is not None
        count = len(self.state.spec.themes)
        current = self.state.theme_index
        self.state.theme_index = (step - 1 if current < 0 else current + step) % count
        self._refresh_themes()
        self._fill_points()

    def action_search(self) -> None:
        from qaudit.domain.point_search import index_checklist
        from qaudit.tui.screens.checklist_search import SearchDialog

        if self.state is None:
            return
        if self.search_index is None:
            self.search_index = index_checklist(self.state.spec)
        self.app.push_screen(SearchDialog(self.search_index), self.jump_to)

    def jump_to(self, point_id: str | None) -> None:
        """Show ``point_id`` (its theme, the filter off if it hides it) and put the cursor on it."""
        if self.state is None or point_id not in self.state.spec.point_index:
            return
        self.state.reveal(point_id)
        self._refresh_themes()
        self._fill_points(select=point_id)
        self.query_one("#points", DataTable).focus()

    def action_all_themes(self) -> None:
        self.query_one("#themes", OptionList).highlighted = 0

    def action_history(self) -> None:
        from qaudit.tui.screens.history import open_history

        open_history(self, self.services, self.assessment_id, self.current_point_id())

    def action_evidence(self) -> None:
        from qaudit.tui.screens.checklist_evidence import EvidenceDialog

        point_id = self.current_point_id()
        if point_id is None or self.state is None:
            return
        state = self.state

        def done(count: int | None) -> None:
            if count is not None:
                state.evidence[point_id] = count
                self._show_detail()

        self.app.push_screen(EvidenceDialog(self.assessment_id, point_id, state.closed), done)

    def action_edit_note(self) -> None:
        note = self.query_one("#note", TextArea)
        if not note.disabled:
            note.focus()

    @on(TextArea.Changed, "#note")
    def _note_typed(self, event: TextArea.Changed) -> None:
        point_id = self.current_point_id()
        if self.state and point_id and event.text_area.text != self.state.notes.get(point_id, ""):
            self._saved(_("note not saved yet (Esc saves)"))

    def on_key(self, event: Any) -> None:
        note = self.query_one("#note", TextArea)
        if event.key == "escape" and note.has_focus:
            event.stop()
            event.prevent_default()
            self._save_note()
            self.query_one("#points", DataTable).focus()

    def _save_note(self) -> None:
        from qaudit.services.answering import AnswerField

        point_id = self.current_point_id()
        if point_id is None or self.state is None:
            return
        text = self.query_one("#note", TextArea).text
        if text == self.state.notes.get(point_id, ""):
            return
        from qaudit.tui.screens.privacy_gate import guard_free_text

        def rewrite() -> None:  # the unsaved text stays in the editor, to be rewritten
            self.note_draft = (point_id, text)
            note = self.query_one("#note", TextArea)
            note.load_text(text)
            note.focus()

        def save() -> None:
            self.note_draft = None
            self.save_field(point_id, AnswerField.NOTE, text, remember=True)

        guard_free_text(
            self.app,
            {_("Note on {point}").format(point=point_id): text},
            save,
            about=("assessment", self.assessment_id),
            rewrite=rewrite,
        )

    # -- elsewhere -------------------------------------------------------------------------

    def action_visit(self) -> None:
        from qaudit.tui.screens.visit import VisitScreen

        self.app.push_screen(VisitScreen(self.assessment_id))

    def action_export(self) -> None:
        self._to_folder(_("Export to Excel"), "export_assessment")

    def action_report(self) -> None:
        self._to_folder(_("Write the report"), "write_report")

    def _to_folder(self, title: str, writer: str) -> None:
        """Ask where (the last folder filled in), then write there in a worker."""
        from qaudit.tui.screens import outputs
        from qaudit.tui.screens.form import FormDialog

        def write(values: dict[str, str]) -> None:
            folder = outputs.chosen_folder(self.qapp, values["folder"])
            getattr(outputs, writer)(self.qapp, self.assessment_id, folder)

        self.ask(FormDialog(title, [outputs.folder_field(self.qapp)]), write)

    def action_import(self) -> None:
        from qaudit.tui.screens.excel_import import ask_import

        ask_import(self.qapp, self.assessment_id, self.reread)

    def on_screen_resume(self) -> None:
        self.reread()

    def reread(self) -> None:
        """Read the answers again (after another screen or an import changed them)."""
        if self.state is not None:
            from qaudit.tui.screens.checklist_state import load_state

            fresh = load_state(self.services, self.assessment_id)
            fresh.theme_index, fresh.filter, fresh.undo, fresh.marks = (
                self.state.theme_index,
                self.state.filter,
                self.state.undo,
                self.state.marks,
            )
            self.state = fresh
            self._refresh_themes()
            self._fill_points(select=self.current_point_id())
            if fresh.closed:
                self._saved(_("locked: closed"))
