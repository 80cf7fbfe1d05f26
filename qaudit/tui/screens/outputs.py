"""Reports and Excel exports, written by workers that post their outcome as messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from qaudit.errors import QauditError
from qaudit.i18n import _, ngettext

if TYPE_CHECKING:
    from qaudit.services.reports import Written
    from qaudit.tui.app import QAuditApp
    from qaudit.tui.screens.form import Field


class OutputWritten(Message):
    """Posted by a worker to the app: a file was written (``message``), with any notes."""

    def __init__(self, path: Path, message: str, notes: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.path = path
        self.message = message
        self.notes = notes


class OutputFailed(Message):
    """Posted by a worker to the app: the file was not written, and why."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error


def output_folder(app: QAuditApp) -> Path:
    """Where outputs go: the folder chosen last in this session, else the user's output
    folder (``output_dir`` in config.toml, else ``<Documents>/qaudit``)."""
    return app.output_folder or app.settings.resolved_output_dir()


def folder_field(app: QAuditApp) -> Field:
    """The dialog field that asks where to write, filled in with :func:`output_folder`."""
    from qaudit.tui.screens.form import Field

    return Field("folder", _("Folder"), default=str(output_folder(app)), required=True)


def chosen_folder(app: QAuditApp, typed: str) -> Path:
    """The folder the user typed, made if it does not exist yet, and remembered for the next
    output; a refusal that names it when it cannot be used."""
    folder = Path(typed.strip()).expanduser()
    if folder.exists() and not folder.is_dir():
        raise QauditError(_("{path} is not a folder").format(path=folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise QauditError(
            _("folder {path} cannot be made: {reason}").format(
                path=folder, reason=error.strerror or error
            )
        ) from None
    app.output_folder = folder
    return folder


def export_path(folder: Path, assessment_id: int) -> Path:
    """Where the workbook of an assessment is exported (and looked for when importing)."""
    return folder / f"assessment-{assessment_id}.xlsx"


def export_assessment(app: QAuditApp, assessment_id: int, folder: Path) -> None:
    app.notify(_("Exporting to Excel…"))
    app.run_worker(
        lambda: _export(app, assessment_id, folder), thread=True, exclusive=True, group="export"
    )


def _export(app: QAuditApp, assessment_id: int, folder: Path) -> None:
    from qaudit.services import excel

    _run(
        app,
        lambda: excel.export_assessment(
            app.engine(), assessment_id, export_path(folder, assessment_id)
        ),
        _("Excel workbook written: {path}"),
    )


def write_report(app: QAuditApp, assessment_id: int, folder: Path) -> None:
    app.notify(_("Writing the report…"))
    app.run_worker(
        lambda: _report(app, assessment_id, folder), thread=True, exclusive=True, group="report"
    )


def _report(app: QAuditApp, assessment_id: int, folder: Path) -> None:
    from qaudit.services import reports

    notes: list[str] = []

    def job() -> Path:
        target = app.services.report_target(assessment_id, folder)
        written = reports.write_one(
            app.engine(),
            target.kind,
            assessment_id,
            target.path,
            template_dir=reports.template_dir_of(app.settings),
            style=reports.style_of(app.settings),
        )
        notes.extend(report_notes(written))
        return written.path

    _run(app, job, _("Report written: {path}"), notes)  # notes: the command line's "note:"


def report_notes(written: Written) -> list[str]:
    """The notes on a written report: a draft and why, personal data replaced, files in the
    template folder that no report uses (each with the name it should have)."""
    notes = []
    if written.draft_reason:
        notes.append(
            _("{file} is marked as a draft: {reason}").format(
                file=written.path.name, reason=written.draft_reason
            )
        )
    if written.redactions:
        notes.append(
            ngettext(
                "privacy: {count} piece of personal data replaced by […] in {file}",
                "privacy: {count} pieces of personal data replaced by […] in {file}",
                written.redactions,
            ).format(count=written.redactions, file=written.path.name)
        )
    return [*notes, *written.notices]


def _run(
    app: QAuditApp, job: Callable[[], Path], done: str, notes: list[str] | None = None
) -> None:
    """In a worker: run ``job`` and post to the app where the file is, or why not."""
    try:
        path = job()
    except Exception as error:
        if app.services.describe_fault(error) is None:
            raise  # a bug, not a user mistake or a fault
        app.post_message(OutputFailed(error))
        return
    app.post_message(OutputWritten(path, done.format(path=path), tuple(notes or ())))
