"""Database and file faults as messages a user can act on (never a traceback).

:func:`fault_message` turns an exception from SQLAlchemy, a database driver, the operating
system or an out-of-range number into one sentence that names what failed and where (a
database URL always with its password masked), or returns None for an exception that is a
bug rather than a fault. It reads only the exception and the URL: it connects to nothing.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

from qaudit.files import reason
from qaudit.i18n import _

BUSY_SECONDS = 5


def fault_message(exc: BaseException, url: str | None = None) -> str | None:
    """A message for ``exc`` as a database or file fault, or None when it is not one."""
    if isinstance(exc, OverflowError):
        return _("a number or date is out of range: {detail}").format(detail=exc)
    orig = getattr(exc, "orig", None)
    if _is_dbapi_error(exc) and isinstance(orig, BaseException):
        return _driver_message(orig, url) or _generic(exc, orig, url)
    if isinstance(exc, sqlite3.Error):
        return _sqlite_message(str(exc), url) or _generic(exc, exc, url)
    if isinstance(exc, OSError):
        name = exc.filename
        if name:
            return _("{path}: {reason}").format(path=name, reason=reason(exc))
        return reason(exc)
    return None


def _is_dbapi_error(exc: BaseException) -> bool:
    from sqlalchemy.exc import DBAPIError, IntegrityError

    return isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError)


_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def masked_url(url: str) -> str:
    """``url`` with the password between ``user:`` and ``@`` replaced by ``***``."""
    return _PASSWORD.sub(r"\1***@", url)


def where(url: str | None) -> str:
    """The database as a user recognises it: a SQLite file's path, else the masked URL."""
    if not url:
        return _("the database")
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return masked_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return str(parsed.database)
    return parsed.render_as_string(hide_password=True)


def _driver_message(orig: BaseException, url: str | None) -> str | None:
    if isinstance(orig, sqlite3.Error):
        return _sqlite_message(str(orig), url)
    return _postgres_message(orig, url)


def _sqlite_message(text: str, url: str | None) -> str | None:
    path = where(url)
    if "database is locked" in text or "database table is locked" in text:
        return _(
            "the database {path} is in use by another program (waited {seconds} seconds); "
            "try again in a moment"
        ).format(path=path, seconds=BUSY_SECONDS)
    if "readonly database" in text or "read-only" in text:
        return _(
            "the database {path} cannot be written: the file or its folder is read-only"
        ).format(path=path)
    if "not a database" in text:
        return _("{path} is not a qaudit database (not a SQLite file, or encrypted)").format(
            path=path
        )
    if "disk is full" in text or ("disk I/O error" in text and _disk_full(path)):
        return _("the database {path} cannot be written: the disk is full").format(path=path)
    if "malformed" in text or "disk I/O error" in text:
        return _(
            "the database {path} is damaged or unreadable ({detail}); run 'qaudit db check'"
        ).format(path=path, detail=text)
    if "unable to open database file" in text:
        return _("cannot open the database {path}: {why}").format(path=path, why=_open_why(path))
    return None


def _disk_full(path: str) -> bool:
    """Is the disk under ``path`` (nearly) full? SQLite reports that as an I/O error when
    it cannot even make its shared-memory file."""
    try:
        return shutil.disk_usage(Path(path).parent).free < 64 * 1024
    except OSError:
        return False


def _open_why(path: str) -> str:
    file = Path(path)
    if file.is_dir():
        return _("it is a folder")
    if not file.parent.is_dir():
        return _("the folder {folder} does not exist and cannot be made").format(folder=file.parent)
    return _("no permission, or the folder is read-only")


_POSTGRES = (
    (r"password authentication failed|no password supplied|authentication failed", "login"),
    (r'role "[^"]*" does not exist', "role"),
    (r'database "[^"]*" does not exist', "database"),
    (
        r"connection refused|could not connect|timeout expired|no route to host|"
        r"could not translate host name|name or service not known|connection failed",
        "unreachable",
    ),
    (
        r"server closed the connection|terminating connection|connection is closed|"
        r"consuming input failed|the connection is lost",
        "lost",
    ),
    (r"out of range|overflow", "range"),
    (r"permission denied", "permission"),
    (r"could not extend file|no space left", "full"),
)


def _postgres_message(orig: BaseException, url: str | None) -> str | None:
    text = str(orig)
    for pattern, kind in _POSTGRES:
        if re.search(pattern, text, re.IGNORECASE):
            return _postgres_text(kind, url, text)
    return None


def _postgres_text(kind: str, url: str | None, text: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    db = where(url)
    try:
        parsed = make_url(url or "")
        user, host, name = parsed.username or "-", parsed.host or "localhost", parsed.database
    except (ArgumentError, ValueError):  # an unparsable URL was refused long before this
        user, host, name = "-", "-", "-"
    texts = {
        "login": _("the database server {host} refused user {user}: wrong name or password"),
        "role": _("the database server {host} has no user (role) {user}"),
        "database": _("the database server {host} has no database {name}"),
        "unreachable": _(
            "cannot reach the database server for {database}: it is not running, or the "
            "host or port is wrong"
        ),
        "lost": _("the connection to the database {database} was lost; try again"),
        "range": _("a number or date is out of range for the database {database}"),
        "permission": _("the database {database} refused: no permission ({detail})"),
        "full": _("the database server of {database} has no disk space left"),
    }
    detail = text.strip().splitlines()[-1][:200] if text.strip() else ""
    return texts[kind].format(host=host, user=user, name=name, database=db, detail=detail)


def _generic(exc: BaseException, orig: BaseException, url: str | None) -> str:
    first = str(orig).strip().splitlines()[0][:300] if str(orig).strip() else type(orig).__name__
    return _("the database {database} reported an error: {detail}").format(
        database=where(url), detail=first
    )
