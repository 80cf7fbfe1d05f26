"""Privacy use cases: check free text before it is saved, record a confirmation, and purge
interview notes past the retention period (AVG storage limitation).

The detector itself is pure (:mod:`qaudit.domain.privacy`); reports and exports redact with
it too (:mod:`qaudit.reports.privacy`, the Excel and calendar exports).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain.models import (
    Answer,
    Assessment,
    AuditLog,
    Finding,
    ImprovementAction,
    Interview,
    Recommendation,
)
from qaudit.domain.privacy import Finding as PersonalData
from qaudit.domain.privacy import Kind, find_personal_data, redact
from qaudit.errors import Refused
from qaudit.i18n import N_, _
from qaudit.services import audit
from qaudit.storage import transaction

PURGE_ACTION = "privacy_purge"
CONFIRM_ACTION = "privacy_confirmed"

KIND_LABELS = {
    Kind.NAME: N_("a name"),
    Kind.BIRTH_DATE: N_("a date of birth"),
    Kind.BSN: N_("a BSN"),
    Kind.PHONE: N_("a phone number"),
    Kind.EMAIL: N_("an e-mail address"),
}


def check_free_text(text: str) -> tuple[PersonalData, ...]:
    """What in ``text`` looks like personal data (empty: the text may be saved as it is)."""
    return tuple(find_personal_data(text or ""))


def describe(findings: Iterable[PersonalData]) -> str:
    """``a name: “mevrouw Jansen”; a phone number: “06-12345678”`` for the person typing."""
    return "; ".join(f"{_(KIND_LABELS[f.kind])}: “{f.text}”" for f in findings)


def confirm_not_personal(
    engine: Engine,
    *,
    what: str,
    findings: Sequence[PersonalData],
    entity: str = "",
    entity_id: int | None = None,
    actor: str | None = None,
) -> bool:
    """Record in the audit log that someone confirmed a flagged text is not personal data.

    Only the kinds and the count are logged, never the text itself.
    """
    with transaction(engine) as session:
        audit.log(
            session,
            CONFIRM_ACTION,
            entity or "text",
            entity_id,
            actor,
            field=what,
            kinds=sorted({f.kind.value for f in findings}),
            count=len(findings),
        )
    return True


def retention_cutoff(today: date, months: int) -> date:
    """The day ``months`` months before ``today`` (clamped to the month's last day)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    for day in range(today.day, 0, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass
class PurgedAssessment:
    assessment_id: int
    interviews: int = 0
    """Interview notes removed."""
    redactions: int = 0
    """Personal data blanked out in the other free text of the assessment."""


@dataclass
class PurgeResult:
    before: date
    dry_run: bool
    assessments: list[PurgedAssessment] = field(default_factory=list)

    @property
    def interviews(self) -> int:
        return sum(a.interviews for a in self.assessments)

    @property
    def redactions(self) -> int:
        return sum(a.redactions for a in self.assessments)


def purge(
    engine: Engine,
    before: date | None,
    *,
    retention_months: int,
    today: date | None = None,
    dry_run: bool = False,
    actor: str | None = None,
) -> PurgeResult:
    """Remove the notes of interviews held before ``before`` (default: the retention cutoff).

    Also blanks out personal data that remains in the free text (answer notes and evidence,
    findings, recommendations, summary, quality advice, improvement actions) of assessments
    closed before that day. Refused when ``before`` lies inside the retention period. One
    audit-log entry per assessment; ``dry_run`` only counts.
    """
    cutoff = retention_cutoff(today or date.today(), retention_months)
    before = before or cutoff
    if before > cutoff:
        message = _(
            "--before {before}: interview notes are kept for {months} months "
            "([privacy] retention_months); choose a day on or before {cutoff}"
        )
        raise Refused(message.format(before=before, months=retention_months, cutoff=cutoff))
    result = PurgeResult(before, dry_run)
    with transaction(engine) as session:
        found: dict[int, PurgedAssessment] = {}
        _purge_interviews(session, before, found, dry_run)
        for assessment in _closed_before(session, before):
            assert assessment.id is not None
            item = found.setdefault(assessment.id, PurgedAssessment(assessment.id))
            item.redactions += _redact_assessment(session, assessment, dry_run)
        result.assessments = [a for _id, a in sorted(found.items()) if a.interviews or a.redactions]
        if not dry_run:
            for item in result.assessments:
                audit.log(
                    session,
                    PURGE_ACTION,
                    "assessment",
                    item.assessment_id,
                    actor,
                    before=before.isoformat(),
                    interviews=item.interviews,
                    redactions=item.redactions,
                    retention_months=retention_months,
                )
    return result


def _purge_interviews(
    session: Session, before: date, found: dict[int, PurgedAssessment], dry_run: bool
) -> None:
    rows = session.exec(
        select(Interview).where(col(Interview.held_on) < before, col(Interview.notes) != "")
    )
    for interview in rows:
        item = found.setdefault(interview.assessment_id, PurgedAssessment(interview.assessment_id))
        item.interviews += 1
        if not dry_run:
            interview.notes = ""
            session.add(interview)


def _closed_before(session: Session, before: date) -> list[Assessment]:
    closed = session.exec(select(Assessment).where(col(Assessment.closed_at).is_not(None)))
    return [a for a in closed if a.closed_at is not None and a.closed_at.date() < before]


# (model, the column that points to the assessment, the free-text attributes)
_FREE_TEXT: tuple[tuple[type, str, tuple[str, ...]], ...] = (
    (Answer, "assessment_id", ("note", "evidence")),
    (Finding, "assessment_id", ("text",)),
    (Recommendation, "assessment_id", ("text",)),
    (ImprovementAction, "assessment_id", ("title",)),
)


def _redact_assessment(session: Session, assessment: Assessment, dry_run: bool) -> int:
    count = _redact_row(session, assessment, ("summary", "quality_advice"), dry_run)
    for model, link, attributes in _FREE_TEXT:
        rows: Iterable[Any] = session.exec(
            select(model).where(getattr(model, link) == assessment.id)
        )
        for row in rows:
            count += _redact_row(session, row, attributes, dry_run)
    return count


def _redact_row(session: Session, row: Any, attributes: tuple[str, ...], dry_run: bool) -> int:
    count = 0
    for name in attributes:
        done = redact(getattr(row, name) or "")
        if done.count:
            count += done.count
            if not dry_run:
                setattr(row, name, done.text)
                session.add(row)
    return count


def purged_on(session: Session, assessment_id: int) -> date | None:
    """When the interview notes of an assessment were removed under the retention rule."""
    rows = session.exec(
        select(AuditLog.at, AuditLog.detail)
        .where(
            AuditLog.action == PURGE_ACTION,
            AuditLog.entity == "assessment",
            AuditLog.entity_id == assessment_id,
        )
        .order_by(col(AuditLog.at))
    ).all()
    days = [at.date() for at, detail in rows if (detail or {}).get("interviews")]
    return days[-1] if days else None
