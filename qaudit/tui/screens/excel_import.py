"""Importing a filled-in Excel workbook: ask for the file, preview, choose, apply.

The preview (``qaudit.services.excel.preview_import``) and the import
(``apply_import``) run in workers; the preview dialog only returns the conflicts whose
answer is taken from the file (``ModalScreen[set[str] | None]``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from qaudit.i18n import N_, _
from qaudit.tui.screens.base import if_given
from qaudit.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from qaudit.services.views import Change, ImportPreview
    from qaudit.tui.app import QAuditApp


def ask_import(app: QAuditApp, assessment_id: int, done: Callable[[], None]) -> None:
    """Ask which workbook to import into ``assessment_id``; ``done`` runs after the import."""
    from qaudit.tui.screens.form import Field, FormDialog
    from qaudit.tui.screens.outputs import export_path, output_folder

    default = export_path(output_folder(app), assessment_id)
    fields = [
        Field(
            "path",
            _("Workbook (.xlsx)"),
            default=str(default) if default.is_file() else "",
            required=True,
        )
    ]
    app.push_screen(
        FormDialog(_("Import a filled-in workbook"), fields),
        if_given(lambda v: preview(app, Path(v["path"]).expanduser(), assessment_id, done)),
    )


def preview(app: QAuditApp, path: Path, assessment_id: int, done: Callable[[], None]) -> None:
    app.notify(_("Reading {file}…").format(file=path.name))
    app.run_worker(
        lambda: _preview(app, path, assessment_id, done),
        thread=True,
        exclusive=True,
        group="excel-import",
    )


def _preview(app: QAuditApp, path: Path, assessment_id: int, done: Callable[[], None]) -> None:
    from qaudit.errors import QauditError
    from qaudit.services import excel

    try:
        found = excel.preview_import(app.engine(), path, expected_assessment=assessment_id)
    except QauditError as error:
        app.call_from_thread(app.report_error, error)
        return
    app.call_from_thread(_show, app, found, done)


def _show(app: QAuditApp, found: ImportPreview, done: Callable[[], None]) -> None:
    if not found.has_changes:
        app.notify(
            _("{file} changes nothing: every answer is as in qaudit.").format(file=found.file.name)
        )
        return
    app.push_screen(
        ImportPreviewScreen(found), if_given(lambda taken: _apply(app, found, taken, done))
    )


def _apply(app: QAuditApp, found: ImportPreview, taken: set[str], done: Callable[[], None]) -> None:
    def work() -> None:
        from qaudit.errors import QauditError
        from qaudit.services import excel

        try:
            result = excel.apply_import(app.engine(), found, take_theirs=taken)
        except QauditError as error:
            app.call_from_thread(app.report_error, error)
            return
        app.call_from_thread(app.notify, str(result), timeout=10)
        app.call_from_thread(done)

    app.run_worker(work, thread=True, exclusive=True, group="excel-import")


class ImportPreviewScreen(ModalScreen[set[str] | None]):
    """New, changed and conflicting answers; conflicts keep qaudit's answer unless chosen."""

    BINDINGS = [
        Binding(
            "t,space",
            "toggle_choice",
            N_("File/qaudit"),
            id="import.toggle",
            tooltip=N_("For the selected conflict: take the file's answer or keep qaudit's"),
        ),
        Binding(
            "ctrl+t",
            "take_all",
            N_("All from file"),
            id="import.take_all",
            tooltip=N_("Take the file's answer for every conflict"),
        ),
        Binding(
            "a,ctrl+s",
            "apply",
            N_("Import"),
            id="import.apply",
            tooltip=N_("Write the new and changed answers and the chosen conflicts"),
        ),
        Binding(
            "escape",
            "cancel",
            N_("Cancel"),
            id="import.cancel",
            tooltip=N_("Close without importing anything"),
        ),
    ]

    def __init__(self, found: ImportPreview) -> None:
        super().__init__()
        self.preview = found
        self.taken: set[str] = set()
        self.changes: list[tuple[str, Change]] = (
            [("new", c) for c in found.new]
            + [("changed", c) for c in found.changed]
            + [("conflict", c) for c in found.conflicts]
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="import"):
            yield Static(self._heading(), id="import-head")
            yield DataTable(id="import-changes", cursor_type="row")
            yield Static(
                _(
                    "t: take the file's answer for a conflict (or keep qaudit's) · "
                    "a: import · Esc: cancel"
                ),
                classes="hint",
            )
        yield KeyBar()

    def _heading(self) -> str:
        p = self.preview
        return "\n".join(
            [
                f"[b]{p.file.name}[/b] · {p.location} · "
                + _("assessment {id}").format(id=p.assessment_id),
                _(
                    "{new} new · {changed} changed · {conflicts} conflicts · {unchanged} unchanged"
                ).format(
                    new=len(p.new),
                    changed=len(p.changed),
                    conflicts=len(p.conflicts),
                    unchanged=p.unchanged,
                ),
                *(f"[b red]{escape(line)}[/]" for line in p.not_read),
            ]
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(_("what"), key="what")
        table.add_column(_("point"), key="point")
        table.add_column(_("in qaudit"), key="ours")
        table.add_column(_("in the file"), key="theirs")
        table.add_column(_("imported"), key="choice")
        for what, change in self.changes:
            table.add_row(
                self._what(what),
                change.point_id,
                _state(change.before),
                _state(change.after),
                self._choice(what, change.point_id),
                key=change.point_id,
            )
        table.focus()

    @staticmethod
    def _what(what: str) -> Text:
        labels = {
            "new": (_("new"), "green"),
            "changed": (_("changed"), "yellow"),
            "conflict": (_("CONFLICT"), "bold red"),
        }
        text, style = labels[what]
        return Text(text, style=style)

    def _choice(self, what: str, point_id: str) -> str:
        if what != "conflict":
            return _("from the file")
        return _("from the file") if point_id in self.taken else _("keep qaudit's")

    def selected(self) -> tuple[str, Change] | None:
        table = self.query_one(DataTable)
        return self.changes[table.cursor_row] if self.changes else None

    def action_toggle_choice(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen[0] != "conflict":
            self.notify(_("Only a conflict has a choice."))
            return
        point_id = chosen[1].point_id
        self.taken ^= {point_id}
        self.query_one(DataTable).update_cell(
            point_id, "choice", self._choice("conflict", point_id)
        )

    def action_take_all(self) -> None:
        for what, change in self.changes:
            if what == "conflict":
                self.taken.add(change.point_id)
                self.query_one(DataTable).update_cell(
                    change.point_id, "choice", self._choice(what, change.point_id)
                )

    def action_apply(self) -> None:
        self.dismiss(set(self.taken))

    def action_cancel(self) -> None:
        self.dismiss(None)


def _state(state: Any) -> str:
    from qaudit.services.views import answer_state_text

    return answer_state_text(state)
