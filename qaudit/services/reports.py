"""Write Word reports: the use case the command line and the terminal UI both call.

:func:`write_report` writes one report; :func:`write_reports` a batch into a folder. Both
check everything they can before writing (the kind, the assessment, the template folder,
LibreOffice for ``pdf``), and write each file whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.config import Settings, chart_file
from qaudit.domain.enums import AssessmentKind, AssessmentStatus
from qaudit.domain.models import Assessment, Location
from qaudit.errors import QauditError, Refused
from qaudit.files import cannot_write, check_output, staged
from qaudit.i18n import _, get_language
from qaudit.reports.chart import ChartStyle
from qaudit.reports.data import AssessmentReport, OverviewReport
from qaudit.reports.fonts import check_fonts
from qaudit.reports.kinds import KINDS, ReportKind, build_context, report_kind
from qaudit.reports.pdf import convert, convert_many, require_soffice
from qaudit.reports.style import ReportStyle
from qaudit.reports.templates import CHART_FILE, template_file, unused_files
from qaudit.services import access, assessments, report_data
from qaudit.storage import transaction

Progress = Callable[[int, int, "Written"], None]
"""Called after each report of a batch: (done, total, what was written)."""


@dataclass(frozen=True)
class Written:
    """One report on disk."""

    kind: str
    path: Path
    pdf: Path | None = None
    assessment_id: int | None = None
    draft_reason: str = ""
    """Why the report is marked as a draft ("" for a final report)."""
    redactions: int = 0
    """How many pieces of personal data were replaced by […] in this report."""
    notices: tuple[str, ...] = ()
    """Files in the template folder that no report uses, with the names they should have."""


@dataclass(frozen=True)
class _Job:
    """What every report of one command shares: resolved once, checked before writing."""

    report: ReportKind
    template: Path
    language: str
    today: date
    soffice: str | None
    style: ReportStyle
    notices: tuple[str, ...] = ()


def style_of(settings: Settings) -> ReportStyle:
    """The ``[cooperative]`` and ``[chart]`` settings for the reports (the logo file read)."""
    cooperative, chart = settings.cooperative, settings.chart
    logo = b""
    if cooperative.logo:
        path = Path(cooperative.logo).expanduser()
        try:
            logo = path.read_bytes()
        except OSError as exc:
            raise QauditError(
                _("cooperative.logo: cannot read {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                )
            ) from exc
        if not logo.startswith((b"\x89PNG", b"\xff\xd8")):
            raise QauditError(
                _("cooperative.logo: {path} is not a PNG or JPEG picture").format(path=path)
            )
    return ReportStyle(
        cooperative.name,
        tuple(cooperative.address),
        logo,
        ChartStyle(chart.met, chart.not_met, chart.unknown, chart.norm, chart.text, chart.font),
    )


def template_dir_of(settings: Settings) -> Path | None:
    """The ``template_dir`` setting as a folder, or None for the shipped templates only."""
    return Path(settings.template_dir).expanduser() if settings.template_dir else None


def write_report(
    engine: Engine,
    kind: str,
    assessment_id: int | None,
    out: Path,
    *,
    template_dir: Path | None = None,
    pdf: bool = False,
    language: str | None = None,
    style: ReportStyle | None = None,
) -> Path:
    """Write the ``kind`` report on ``assessment_id`` (None for ``overzicht``) to ``out``.

    ``template_dir`` holds templates that replace the shipped ones (None: shipped only);
    ``pdf`` also writes ``out`` with the suffix ``.pdf`` (needs LibreOffice); ``language``
    defaults to the current one. Returns ``out``. Raises ``QauditError`` with a message for
    the user; then no file is written or changed.
    """
    return write_one(
        engine,
        kind,
        assessment_id,
        out,
        template_dir=template_dir,
        pdf=pdf,
        language=language,
        style=style,
    ).path


def write_one(
    engine: Engine,
    kind: str,
    assessment_id: int | None,
    out: Path,
    *,
    template_dir: Path | None = None,
    pdf: bool = False,
    language: str | None = None,
    style: ReportStyle | None = None,
) -> Written:
    """:func:`write_report`, telling also whether the report is a draft."""
    job = _job(kind, template_dir, pdf, language, style)
    _check_assessment_argument(job.report, assessment_id)
    out = _docx_path(Path(out))
    if not out.parent.is_dir():
        raise QauditError(_("folder {path} does not exist").format(path=out.parent))
    return _write(engine, job, assessment_id, out)


def write_reports(
    engine: Engine,
    kind: str,
    assessment_ids: Sequence[int] | None,
    out_dir: Path,
    *,
    template_dir: Path | None = None,
    pdf: bool = False,
    language: str | None = None,
    progress: Progress | None = None,
    style: ReportStyle | None = None,
) -> list[Written]:
    """Write a batch into ``out_dir`` (created if needed), one file per assessment.

    ``assessment_ids`` None means every assessment the report is made from (audit visits
    for ``basis-op-orde`` and ``advies``, plus Cirkels for ``advies``). Files are named
    ``KIND-LOCATIONCODE-ID.docx``. Every id is checked before the first file is written.
    """
    job = _job(kind, template_dir, pdf, language, style)
    out_dir = Path(out_dir).expanduser()
    if out_dir.exists() and not out_dir.is_dir():
        raise QauditError(_("{path} is not a folder").format(path=out_dir))
    if not job.report.needs_assessment:
        if assessment_ids:
            _check_assessment_argument(job.report, assessment_ids[0])
        targets: list[tuple[int | None, Path]] = [(None, out_dir / overview_name(job.today))]
    else:
        targets = _batch_targets(engine, job.report, assessment_ids, out_dir)
    _make_folder(out_dir)
    if job.soffice and len(targets) > 1:
        return _write_with_pdfs(engine, job, targets, job.soffice, progress)
    written = []
    for done, (assessment_id, path) in enumerate(targets, start=1):
        written.append(_write(engine, job, assessment_id, path))
        if progress is not None:
            progress(done, len(targets), written[-1])
    return written


def _write_with_pdfs(
    engine: Engine,
    job: _Job,
    targets: Sequence[tuple[int | None, Path]],
    soffice: str,
    progress: Progress | None,
) -> list[Written]:
    """A batch with PDFs: every Word file first, then one start of LibreOffice converts them
    all (instead of two starts per report); the whole batch is written or none of it."""
    paths = [path for _id, path in targets]
    pdfs = [path.with_suffix(".pdf") for path in paths]
    written = []
    with staged([*paths, *pdfs]) as temporaries:
        documents, converted = temporaries[: len(paths)], temporaries[len(paths) :]
        for done, ((assessment_id, path), document) in enumerate(
            zip(targets, documents, strict=True), start=1
        ):
            reason, redactions = _render(engine, job, assessment_id, document)
            written.append(
                Written(
                    job.report.id, path, pdfs[done - 1], assessment_id, reason, redactions,
                    job.notices,
                )
            )  # fmt: skip
            if progress is not None:
                progress(done, len(targets), written[-1])
        convert_many(list(zip(documents, converted, strict=True)), soffice)
    return written


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QauditError(cannot_write(folder, exc)) from None


def overview_name(today: date) -> str:
    return f"overzicht-{today.isoformat()}.docx"


def report_name(kind: str, location_code: str, assessment_id: int) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in location_code)
    return f"{kind}-{safe}-{assessment_id}.docx"


def _job(
    kind: str,
    template_dir: Path | None,
    pdf: bool,
    language: str | None,
    style: ReportStyle | None = None,
) -> _Job:
    report = report_kind(kind)
    language = language or get_language()
    template = template_file(report.id, language, template_dir)
    soffice = require_soffice() if pdf else None
    if soffice:
        check_fonts(template)
    style = style or ReportStyle()
    notices: tuple[str, ...] = ()
    if template_dir is not None:
        folder = template_dir.expanduser()
        notices = tuple(unused_files(folder, KINDS))
        style = folder_chart_style(style, folder)
    return _Job(report, template, language, date.today(), soffice, style, notices)


def folder_chart_style(style: ReportStyle, folder: Path) -> ReportStyle:
    """``style`` with the chart style of ``chart.toml`` in the template folder, if there is
    one: the keys it sets win over the ``[chart]`` setting (a font file named in it may be
    relative to the folder)."""
    path = folder / CHART_FILE
    if not path.is_file():
        return style
    values = chart_file(path)
    font = values.get("font", "")
    if font and (folder / font).expanduser().is_file():
        values["font"] = str((folder / font).expanduser())
    return replace(style, chart=replace(style.chart, **values))


def _check_assessment_argument(report: ReportKind, assessment_id: int | None) -> None:
    if report.needs_assessment and assessment_id is None:
        raise QauditError(
            _("the {kind} report needs an assessment (--assessment ID)").format(kind=report.id)
        )
    if not report.needs_assessment and assessment_id is not None:
        raise QauditError(
            _("the {kind} report covers the whole cooperative: leave out --assessment").format(
                kind=report.id
            )
        )


def _docx_path(out: Path) -> Path:
    out = out.expanduser()
    if out.suffix.lower() != ".docx":
        raise QauditError(
            _("{path}: a report is a Word file, its name must end in .docx").format(path=out)
        )
    if out.is_dir():
        raise QauditError(_("{path} is a folder").format(path=out))
    return check_output(out)


def _write(engine: Engine, job: _Job, assessment_id: int | None, out: Path) -> Written:
    targets = [out] + ([out.with_suffix(".pdf")] if job.soffice else [])
    with staged(targets) as temporaries:
        reason, redactions = _render(engine, job, assessment_id, temporaries[0])
        if job.soffice:
            convert(temporaries[0], temporaries[1], job.soffice)
    pdf = targets[1] if job.soffice else None
    return Written(job.report.id, out, pdf, assessment_id, reason, redactions, job.notices)


def _render(engine: Engine, job: _Job, assessment_id: int | None, docx: Path) -> tuple[str, int]:
    """Fill the report into ``docx``; its draft reason (in its language) and redactions."""
    from qaudit.reports.render import fill  # docxtpl: imported when a report is written

    data = _gather(engine, job, assessment_id)
    context = build_context(job.report.id, data, job.language, job.style)
    fill(job.template, context).save(docx)
    return str(context.get("draft_reason", "")), int(context["privacy"]["redactions"])


def _gather(
    engine: Engine, job: _Job, assessment_id: int | None
) -> AssessmentReport | OverviewReport:
    with transaction(engine) as session:
        if assessment_id is None:
            access.require_staff(session)
            return report_data.overview_report(session, job.today)
        access.require_assessment(session, assessment_id)
        assessment = _assessment_for(session, job.report, assessment_id)
        return report_data.assessment_report(
            session, assessment, job.today, with_history=job.report.id == "cirkel"
        )


def _assessment_for(session: Session, report: ReportKind, assessment_id: int) -> Assessment:
    assessment = assessments.get(session, assessment_id)
    if assessment.status is AssessmentStatus.CANCELLED:
        raise Refused(
            _("assessment {id} was cancelled ({reason}); it has no report").format(
                id=assessment_id, reason=assessment.cancel_reason
            )
        )
    if assessment.kind not in report.assessment_kinds:
        allowed = ", ".join(k.label for k in report.assessment_kinds)
        raise Refused(
            _(
                "the {report} report cannot be made from assessment {id} ({kind}); "
                "it needs one of: {allowed}"
            ).format(
                id=assessment_id, kind=assessment.kind.label, report=report.id, allowed=allowed
            )
        )
    return assessment


def _batch_targets(
    engine: Engine, report: ReportKind, assessment_ids: Sequence[int] | None, out_dir: Path
) -> list[tuple[int | None, Path]]:
    with transaction(engine) as session:
        if assessment_ids is None:
            kinds = [k for k in report.assessment_kinds if k is not AssessmentKind.SELF_EVALUATION]
            chosen = [
                a
                for a in session.exec(
                    select(Assessment)
                    .where(
                        col(Assessment.kind).in_(kinds),
                        col(Assessment.status) != AssessmentStatus.CANCELLED,
                    )
                    .order_by(col(Assessment.id))
                )
                if access.visible_assessment(session, a)
            ]
        else:
            for i in dict.fromkeys(assessment_ids):
                access.require_assessment(session, i)
            chosen = [_assessment_for(session, report, i) for i in dict.fromkeys(assessment_ids)]
        codes = dict(session.exec(select(Location.id, Location.code)).all())
    if not chosen:
        raise QauditError(
            _("there are no assessments for the {kind} report").format(kind=report.id)
        )
    return [
        (a.id, out_dir / report_name(report.id, codes.get(a.location_id, ""), a.id or 0))
        for a in chosen
    ]
