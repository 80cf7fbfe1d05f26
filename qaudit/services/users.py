"""Logins and grants: ``qaudit user`` and ``qaudit access``.

On PostgreSQL a login is a database role that can log in; adding one creates it (when the
administrator running the command may create roles) with membership in the group role
that holds qaudit's table privileges. A password is hashed on this machine (SCRAM-SHA-256,
by libpq) before it is sent, so it never appears in a statement, a server log or an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, select

from qaudit.domain.access import AccessRole, Grant, grant_problem
from qaudit.domain.models import Assessment, Location, Organisation, Person
from qaudit.domain.models.access import AccessGrant, Login
from qaudit.errors import NotFound, QauditError, Refused
from qaudit.i18n import _
from qaudit.services import access, audit
from qaudit.storage import transaction
from qaudit.storage.security import GROUP

LOGIN_NAME = re.compile(r"^[a-z_][a-z0-9_.@-]{0,62}$")


@dataclass(frozen=True)
class Added:
    login: str
    person: str
    created_role: bool
    """A PostgreSQL login role was created (False: it existed, or SQLite)."""


def check_login_name(login: str) -> str:
    if not LOGIN_NAME.match(login):
        message = _(
            "login {login!r} is not valid: use lower-case letters, digits and _ . @ -, "
            "starting with a letter or _, at most 63 characters"
        )
        raise QauditError(message.format(login=login))
    return login


def _quoted(name: str) -> str:
    return '"' + check_login_name(name) + '"'


def add_user(engine: Engine, login: str, person_id: int, password: str | None = None) -> Added:
    """Map ``login`` to a person; on PostgreSQL create the login role when it is missing."""
    check_login_name(login)
    if password is not None and not password:
        raise QauditError(_("the password is empty"))
    with transaction(engine) as session:
        access.require_staff(session)
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(_("no person with id {id}").format(id=person_id))
        if session.get(Login, login) is not None:
            raise Refused(_("login {login} already exists").format(login=login))
        if password is not None and not access.is_postgres(session):
            raise Refused(
                _("passwords belong to PostgreSQL; on SQLite the OS login is who you are")
            )
        created = _ensure_role(session, login, password) if access.is_postgres(session) else False
        session.add(Login(name=login, person_id=person_id))
        audit.log(session, "user_add", "person", person_id, login=login)
        return Added(login, person.name, created)


def _ensure_role(session: Session, login: str, password: str | None) -> bool:
    exists = session.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": login}
    ).first()
    may_create = _may_create_roles(session)
    if exists is None and not may_create:
        message = _(
            "the login {login} does not exist on the database server and you may not create "
            "logins; ask the database administrator to create it"
        )
        raise Refused(message.format(login=login))
    statements = []
    if exists is None:
        statements.append(f"CREATE ROLE {_quoted(login)} LOGIN")
    if password is not None:
        statements.append(
            f"ALTER ROLE {_quoted(login)} PASSWORD '{_hashed(session, login, password)}'"
        )
    if may_create:
        statements.append(f"GRANT {GROUP} TO {_quoted(login)}")
    _run(session, statements)
    return exists is None


def _may_create_roles(session: Session) -> bool:
    sql = "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
    group = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :g"), {"g": GROUP})
    return bool(session.execute(text(sql)).scalar()) and group.first() is not None


def _hashed(session: Session, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of the password, computed by libpq on this machine."""
    raw: Any = session.connection().connection.dbapi_connection
    verifier = raw.pgconn.encrypt_password(
        password.encode(), login.encode(), b"scram-sha-256"
    ).decode()
    return verifier.replace("'", "''")


def _run(session: Session, statements: list[str]) -> None:
    """Run role statements; a refusal by the server becomes a message without the SQL."""
    for statement in statements:
        try:
            with session.begin_nested():
                session.connection().exec_driver_sql(statement)
        except DBAPIError as exc:
            message = _("the database server refused: {detail}")
            raise Refused(message.format(detail=_server_message(exc))) from None


def _server_message(exc: DBAPIError) -> str:
    """The server's own sentence, never the statement (it may hold a password's verifier)."""
    diag = getattr(exc.orig, "diag", None)
    return str(getattr(diag, "message_primary", None) or type(exc.orig).__name__)


def remove_user(engine: Engine, login: str) -> bool:
    """Remove the login's mapping and grants; on PostgreSQL drop the role when possible.
    Returns whether the role was dropped."""
    with transaction(engine) as session:
        access.require_staff(session)
        row = session.get(Login, login)
        if row is None:
            raise NotFound(_("no login {login}").format(login=login))
        for grant in session.exec(select(AccessGrant).where(AccessGrant.login == login)):
            session.delete(grant)
        session.delete(row)
        audit.log(session, "user_remove", "person", row.person_id, login=login)
        return _drop_role(session, login) if access.is_postgres(session) else False


def _drop_role(session: Session, login: str) -> bool:
    if not _may_create_roles(session):
        return False
    _run(session, [f"REVOKE {GROUP} FROM {_quoted(login)}"])
    try:
        with session.begin_nested():
            session.connection().exec_driver_sql(f"DROP ROLE {_quoted(login)}")
    except DBAPIError:
        return False  # it owns objects or has privileges elsewhere: kept, without access
    return True


def user_rows(session: Session) -> list[dict[str, Any]]:
    names = dict(session.exec(select(Person.id, Person.name)).all())
    grants: dict[str, list[str]] = {}
    for grant in session.exec(select(AccessGrant).order_by(col(AccessGrant.id))):
        grants.setdefault(grant.login, []).append(str(grant.role))
    return [
        {
            "login": row.name,
            "person_id": row.person_id,
            "person": names.get(row.person_id, ""),
            "roles": sorted(set(grants.get(row.name, []))),
        }
        for row in session.exec(select(Login).order_by(col(Login.name)))
    ]


def list_users(engine: Engine) -> list[dict[str, Any]]:
    with transaction(engine) as session:
        return user_rows(session)


def grant(engine: Engine, login: str, role: AccessRole, target: Grant) -> bool:
    """Give ``login`` the role in the target's scope. False when it already had it."""
    with transaction(engine) as session:
        access.require_staff(session)
        if session.get(Login, login) is None:
            message = _("no login {login}: add it first with qaudit user add")
            raise NotFound(message.format(login=login))
        _check_target(session, role, target)
        if _find(session, login, role, target) is not None:
            return False
        session.add(
            AccessGrant(
                login=login,
                role=role,
                location_id=target.location_id,
                organisation_id=target.organisation_id,
                assessment_id=target.assessment_id,
            )
        )
        audit.log(session, "grant", "login", None, None, login=login, **_described(role, target))
        return True


def revoke(engine: Engine, login: str, role: AccessRole, target: Grant) -> None:
    with transaction(engine) as session:
        access.require_staff(session)
        row = _find(session, login, role, target)
        if row is None:
            message = _("login {login} has no such grant ({role} {scope})")
            raise NotFound(message.format(login=login, role=role.value, **_scope_text(target)))
        session.delete(row)
        audit.log(session, "revoke", "login", None, None, login=login, **_described(role, target))


def _find(session: Session, login: str, role: AccessRole, target: Grant) -> AccessGrant | None:
    return session.exec(
        select(AccessGrant).where(
            AccessGrant.login == login,
            AccessGrant.role == role,
            AccessGrant.location_id == target.location_id,
            AccessGrant.organisation_id == target.organisation_id,
            AccessGrant.assessment_id == target.assessment_id,
        )
    ).first()


def _check_target(session: Session, role: AccessRole, target: Grant) -> None:
    kind = None
    if target.location_id is not None and session.get(Location, target.location_id) is None:
        raise NotFound(_("no location with id {id}").format(id=target.location_id))
    if (
        target.organisation_id is not None
        and session.get(Organisation, target.organisation_id) is None
    ):
        raise NotFound(_("no organisation with id {id}").format(id=target.organisation_id))
    if target.assessment_id is not None:
        assessment = session.get(Assessment, target.assessment_id)
        if assessment is None:
            raise NotFound(_("no assessment with id {id}").format(id=target.assessment_id))
        kind = str(assessment.kind)
    problem = grant_problem(role, target, kind)
    if problem:
        raise QauditError(_(problem))


def _described(role: AccessRole, target: Grant) -> dict[str, object]:
    return {
        "role": role.value,
        "location_id": target.location_id,
        "organisation_id": target.organisation_id,
        "assessment_id": target.assessment_id,
    }


def _scope_text(target: Grant) -> dict[str, str]:
    if target.location_id is not None:
        return {"scope": _("location {id}").format(id=target.location_id)}
    if target.organisation_id is not None:
        return {"scope": _("organisation {id}").format(id=target.organisation_id)}
    if target.assessment_id is not None:
        return {"scope": _("assessment {id}").format(id=target.assessment_id)}
    return {"scope": _("everything")}


def grant_rows(engine: Engine) -> list[dict[str, Any]]:
    with transaction(engine) as session:
        rows = session.exec(
            select(AccessGrant).order_by(col(AccessGrant.login), col(AccessGrant.id))
        )
        return [
            {
                "login": g.login,
                "role": str(g.role),
                "location_id": g.location_id,
                "organisation_id": g.organisation_id,
                "assessment_id": g.assessment_id,
                "scope": _scope_text(
                    Grant(AccessRole(g.role), g.location_id, g.organisation_id, g.assessment_id)
                )["scope"],
            }
            for g in rows
        ]
