"""Who is at the keyboard, and what they may see: the rules of ``qaudit.domain.access``
applied to the grants in the database, with refusals that say what was refused.

On PostgreSQL the login is the authenticated database role (``current_user``); superusers
and the tables' owner see everything, as PostgreSQL lets them. On SQLite (one person's
file) the identity is ``QAUDIT_ACTOR`` or the OS login; a login without grants owns the
file and sees everything, one with grants sees what they allow — the same rules as on
PostgreSQL, without the database enforcing them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, text
from sqlmodel import Session

from qaudit.domain.access import (
    EVERYTHING,
    AccessRole,
    Facts,
    Grant,
    Scope,
    scope_of,
)
from qaudit.domain.models import Assessment, Location, Person
from qaudit.domain.models.access import Login
from qaudit.errors import Refused
from qaudit.i18n import _
from qaudit.services.access_read import Read, facts_via, os_login
from qaudit.storage import transaction

_IDENTITY = "qaudit_identity"
_WHO = "qaudit_who"
_SCOPE = "qaudit_scope"

_PG_WHO = """
SELECT current_user::text, r.rolsuper OR r.rolbypassrls OR c.relowner = r.oid
FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass('location')
WHERE r.rolname = current_user"""


@dataclass(frozen=True)
class Identity:
    login: str
    administrator: bool
    """Sees everything: a superuser or the tables' owner on PostgreSQL."""
    postgres: bool
    person_id: int | None = None
    person: str = ""


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _who(session: Session) -> Identity:
    """The login and whether it is an administrator, without its person (cached)."""
    cached = session.info.get(_WHO)
    if isinstance(cached, Identity):
        return cached
    if is_postgres(session):
        login, admin = session.execute(text(_PG_WHO)).one()
        found = Identity(str(login), bool(admin), True)
    else:
        found = Identity(os_login(), False, False)
    session.info[_WHO] = found
    return found


def identity(session: Session) -> Identity:
    """Who is at the keyboard, with the person behind the login (cached for the session)."""
    cached = session.info.get(_IDENTITY)
    if isinstance(cached, Identity):
        return cached
    found = _who(session)
    mapped = session.get(Login, found.login)
    if mapped is not None:
        person = session.get(Person, mapped.person_id)
        found = Identity(
            found.login,
            found.administrator,
            found.postgres,
            mapped.person_id,
            person.name if person else "",
        )
    session.info[_IDENTITY] = found
    return found


_GRANTS = (
    "SELECT role, location_id, organisation_id, assessment_id FROM accessgrant WHERE login = :login"
)


def grants_of(session: Session, login: str) -> list[Grant]:
    rows = session.execute(text(_GRANTS), {"login": login}).all()  # per key press: no ORM
    return [Grant(AccessRole(r), lo, o, a) for r, lo, o, a in rows]


def scope_of_login(session: Session, login: str, today: date | None = None) -> Scope:
    """The scope of any login by its grants (an administrator's check of what it may do)."""
    grants = grants_of(session, login)
    if not grants:
        return scope_of((), Facts(), today or date.today())
    return scope_of(grants, facts(session), today or date.today())


def visible_locations_of(engine: Engine) -> frozenset[int] | None:
    """:func:`visible_locations` in a transaction of its own (for the terminal UI)."""
    with transaction(engine) as session:
        return visible_locations(session)


def scope(session: Session, today: date | None = None) -> Scope:
    """What the current login may read and change (cached for the session)."""
    cached = session.info.get(_SCOPE)
    if isinstance(cached, Scope) and today is None:
        return cached
    who = _who(session)
    grants = grants_of(session, who.login)
    if who.administrator or (not who.postgres and not grants):
        found = EVERYTHING
    else:
        found = scope_of(grants, facts(session), today or date.today())
    if today is None:
        session.info[_SCOPE] = found
    return found


def facts(session: Session) -> Facts:
    return facts_via(_reader(session))


def _reader(session: Session) -> Read:
    def read(sql: str, params: Mapping[str, object]) -> Sequence[Sequence[Any]]:
        return session.execute(text(sql), dict(params)).all()

    return read


def location_label(session: Session, location_id: int) -> str:
    """The location's code, also when the login may not read the row (PostgreSQL)."""
    if is_postgres(session):
        sql = "SELECT qaudit_location_code(:id)"
        code = session.execute(text(sql), {"id": location_id}).scalar()
    else:
        row = session.get(Location, location_id)
        code = row.code if row else None
    return str(code or location_id)


def require_location(session: Session, location_id: int, *, write: bool = False) -> None:
    """Refuse, naming the location, unless the login may read (or change) it."""
    allowed = scope(session)
    if allowed.can_write_location(location_id) if write else allowed.can_read_location(location_id):
        return
    label = location_label(session, location_id)
    raise Refused(_("you have no access to location {code}").format(code=label))


def require_start(session: Session, kind: str, location_id: int) -> None:
    """Refuse, naming the location, unless the login may start this kind of assessment."""
    if scope(session).can_start(kind, location_id):
        return
    label = location_label(session, location_id)
    raise Refused(_("you may not start this assessment at location {code}").format(code=label))


def require_assessment(session: Session, assessment_id: int, *, write: bool = False) -> None:
    """Refuse, naming the assessment, unless the login may read (or change) it."""
    allowed = scope(session)
    if (
        allowed.can_write_assessment(assessment_id)
        if write
        else allowed.can_read_assessment(assessment_id)
    ):
        return
    message = _("you have no access to assessment {id}")
    if write and allowed.can_read_assessment(assessment_id):
        message = _("you may read assessment {id} but not change it")
    raise Refused(message.format(id=assessment_id))


def require_staff(session: Session) -> None:
    """Refuse unless the login is cooperative staff (or an administrator)."""
    if not scope(session).everything:
        raise Refused(_("only cooperative staff may do this"))


def visible_locations(session: Session) -> frozenset[int] | None:
    """The locations the login may read, or None for all of them."""
    allowed = scope(session)
    return None if allowed.everything else allowed.read_locations


def visible_assessment(session: Session, assessment: Assessment) -> bool:
    return assessment.id is not None and scope(session).can_read_assessment(assessment.id)
