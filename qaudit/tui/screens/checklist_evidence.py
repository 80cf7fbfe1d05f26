"""``b`` on the checklist: a point's evidence files and photos: attach from disk (chosen in
a folder tree or typed, see ``file_chooser``), open, detach."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from qaudit.i18n import N_, _

if TYPE_CHECKING:
    from qaudit.services.evidence import EvidenceView
    from qaudit.tui.app import QAuditApp


class EvidenceDialog(ModalScreen[int | None]):
    """The files of one point. Dismissed with the number of files it has now."""

    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="evidence.close", tooltip=N_("Close")),
        Binding(
            "a",
            "choose",
            N_("Attach"),
            id="evidence.attach",
            tooltip=N_("Choose a file or photo on disk to attach"),
        ),
        Binding(
            "o",
            "open",
            N_("Open"),
            id="evidence.open",
            tooltip=N_("Open the selected file with the system viewer"),
        ),
        Binding(
            "d",
            "detach",
            N_("Detach"),
            id="evidence.detach",
            tooltip=N_("Detach the selected file from this point (asks first; logged)"),
        ),
    ]

    def __init__(self, assessment_id: int, point_id: str, closed: bool) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.point_id = point_id
        self.closed = closed
        self.files: list[EvidenceView] = []

    @property
    def qapp(self) -> QAuditApp:
        return cast("QAuditApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="evidence"):
            title = _("Evidence files of {point}").format(point=self.point_id)
            yield Static(title, classes="form-title")
            yield DataTable(id="evidence-files", cursor_type="row")
            yield Static("", id="evidence-status", classes="hint")
            keys = _("a: attach · o or Enter: open · d: detach · Esc: close")
            yield Static(keys, classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#evidence-files", DataTable)
        table.add_columns(_("name"), _("kind"), _("size"), _("attached"))
        self.reload()
        table.focus()

    def reload(self, status: str = "") -> None:
        found = self.qapp.call_service(
            self.qapp.services.evidence, self.assessment_id, self.point_id
        )
        self.files = list(found or [])
        table = self.query_one("#evidence-files", DataTable)
        table.clear()
        for view in self.files:
            when = f"{view.attached_at:%d-%m-%Y %H:%M} {view.attached_by}"
            table.add_row(view.name, view.label, view.size_text, when, key=str(view.id))
        if not status and not self.files:
            status = _("No files yet.")
        self.query_one("#evidence-status", Static).update(status)

    def action_choose(self, typed: str = "", problem: str = "") -> None:
        """Open the file chooser; the chosen file is attached (a refusal opens it again with
        the path and why)."""
        if self.closed:
            self.notify(_("The assessment is closed: its evidence is locked."))
            return
        from qaudit.tui.screens.file_chooser import FileChooser, start_folder

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.attach_path(path)

        self.app.push_screen(FileChooser(start_folder(self.app), typed, problem), chosen)

    def attach_path(self, path: Path) -> None:
        """Attach ``path`` to the point; a name that looks personal asks first."""
        from qaudit.domain.evidence import personal_data_in_name
        from qaudit.tui.screens.privacy_gate import guard_free_text

        looks = " ".join(f.text for f in personal_data_in_name(path.name))
        if not looks:
            self.attach_checked(path, checked=False)
            return
        guard_free_text(
            self.app,
            {_("File name {name}").format(name=path.name): looks},
            lambda: self.attach_checked(path, checked=True),
            about=("assessment", self.assessment_id),
        )

    def attach_checked(self, path: Path, *, checked: bool) -> None:
        services = self.qapp.services
        try:
            done = services.attach_evidence(
                self.assessment_id,
                self.point_id,
                path,
                max_mib=self.qapp.settings.evidence.max_mib,
                name_checked=checked,
            )
        except Exception as error:
            problem = services.describe_fault(error)
            if problem is None:
                raise  # a bug, not a refused file
            self.action_choose(str(path), problem)  # the path kept, with why
            return
        if not done.new_link:
            said = _("{name} was already attached.")
        elif not done.new_file:
            said = _("{name} attached (the same file was already stored: kept once).")
        else:
            said = _("{name} attached.")
        self.reload(said.format(name=done.view.name))
        self.query_one("#evidence-files", DataTable).focus()

    @on(DataTable.RowSelected, "#evidence-files")
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        table = self.query_one("#evidence-files", DataTable)
        if not self.files or table.cursor_row < 0:
            self.notify(_("No file to open."))
            return
        view = self.files[table.cursor_row]
        folder = self.qapp.settings.resolved_output_dir() / "evidence"
        said = self.qapp.call_service(
            self.qapp.services.open_evidence,
            view.id,
            folder,
            list(self.qapp.settings.evidence.opener),
        )
        if said:
            self.query_one("#evidence-status", Static).update(said)

    def action_detach(self) -> None:
        table = self.query_one("#evidence-files", DataTable)
        if self.closed:
            self.notify(_("The assessment is closed: its evidence is locked."))
            return
        if not self.files or table.cursor_row < 0:
            self.notify(_("No file to detach."))
            return
        view = self.files[table.cursor_row]
        from qaudit.tui.screens.form import ConfirmDialog

        question = _(
            "Detach {name} from point {point}? The file stays stored while another point "
            "cites it; the detaching is logged."
        ).format(name=view.name, point=view.point_id)

        def decided(yes: bool | None) -> None:
            if not yes:
                return
            done = self.qapp.call_service(self.qapp.services.detach_evidence, view.id)
            if done is not None:
                self.reload(_("{name} detached.").format(name=view.name))

        self.app.push_screen(ConfirmDialog(question), decided)

    def action_close(self) -> None:
        self.dismiss(len(self.files))
