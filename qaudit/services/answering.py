"""Saving one field of one answer: only what changed, and only over what the person saw.

A save names the field (result, note or evidence), the new value and the version of the
answer it was based on. When someone else changed that field since, nothing is written and
:class:`AnswerConflict` says what they wrote, who and when; the person then keeps theirs
(saving again based on the conflict's version) or takes the other.

Answering and closing take the same lock on the assessment (PostgreSQL: ``SELECT ... FOR
UPDATE`` on its row; SQLite: ``BEGIN IMMEDIATE``), so no answer gets in after a close.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Engine, Table, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from qaudit.checklists import ChecklistSpec
from qaudit.checklists.spec import Point
from qaudit.domain.enums import AssessmentStatus, Result
from qaudit.domain.models import Answer, Assessment, ChecklistVersion, utcnow
from qaudit.domain.models.profile import Recheck
from qaudit.errors import NotFound, Refused
from qaudit.i18n import N_, _
from qaudit.services import access, answer_check, audit, checklists
from qaudit.storage import transaction

ANSWER: Table = Answer.__table__  # type: ignore[attr-defined]
ASSESSMENT: Table = Assessment.__table__  # type: ignore[attr-defined]
VERSION: Table = ChecklistVersion.__table__  # type: ignore[attr-defined]
RECHECK: Table = Recheck.__table__  # type: ignore[attr-defined]

NOTIFY_CHANNEL = "qaudit_answers"
"""PostgreSQL: every committed answer change notifies this channel with the assessment id."""


class AnswerField(StrEnum):
    RESULT = "result"
    NOTE = "note"
    EVIDENCE = "evidence"

    @property
    def label(self) -> str:
        return _(_FIELD_LABELS[self])


_FIELD_LABELS = {
    AnswerField.RESULT: N_("answer"),
    AnswerField.NOTE: N_("note"),
    AnswerField.EVIDENCE: N_("evidence"),
}

Value = Result | str
EMPTY: dict[AnswerField, Value] = {
    AnswerField.RESULT: Result.NOT_ASSESSED,
    AnswerField.NOTE: "",
    AnswerField.EVIDENCE: "",
}


@dataclass(frozen=True)
class Saved:
    """The answer's state after a save: its new version, who changed it and when."""

    point_id: str
    field: AnswerField
    value: Value
    version: int
    changed_by: str
    changed_at: datetime
    changed: bool
    """False when the value was already there (nothing written)."""


class AnswerConflict(Refused):
    """Someone else changed this field after the version the save was based on."""

    def __init__(
        self,
        point_id: str,
        field: AnswerField,
        mine: Value,
        theirs: Value,
        who: str,
        when: datetime,
        version: int,
    ) -> None:
        self.point_id, self.field, self.mine, self.theirs = point_id, field, mine, theirs
        self.who, self.when, self.version = who, when, version
        message = _(
            "point {point}: {who} changed the {field} at {when} to {theirs!r}; "
            "yours ({mine!r}) was not saved"
        )
        super().__init__(
            message.format(
                point=point_id,
                who=who or "?",
                field=field.label,
                when=f"{when:%Y-%m-%d %H:%M:%S}",
                theirs=shown(theirs),
                mine=shown(mine),
            )
        )


def shown(value: Value) -> str:
    return value.label if isinstance(value, Result) else value


# The statements of a save, built once: constructing SQLAlchemy statements costs more than
# running them on SQLite, and this runs for every key press.
_LOCKED = (
    sa.select(ASSESSMENT.c.status, VERSION.c.id, VERSION.c.content_hash, RECHECK.c.point_ids)
    .join(VERSION, VERSION.c.id == ASSESSMENT.c.checklist_version_id)
    .outerjoin(RECHECK, RECHECK.c.assessment_id == ASSESSMENT.c.id)
    .where(ASSESSMENT.c.id == sa.bindparam("assessment"))
    .with_for_update(of=ASSESSMENT)
)
_ROW = {
    field: sa.select(
        ANSWER.c.id,
        ANSWER.c[field.value],
        ANSWER.c[f"{field.value}_version"],
        ANSWER.c.version,
        ANSWER.c.changed_by,
        ANSWER.c.answered_at,
    ).where(
        ANSWER.c.assessment_id == sa.bindparam("assessment"),
        ANSWER.c.point_id == sa.bindparam("point"),
    )
    for field in AnswerField
}
_UPDATE = update(ANSWER).where(ANSWER.c.id == sa.bindparam("row"))
"""The columns to set are the execution's parameters (besides ``row``)."""
_INSERT = {
    postgres: (pg_insert if postgres else sqlite_insert)(ANSWER)
    .on_conflict_do_nothing(index_elements=["assessment_id", "point_id"])
    .returning(ANSWER.c.id)
    for postgres in (False, True)
}


def save(
    engine: Engine,
    assessment_id: int,
    point_id: str,
    field: AnswerField,
    value: Value,
    *,
    based_on: int | None = None,
    actor: str | None = None,
    person_id: int | None = None,
) -> Saved:
    """Save one field in its own transaction: committed when this returns."""
    with transaction(engine) as session:
        return save_in(
            session,
            assessment_id,
            point_id,
            field,
            value,
            based_on=based_on,
            actor=actor,
            person_id=person_id,
        )


def save_in(
    session: Session,
    assessment_id: int,
    point_id: str,
    field: AnswerField,
    value: Value,
    *,
    based_on: int | None = None,
    actor: str | None = None,
    person_id: int | None = None,
) -> Saved:
    """Save one field inside the caller's transaction. ``based_on=None``: no check.

    Plain SQL statements (no ORM objects): this runs for every key press.
    """
    connection = session.connection()
    spec = _lock_and_check(session, assessment_id, point_id)
    if field is AnswerField.RESULT and value in RULED:
        _check_rules(session, assessment_id, spec.point_index[point_id], Result(value))
    who = actor or audit.current_actor(session)
    row = connection.execute(_ROW[field], {"assessment": assessment_id, "point": point_id}).first()
    if row is None and value == EMPTY[field]:
        return Saved(point_id, field, value, 0, "", utcnow(), False)
    row_id, current, field_version, version, changed_by, changed_at = row or (
        None,
        EMPTY[field],
        0,
        0,
        "",
        utcnow(),
    )
    if current == value:
        return Saved(point_id, field, value, version, changed_by, changed_at, False)
    if based_on is not None and field_version > based_on:
        raise AnswerConflict(point_id, field, value, current, changed_by, changed_at, version)
    now = utcnow()
    changes = {
        field.value: value,
        f"{field.value}_version": version + 1,
        "version": version + 1,
        "changed_by": who,
        "answered_at": now,
    }
    if field is AnswerField.RESULT and person_id is not None:
        changes["answered_by_id"] = person_id
    if row_id is None:
        if not _insert(connection, assessment_id, point_id, changes):  # someone was first
            return save_in(
                session,
                assessment_id,
                point_id,
                field,
                value,
                based_on=based_on,
                actor=actor,
                person_id=person_id,
            )
    else:
        connection.execute(_UPDATE, {"row": row_id, **changes})
    audit.log_now(
        session,
        field.value if field is not AnswerField.RESULT else "answer",
        "assessment",
        assessment_id,
        who,
        point=point_id,
        field=field.value,
        before=None if field_version == 0 else _stored(current),
        after=_stored(value),
        version=version + 1,
    )
    _notify(session, assessment_id)
    return Saved(point_id, field, value, version + 1, who, now, True)


RULED = (Result.NOT_APPLICABLE, Result.NOT_COMPLIANT)
"""The results the checklist's rules can refuse (n.v.t. allowed?, a note required?)."""


def check_allowed(engine: Engine, assessment_id: int, point_id: str, result: Result) -> None:
    """Refuse, before it is queued, an answer the checklist's rules forbid (n.v.t. where not
    allowed, 'voldoet niet' without a note): the write queue would refuse it only later."""
    if result not in RULED:
        return
    try:
        with transaction(engine) as session:
            assessment = session.get(Assessment, assessment_id)
            if assessment is None:
                return  # the queue names it
            point = checklists.spec_of_assessment(session, assessment).point_index.get(point_id)
            if point is not None:
                _check_rules(session, assessment_id, point, result)
    except sa.exc.SQLAlchemyError:
        return  # the database is out of reach: the answer waits in the outbox, checked there


def _check_rules(session: Session, assessment_id: int, point: Point, result: Result) -> None:
    """The checklist's n.v.t. and note rules (``answer_check``), against the stored note."""
    assessment = session.get(Assessment, assessment_id)
    assert assessment is not None  # locked and checked just before
    note = (
        session.connection()
        .execute(
            sa.select(ANSWER.c.note).where(
                ANSWER.c.assessment_id == assessment_id, ANSWER.c.point_id == point.id
            )
        )
        .scalar()
    )
    answer_check.ensure_allowed(session, assessment, point, result, note or "")


def _lock_and_check(session: Session, assessment_id: int, point_id: str) -> ChecklistSpec:
    """Check the login may write it, lock the assessment, refuse it when closed, and the point
    when its checklist lacks it."""
    access.require_assessment(session, assessment_id, write=True)
    lock(session, assessment_id)
    found = session.connection().execute(_LOCKED, {"assessment": assessment_id}).first()
    if found is None:
        raise NotFound(_("no assessment with id {id}").format(id=assessment_id))
    status, version_id, content_hash, recheck_points = found
    if AssessmentStatus(status) is not AssessmentStatus.OPEN:
        raise Refused(_closed(assessment_id, AssessmentStatus(status)))
    spec = checklists.cached(content_hash)
    if spec is None:
        stored = session.get(ChecklistVersion, version_id)
        assert stored is not None  # guaranteed by the foreign key
        spec = checklists.spec_of(stored)
    # a re-check: its points only (read in the same statement as the lock)
    spec = checklists.narrowed_to(spec, None if recheck_points is None else tuple(recheck_points))
    if point_id not in spec.point_index:
        message = _("checklist '{id}' {version} has no point '{point}'")
        raise NotFound(message.format(id=spec.id, version=spec.version, point=point_id))
    return spec


def _stored(value: Value) -> str:
    return value.value if isinstance(value, Result) else value


def lock_open(session: Session, assessment_id: int) -> Assessment:
    """The open assessment, locked until the end of the transaction; refused when closed."""
    lock(session, assessment_id)
    assessment = session.exec(
        select(Assessment)
        .where(Assessment.id == assessment_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if assessment is None:
        raise NotFound(_("no assessment with id {id}").format(id=assessment_id))
    ensure_open(assessment)
    return assessment


def lock(session: Session, assessment_id: int) -> None:
    """SQLite: take the database's write lock now (the row lock is the SELECT FOR UPDATE)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    raw = connection.connection.driver_connection
    if raw is not None and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def ensure_open(assessment: Assessment) -> None:
    if assessment.status is not AssessmentStatus.OPEN:
        raise Refused(_closed(assessment.id, assessment.status))


def _closed(assessment_id: int | None, status: AssessmentStatus = AssessmentStatus.CLOSED) -> str:
    if status is AssessmentStatus.CANCELLED:
        cancelled = _("assessment {id} was cancelled: it takes no more answers or changes")
        return cancelled.format(id=assessment_id)
    message = _(
        "assessment {id} is closed: its answers are locked (start a new assessment to change them)"
    )
    return message.format(id=assessment_id)


def _insert(
    connection: Connection, assessment_id: int, point_id: str, changes: dict[str, Any]
) -> bool:
    """The first change of a point: a new row (the other fields empty, at version 0).

    Two first answers at the same moment do not collide: the assessment lock serialises
    them, and the insert does nothing (False) when the row is there already.
    """
    row = {
        "assessment_id": assessment_id,
        "point_id": point_id,
        "result": Result.NOT_ASSESSED,
        "note": "",
        "evidence": "",
        "result_version": 0,
        "note_version": 0,
        "evidence_version": 0,
        **changes,
    }
    statement = _INSERT[connection.dialect.name == "postgresql"]
    return connection.execute(statement, row).scalar() is not None


def _notify(session: Session, assessment_id: int) -> None:
    """PostgreSQL: tell listeners (delivered at commit, dropped on rollback)."""
    if session.connection().dialect.name == "postgresql":
        session.connection().execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": NOTIFY_CHANNEL, "payload": str(assessment_id)},
        )
