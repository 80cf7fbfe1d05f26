"""Reports and Excel exports, written by workers that post their outcome as messages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from qaudit.i18n import _

if TYPE_CHECKING:
    from qaudit.config import Settings
    from qaudit.tui.app import QAuditApp


def _out_dir(settings: Settings) -> Path:
    """The user's output folder (``output_dir`` in config.toml, else ``<Documents>/qaudit``)."""
    folder = settings.resolved_output_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def export_path(settings: Settings, assessment_id: int) -> Path:
    """Where the workbook of an assessment is exported (and looked for when importing)."""
    return _out_dir(settings) / f"assessment-{assessment_id}.xlsx"


REPORT_OF = {
    "self_evaluation": "basis-op-orde",
    "audit_visit": "basis-op-orde",
    "visitation": "visitatie",
    "cirkel": "cirkel",
}
"""The Word report of each kind of assessment (``qaudit report`` kinds)."""


def _report_target(app: QAuditApp, assessment_id: int) -> tuple[str, Path]:
    from qaudit.errors import Refused
    from qaudit.services import assessments, locations, reports
    from qaudit.storage import transaction

    with transaction(app.engine()) as session:
        assessment = assessments.get(session, assessment_id)
        code = locations.get(session, assessment.location_id).code
        kind = REPORT_OF.get(assessment.kind.value)
        if kind is None:
            message = _("There is no Word report for a {kind}: its result shows at step 2.")
            raise Refused(message.format(kind=assessment.kind.label))
    return kind, _out_dir(app.settings) / reports.report_name(kind, code, assessment_id)


def export_assessment(app: QAuditApp, assessment_id: int) -> None:
    app.notify(_("Exporting to Excel…"))
    app.run_worker(lambda: _export(app, assessment_id), thread=True, exclusive=True, group="export")


def _export(app: QAuditApp, assessment_id: int) -> None:
    from qaudit.services import excel

    _run(
        app,
        lambda: excel.export_assessment(
            app.engine(), assessment_id, export_path(app.settings, assessment_id)
        ),
        _("Excel workbook written: {path}"),
    )


def write_report(app: QAuditApp, assessment_id: int) -> None:
    app.notify(_("Writing the report…"))
    app.run_worker(lambda: _report(app, assessment_id), thread=True, exclusive=True, group="report")


def _report(app: QAuditApp, assessment_id: int) -> None:
    from qaudit.services import reports

    def job() -> Path:
        kind, out = _report_target(app, assessment_id)
        return reports.write_report(
            app.engine(),
            kind,
            assessment_id,
            out,
            template_dir=reports.template_dir_of(app.settings),
            style=reports.style_of(app.settings),
        )

    _run(app, job, _("Report written: {path}"))


def _run(app: QAuditApp, job: Callable[[], Path], done: str) -> None:
    """In a worker: run ``job`` and tell the user where the file is, or why not."""
    from qaudit.errors import QauditError

    try:
        path = job()
    except QauditError as error:
        app.call_from_thread(app.report_error, error)
        return
    app.last_output = path
    app.call_from_thread(app.notify, done.format(path=path), timeout=10)
