"""``qaudit db check``: the invariants a healthy qaudit database keeps.

- every closed assessment's recorded verdict and score equal the ones recomputed from its
  stored answers, and no answer was changed after it was closed;
- every foreign key points at an existing row (SQLite ``PRAGMA foreign_key_check``;
  PostgreSQL enforces them itself);
- the SQLite file is intact (``PRAGMA integrity_check``);
- every stored evidence file's bytes still match their sha256 and size.

Checking only reads: the database is not upgraded, and nothing is written.
"""

from __future__ import annotations

import math

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain.enums import AssessmentStatus
from qaudit.domain.models import Answer, Assessment
from qaudit.i18n import _
from qaudit.services import evidence
from qaudit.services.assessments import verdict_of
from qaudit.storage.schema import HEAD, check_schema


def check_database(engine: Engine) -> list[str]:
    """Every problem found, one sentence each; an empty list when all is well."""
    problems = _sqlite_file_problems(engine)
    revision = check_schema(engine)
    if revision != HEAD:
        problems.append(
            _("the schema is at revision {revision}, not {head}: run 'qaudit db upgrade'").format(
                revision=revision or "-", head=HEAD
            )
        )
        return problems
    with Session(engine) as session:
        for assessment in session.exec(
            select(Assessment)
            .where(Assessment.status == AssessmentStatus.CLOSED)
            .order_by(col(Assessment.id))
        ):
            problems += closed_assessment_problems(session, assessment)
        problems += evidence.integrity_problems(session)
    return problems


def closed_assessment_problems(session: Session, assessment: Assessment) -> list[str]:
    problems = []
    judged = verdict_of(session, assessment)
    recomputed = judged.score.overall.percent
    if assessment.outcome != judged.outcome or not _same(assessment.score_percent, recomputed):
        problems.append(
            _(
                "assessment {id}: the recorded verdict {recorded} ({score}) differs from the "
                "verdict recomputed from its stored answers {outcome} ({recomputed})"
            ).format(
                id=assessment.id,
                recorded=assessment.outcome.value if assessment.outcome else "-",
                score=_percent(assessment.score_percent),
                outcome=judged.outcome.value,
                recomputed=_percent(recomputed),
            )
        )
    if assessment.closed_at is not None:
        late = session.exec(
            select(Answer)
            .where(Answer.assessment_id == assessment.id, Answer.answered_at > assessment.closed_at)
            .order_by(col(Answer.point_id))
        ).all()
        problems += [
            _(
                "assessment {id}: the answer to {point} was changed at {changed}, after the "
                "assessment was closed at {closed}"
            ).format(
                id=assessment.id,
                point=answer.point_id,
                changed=answer.answered_at.isoformat(sep=" ", timespec="seconds"),
                closed=assessment.closed_at.isoformat(sep=" ", timespec="seconds"),
            )
            for answer in late
        ]
    return problems


def _same(recorded: float | None, recomputed: float | None) -> bool:
    if recorded is None or recomputed is None:
        return recorded is None and recomputed is None
    return math.isclose(recorded, recomputed, abs_tol=1e-6)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} %"


def _sqlite_file_problems(engine: Engine) -> list[str]:
    if engine.dialect.name != "sqlite":
        return []  # PostgreSQL enforces foreign keys and checksums pages itself
    problems = []
    with engine.connect() as connection:
        for row in connection.exec_driver_sql("PRAGMA integrity_check").fetchall():
            if row[0] != "ok":
                problems.append(_("the file is damaged: {detail}").format(detail=row[0]))
        for table, rowid, parent, _key in connection.exec_driver_sql(
            "PRAGMA foreign_key_check"
        ).fetchall():
            problems.append(
                _(
                    "table {table}, row {rowid}: refers to a row of {parent} that does not exist"
                ).format(table=table, rowid=rowid, parent=parent)
            )
    return problems
