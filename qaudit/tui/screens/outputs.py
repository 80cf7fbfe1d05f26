"""Reports and Excel exports, written by workers that post their outcome as messages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qaudit.i18n import _

if TYPE_CHECKING:
    from qaudit.tui.app import QAuditApp


def _out_dir() -> Path:
    from qaudit.paths import user_dirs

    folder = user_dirs().data / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _kind(app: QAuditApp, assessment_id: int) -> str:
    from qaudit.services import assessments
    from qaudit.storage import transaction

    with transaction(app.engine()) as session:
        return assessments.get(session, assessment_id).kind.value


def export_assessment(app: QAuditApp, assessment_id: int) -> None:
    app.notify(_("Exporting to Excel…"))
    app.run_worker(lambda: _export(app, assessment_id), thread=True, exclusive=True,
                   group="export")


def _export(app: QAuditApp, assessment_id: int) -> None:
    try:
        from qaudit.services import excel  # type: ignore[attr-defined]
    except ImportError:
        app.call_from_thread(app.notify, _("Excel export is not available in this version."),
                             severity="warning")
        return
    out = _out_dir() / f"assessment-{assessment_id}.xlsx"
    _run(app, lambda: excel.export_assessment(app.engine(), assessment_id, out),
         _("Excel workbook written: {path}"))


def write_report(app: QAuditApp, assessment_id: int) -> None:
    app.notify(_("Writing the report…"))
    app.run_worker(lambda: _report(app, assessment_id), thread=True, exclusive=True,
                   group="report")


def _report(app: QAuditApp, assessment_id: int) -> None:
    try:
        from qaudit.services import reports  # type: ignore[attr-defined]
    except ImportError:
        app.call_from_thread(app.notify, _("Word reports are not available in this version."),
                             severity="warning")
        return
    kind = _kind(app, assessment_id)
    out = _out_dir() / f"{kind}-{assessment_id}.docx"
    template_dir = Path(app.settings.template_dir) if app.settings.template_dir else None
    _run(app, lambda: reports.write_report(app.engine(), kind, assessment_id, out,
                                           template_dir=template_dir),
         _("Report written: {path}"))


def _run(app: QAuditApp, job: object, done: str) -> None:
    from qaudit.errors import QauditError

    try:
        path = job()  # type: ignore[operator]
    except QauditError as error:
        app.call_from_thread(app.report_error, error)
        return
    app.call_from_thread(app.notify, done.format(path=path), timeout=10)
