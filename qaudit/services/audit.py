"""The audit log: every change a user makes is recorded with who and when."""

from __future__ import annotations

import getpass
import os

from sqlmodel import Session

from qaudit.domain.models import AuditLog


def current_actor() -> str:
    """Who is at the keyboard: ``QAUDIT_ACTOR`` or the login name."""
    try:
        return os.environ.get("QAUDIT_ACTOR") or getpass.getuser()
    except OSError:
        return "unknown"


def log(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    actor: str | None = None,
    **detail: object,
) -> None:
    session.add(
        AuditLog(
            actor=actor or current_actor(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
    )
