"""Creating the database engine for a URL."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from qaudit.errors import QauditError
from qaudit.files import create_private_file, private_folder, protect
from qaudit.i18n import _
from qaudit.storage.faults import masked_url
from qaudit.storage.schema import REVISIONS

BUSY_TIMEOUT_MS = 5000
"""How long a SQLite connection waits for another program's lock before giving up."""

_SQLITE_PRAGMAS = (  # none of these writes to the file
    "PRAGMA foreign_keys=ON",
    # WAL with NORMAL: a commit survives qaudit crashing or being killed as soon as it returns;
    # the fsync that makes it survive a power cut comes with the next checkpoint (the
    # checklist screen asks for one within a second: qaudit.services.durability). FULL would
    # fsync on every key press, 2-4 ms each.
    "PRAGMA synchronous=NORMAL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` as psycopg 3 URLs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite files get WAL mode and foreign keys."""
    url = normalise_url(url)
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: e.g. a port that is no number
        raise QauditError(_("not a database URL: {url!r}").format(url=masked_url(url))) from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, sqlite_file(parsed.database), **kwargs)
    try:
        return create_engine(url, pool_pre_ping=True, **kwargs)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        message = _("no driver for {name} (pip install 'qaudit[postgres]')")
        raise QauditError(message.format(name=parsed.drivername)) from exc


def sqlite_file(database: str | None) -> Path | None:
    """The file of a SQLite URL's database part, or None for memory and URI databases."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def _sqlite_engine(url: str, path: Path | None, **kwargs: Any) -> Engine:
    if path is not None:
        _prepare_file(path)
    kwargs.setdefault("connect_args", {"check_same_thread": False})
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        for pragma in _SQLITE_PRAGMAS:
            cursor.execute(pragma)
        if schema_is_known(cursor):  # a newer schema is refused later, and never written to
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    return engine


def _prepare_file(path: Path) -> None:
    """A new database file and its new folder are private to the user (0600 / 0700)."""
    if path.is_dir() or path.exists():
        protect(path)
        _keep_private_if_own(path)
        return
    if not path.parent.exists():
        try:
            private_folder(path.parent)
        except OSError:
            return  # connecting names the problem
    try:
        create_private_file(path)
    except OSError:
        return
    protect(path)


def _keep_private_if_own(path: Path) -> None:
    """qaudit's own data folder and database files stay private, even if made otherwise."""
    from qaudit.paths import user_dirs

    data = user_dirs().data
    if path.parent.resolve() != data.resolve() or not path.is_file():
        return
    with suppress(OSError):  # not ours to change (another owner): leave it
        data.chmod(0o700)
        path.chmod(0o600)


def schema_is_known(cursor: Any) -> bool:
    """Is the file empty, or at a revision this program knows? (Reads only.)"""
    has_table = cursor.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has_table:
        return True
    row = cursor.execute("SELECT version_num FROM alembic_version").fetchone()
    return row is None or row[0] in REVISIONS
