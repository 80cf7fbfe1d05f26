"""Excel round trip: export a self-evaluation, preview a returned workbook, apply it.

The CLI and the TUI call exactly these use cases. ``preview_import`` changes nothing;
``apply_import`` writes every accepted answer in one transaction with one audit-log entry,
or nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.checklists import ChecklistSpec
from qaudit.domain.enums import AssessmentStatus, Result
from qaudit.domain.models import (
    Answer,
    Assessment,
    ChecklistVersion,
    Location,
    Organisation,
    utcnow,
)
from qaudit.domain.privacy import redact
from qaudit.domain.scoring import score
from qaudit.domain.verdict import verdict
from qaudit.errors import NotFound, Refused
from qaudit.excel import layout
from qaudit.excel.cells import as_written
from qaudit.excel.diff import Change, Current, compare
from qaudit.excel.metadata import AnswerState, ExportMeta
from qaudit.excel.preview import ImportPreview, ImportResult
from qaudit.excel.reader import ParsedWorkbook, read_workbook
from qaudit.excel.results import AssessmentInfo, ResultRow, ResultsData, SummaryRow, write_results
from qaudit.excel.writer import ExportData, PointRow, write_workbook
from qaudit.i18n import _
from qaudit.services import access, answer_check, assessments, audit, checklists
from qaudit.storage import transaction

__all__ = [
    "ImportPreview",
    "ImportResult",
    "apply_import",
    "export_assessment",
    "export_results",
    "preview_import",
]


@dataclass(frozen=True)
class Exported:
    path: Path
    redactions: int = 0
    """Pieces of personal data in notes and evidence replaced by […] in the workbook."""


def export_assessment(engine: Engine, assessment_id: int, out: Path) -> Path:
    """Write the assessment's points and current answers to ``out`` (an .xlsx)."""
    return export_workbook(engine, assessment_id, out).path


def export_workbook(engine: Engine, assessment_id: int, out: Path) -> Exported:
    """:func:`export_assessment`, telling also how many redactions were made.

    Notes and evidence are written with personal data replaced by ``[…]``; the import
    compares with the same redacted text, so a row left alone changes nothing.
    """
    exported_at = utcnow()
    with transaction(engine) as session:
        access.require_assessment(session, assessment_id)
        assessment = assessments.get(session, assessment_id)
        location = _location(session, assessment)
        spec = checklists.spec_of_assessment(session, assessment)
        counts: list[int] = []
        current = _current(session, assessment_id, counts)
        files = evidence_names(session, assessment_id)
    rows = [
        PointRow(
            spec.theme_of[p.id].title,
            p,
            current[p.id].state if p.id in current else AnswerState(),
            files=files.get(p.id, ""),
        )
        for p in spec.points
    ]
    meta = ExportMeta(
        format=layout.FORMAT,
        checklist_id=spec.id,
        checklist_version=spec.version,
        content_hash=spec.content_hash,
        location_id=location.id or 0,
        location_code=location.code,
        location_name=location.name,
        assessment_id=assessment_id,
        assessment_kind=assessment.kind.value,
        exported_at=exported_at,
        exported_by=audit.current_actor(),
        points_sheet=layout.points_title(),
        base={row.point.id: row.state.digest for row in rows},
        read_only=assessment.status is AssessmentStatus.CLOSED,
    )
    heading = _heading(assessment, location, spec, meta)
    return Exported(write_workbook(Path(out), ExportData(meta, rows, heading)), sum(counts))


def _heading(
    assessment: Assessment, location: Location, spec: ChecklistSpec, meta: ExportMeta
) -> list[tuple[str, str]]:
    status = (
        [(_("Status"), _("closed on {day}: read only").format(day=_closed_day(assessment)))]
        if meta.read_only
        else []
    )
    return [
        *status,
        (_("Location"), f"{location.name} ({location.code})"),
        (
            _("Assessment"),
            f"{assessment.id}: {assessment.kind.label}, {assessment.started_on.isoformat()}",
        ),
        (_("Checklist"), f"{spec.title} ({spec.id} {spec.version})"),
        (_("Exported"), meta.exported_at.strftime("%Y-%m-%d %H:%M UTC")),
    ]


def _closed_day(assessment: Assessment) -> str:
    closed = assessment.closed_at
    return closed.date().isoformat() if closed else _("an unknown date")


def _location(session: Session, assessment: Assessment) -> Location:
    location = session.get(Location, assessment.location_id)
    assert location is not None  # guaranteed by the foreign key
    return location


def _current(
    session: Session, assessment_id: int, counts: list[int] | None = None
) -> dict[str, Current]:
    """The answers as they would be written now (so an untouched cell compares equal):
    personal data in notes and evidence replaced by ``[…]``; ``counts`` gets the numbers."""
    current = {}
    for point_id, a in assessments.answers(session, assessment_id).items():
        note, evidence = redact(as_written(a.note)), redact(as_written(a.evidence))
        if counts is not None:
            counts += [note.count, evidence.count]
        current[point_id] = Current(AnswerState(a.result, note.text, evidence.text), a.answered_at)
    return current


def preview_import(
    engine: Engine, path: Path, *, expected_assessment: int | None = None
) -> ImportPreview:
    """Read and check a returned workbook; say what importing it would change."""
    parsed = read_workbook(Path(path))
    meta = parsed.meta
    with transaction(engine) as session:
        assessment = _matching_assessment(session, parsed, expected_assessment)
        spec = checklists.spec_of_assessment(session, assessment)
        answer_check.refuse_workbook(session, assessment, spec, parsed)
        diff = compare(
            parsed.rows,
            meta.base,
            _current(session, meta.assessment_id),
            meta.exported_at,
            parsed.sheet,
        )
        location = _location(session, assessment)
    return ImportPreview(
        file=parsed.file,
        assessment_id=meta.assessment_id,
        location=f"{location.name} ({location.code})",
        checklist=f"{spec.id} {spec.version}",
        exported_at=meta.exported_at,
        exported_by=meta.exported_by,
        point_texts={p.id: p.text for p in spec.points},
        not_read=parsed.notices,
        **{f.name: getattr(diff, f.name) for f in fields(diff)},
    )


def _matching_assessment(
    session: Session, parsed: ParsedWorkbook, expected: int | None
) -> Assessment:
    meta, name = parsed.meta, parsed.file.name
    if expected is not None and expected != meta.assessment_id:
        raise Refused(
            _("{file} belongs to assessment {found}, not to assessment {expected}").format(
                file=name, found=meta.assessment_id, expected=expected
            )
        )
    access.require_assessment(session, meta.assessment_id, write=True)
    assessment = session.get(Assessment, meta.assessment_id)
    if assessment is None:
        raise NotFound(
            _("{file} belongs to assessment {id}, which is not in this database").format(
                file=name, id=meta.assessment_id
            )
        )
    location = _location(session, assessment)
    if (location.id, location.code) != (meta.location_id, meta.location_code):
        raise Refused(
            _(
                "{file} belongs to location {theirs} ({code}), but assessment {id} in "
                "this database is of {ours} ({our_code})"
            ).format(
                file=name,
                theirs=meta.location_name,
                code=meta.location_code,
                id=meta.assessment_id,
                ours=location.name,
                our_code=location.code,
            )
        )
    assessments.ensure_open(assessment)
    _same_checklist(session, assessment, parsed)
    return assessment


def _same_checklist(session: Session, assessment: Assessment, parsed: ParsedWorkbook) -> None:
    meta = parsed.meta
    version = session.get(ChecklistVersion, assessment.checklist_version_id)
    assert version is not None  # guaranteed by the foreign key
    if version.content_hash == meta.content_hash:
        spec = checklists.spec_of(version)
        if set(spec.point_index) == set(meta.base):
            return
    same_name = (version.checklist_id, version.version) == (
        meta.checklist_id,
        meta.checklist_version,
    )
    detail = _("the same version name with other content") if same_name else ""
    raise Refused(
        _(
            "{file} was exported with checklist “{theirs_id}” version {theirs} "
            "({theirs_hash}…), but assessment {id} uses “{ours_id}” version {ours} "
            "({ours_hash}…){detail}; export the workbook again"
        ).format(
            file=parsed.file.name,
            theirs_id=meta.checklist_id,
            theirs=meta.checklist_version,
            theirs_hash=meta.content_hash[:19],
            id=assessment.id,
            ours_id=version.checklist_id,
            ours=version.version,
            ours_hash=version.content_hash[:19],
            detail=f" ({detail})" if detail else "",
        )
    )


def apply_import(
    engine: Engine,
    preview: ImportPreview,
    *,
    take_theirs: set[str] | bool = False,
    actor: str | None = None,
) -> ImportResult:
    """Write the previewed answers in one transaction, with one audit-log entry.

    New and changed answers are written; of the conflicts, those in ``take_theirs`` (or all
    when it is True) take the file's answer and the others keep qaudit's. Refused, with
    nothing written, when qaudit changed one of these answers after the preview.
    """
    taken = _taken(preview, take_theirs)
    kept = tuple(c.point_id for c in preview.conflicts if c.point_id not in taken)
    writes = [
        *preview.new,
        *preview.changed,
        *(c for c in preview.conflicts if c.point_id in taken),
    ]
    with transaction(engine) as session:
        access.require_assessment(session, preview.assessment_id, write=True)
        assessment = assessments.get(session, preview.assessment_id)
        assessments.ensure_open(assessment)
        _unchanged_since_preview(session, preview, writes)
        for change in writes:
            after = change.after
            assessments.record_answer(
                session,
                preview.assessment_id,
                change.point_id,
                after.result,
                note=after.note,
                evidence=after.evidence,
                actor=actor,
            )
        if writes:
            audit.log(
                session,
                "excel_import",
                "assessment",
                preview.assessment_id,
                actor,
                file=preview.file.name,
                new=len(preview.new),
                changed=len(preview.changed),
                conflicts_taken=sorted(taken),
                conflicts_kept=list(kept),
            )
    return ImportResult(
        preview.assessment_id, tuple(c.point_id for c in writes), tuple(sorted(taken)), kept
    )


def _taken(preview: ImportPreview, take_theirs: set[str] | bool) -> set[str]:
    conflicts = {c.point_id for c in preview.conflicts}
    if isinstance(take_theirs, bool):
        return conflicts if take_theirs else set()
    unknown = set(take_theirs) - conflicts
    if unknown:
        raise Refused(
            _("not a conflict of this import: {ids}").format(ids=", ".join(sorted(unknown)))
        )
    return set(take_theirs)


def _unchanged_since_preview(
    session: Session, preview: ImportPreview, writes: list[Change]
) -> None:
    current = _current(session, preview.assessment_id)
    moved = [
        c.point_id
        for c in writes
        if (current[c.point_id].state if c.point_id in current else AnswerState()) != c.before
    ]
    if moved:
        raise Refused(
            _(
                "answers changed in qaudit after the preview ({ids}); nothing was "
                "imported: preview the workbook again"
            ).format(ids=", ".join(moved))
        )


def export_results(engine: Engine, out: Path) -> Path:
    """Every assessment's answers in one long table, with a per-theme summary."""
    with transaction(engine) as session:
        data = _collect_results(session)
    return write_results(Path(out), data)


def _collect_results(session: Session) -> ResultsData:
    query = (
        select(Assessment, Location, Organisation)
        .join(Location, col(Assessment.location_id) == col(Location.id))
        .join(Organisation, col(Location.organisation_id) == col(Organisation.id))
        .where(col(Assessment.status) != AssessmentStatus.CANCELLED)
        .order_by(col(Location.code), col(Assessment.id))
    )
    results: dict[int, dict[str, Result]] = {}
    for answer in session.exec(select(Answer)):
        results.setdefault(answer.assessment_id, {})[answer.point_id] = answer.result
    rows: list[ResultRow] = []
    summary: list[SummaryRow] = []
    allowed = access.scope(session)
    for assessment, location, organisation in session.exec(query).all():
        assert assessment.id is not None
        if not allowed.can_read_assessment(assessment.id):
            continue
        spec = checklists.spec_of_assessment(session, assessment)
        info = AssessmentInfo(
            location.code,
            location.name,
            organisation.name,
            assessment.id,
            assessment.kind.label,
            assessment.status.label,
            assessment.started_on,
            f"{spec.id} {spec.version}",
            _verdict_text(spec, results.get(assessment.id, {})),
        )
        answered = results.get(assessment.id, {})
        rows += [
            ResultRow(
                info,
                spec.theme_of[p.id].title,
                p.id,
                p.text,
                p.critical,
                p.weight,
                answered.get(p.id, Result.NOT_ASSESSED),
            )
            for p in spec.points
        ]
        summary += _theme_summary(info, spec, answered)
    return ResultsData(rows, summary)


def _verdict_text(spec: ChecklistSpec, answered: dict[str, Result]) -> str:
    return verdict(spec, answered).outcome.label_for(spec.kind)


def _theme_summary(
    info: AssessmentInfo, spec: ChecklistSpec, answered: dict[str, Result]
) -> list[SummaryRow]:
    scored = score(spec, answered)
    parts = [(t.theme.title, t.tally) for t in scored.themes]
    parts.append((_("(all themes)"), scored.overall))
    return [
        SummaryRow(info, title, t.total, t.answered, t.not_applicable, t.percent)
        for title, t in parts
    ]


def evidence_names(session: Session, assessment_id: int) -> dict[str, str]:
    """Per point, the names of its evidence files, one a line (personal data redacted)."""
    from qaudit.services.evidence import names_by_point

    return {
        point: "\n".join(redact(name).text for name in names)
        for point, names in names_by_point(session, assessment_id).items()
    }
