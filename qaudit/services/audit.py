"""The audit log: every change a user makes is recorded with who and when."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

from qaudit.domain.models import AuditLog, utcnow
from qaudit.services.access import is_postgres, os_login

_ACTOR = "qaudit_actor"


def current_actor(session: Session | None = None) -> str:
    """Who is at the keyboard: the single place identity comes from.

    On PostgreSQL (given a session on it) the authenticated login, ``session_user``;
    ``QAUDIT_ACTOR`` cannot change it there, and the database sets the audit log's actor
    itself. On SQLite, and without a session, ``QAUDIT_ACTOR`` or the OS login.
    """
    if session is None or not is_postgres(session):
        return os_login()
    cached = session.info.get(_ACTOR)
    if not isinstance(cached, str):
        cached = str(session.execute(text("SELECT session_user")).scalar())
        session.info[_ACTOR] = cached
    return cached


def log(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    actor: str | None = None,
    **detail: object,
) -> None:
    """Record an action. ``actor`` names who did it on SQLite only (e.g. a script's
    ``--actor``); on PostgreSQL the authenticated login is always the actor."""
    who = current_actor(session) if is_postgres(session) else (actor or current_actor())
    session.add(
        AuditLog(actor=who, action=action, entity=entity, entity_id=entity_id, detail=detail)
    )


AUDIT_LOG = AuditLog.__table__  # type: ignore[attr-defined]
_INSERT = AUDIT_LOG.insert()


def log_now(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    actor: str | None = None,
    **detail: object,
) -> None:
    """:func:`log`, written at once with one plain INSERT (no ORM object to flush): for
    what runs on every key press, like saving an answer."""
    who = current_actor(session) if is_postgres(session) else (actor or current_actor())
    session.connection().execute(
        _INSERT,
        {
            "at": utcnow(),
            "actor": who,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "detail": detail,
        },
    )
