"""Write the client-experience report (``qaudit report clientervaring --location ID``).

The same machinery as the other reports: a template staff may restyle (shipped as
``report_templates/clientervaring.{nl,en}.docx``, or their own in ``template_dir``), filled
from plain data, written whole or not at all, optionally with a PDF copy.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from qaudit.domain import clientvoice as cv
from qaudit.domain.clientvoice_rhythm import Period
from qaudit.i18n import get_language, using_language
from qaudit.reports.clientvoice import (
    ActionLine,
    ClientVoiceReport,
    ComplaintLine,
    UnitLine,
    build_context,
)
from qaudit.reports.style import ReportStyle
from qaudit.reports.templates import template_file
from qaudit.services.report_files import checked_out, write_filled
from qaudit.services.voice_view import ClientVoiceView, client_voice

KIND = "clientervaring"


def report_data(view: ClientVoiceView) -> ClientVoiceReport:
    """The view of the service layer as the report's plain data."""
    s = view.summary
    return ClientVoiceReport(
        code=view.code,
        name=view.name,
        city=view.city,
        organisation=view.organisation,
        today=view.today,
        period=s.period,
        targets=view.targets,
        figures=s.figures,
        titles=s.titles,
        trend=view.trend,
        units=[UnitLine(u.name, u.figures, u.feedback_actions, u.action_check) for u in s.units],
        rhythm=view.rhythm,
        complaints=[
            ComplaintLine(
                c.complaint.reference,
                c.complaint.received_on,
                c.complaint.promise_id or c.complaint.theme,
                c.due,
                c.complaint.decided_on,
                c.complaint.outcome.label if c.complaint.outcome else "",
                c.overdue,
            )
            for c in view.complaints
        ],
        actions=[
            ActionLine(
                a.action.title,
                a.source.label if a.source else "",
                a.unit,
                a.action.owner,
                a.action.deadline,
                a.action.status.value,
                a.action.effect_measure,
            )
            for a in view.actions
        ],
        aggregates=[(a.source, a.period, a.score, a.count) for a in s.aggregates],
    )


def write_clientvoice_report(
    engine: Engine,
    location_id: int,
    out: Path,
    *,
    targets: cv.Targets | None = None,
    period: Period | None = None,
    template_dir: Path | None = None,
    pdf: bool = False,
    language: str | None = None,
    today: date | None = None,
    style: ReportStyle | None = None,
) -> list[Path]:
    """Write the report on ``location_id`` to ``out`` (and ``out.pdf``); the files written."""
    checked_out(out)
    template_file(KIND, language or get_language(), template_dir)  # a missing one, before reading
    with using_language(language or get_language()):
        view = client_voice(engine, location_id, targets, period, today)
    return write_filled(
        KIND,
        lambda fmt: build_context(report_data(view), fmt),
        out,
        template_dir=template_dir,
        pdf=pdf,
        language=language,
        style=style,
    )
