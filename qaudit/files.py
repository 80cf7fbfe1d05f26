"""Output files written whole or not at all, beside their target, never onto the database.

Every file qaudit writes for a user (report, workbook, calendar, backup) goes through
:func:`staged` or :func:`write_atomically`: the content is written to a hidden temporary
file in the target's folder, flushed to disk and renamed onto the target, so a reader (or a
crash, or a full disk) never leaves half a file; the temporary file is removed on failure.
New files follow the user's umask, like the files of any other tool. A target that is the
database qaudit works on (or its ``-wal``/``-shm``/``-journal`` file) is refused.
"""

from __future__ import annotations

import errno
import gc
import glob
import os
import re
import sys
import time
import traceback
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from qaudit.errors import QauditError
from qaudit.i18n import _

SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")
_databases: set[Path] = set()


def protect(database: Path) -> None:
    """Remember a SQLite database file: no output may replace it or its side files."""
    _databases.add(_resolved(database))


def protected_files() -> set[Path]:
    """The database files (and their side files) that outputs must never replace."""
    from qaudit.paths import user_dirs

    dirs = user_dirs()
    databases = _databases | {_resolved(dirs.database_file), _resolved(dirs.demo_database_file)}
    return {db.with_name(db.name + side) for db in databases for side in SQLITE_SIDE_FILES}


def _resolved(path: Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser().resolve()))


def check_output(target: Path) -> Path:
    """Refuse a target that is a folder or a database file; return it with ``~`` expanded."""
    target = Path(target).expanduser()
    resolved = _resolved(target)
    if resolved in protected_files() or _same_as_a_database(target):
        raise QauditError(
            _("{path} is a database file of qaudit; choose another name for the output").format(
                path=target
            )
        )
    if target.is_dir():
        raise QauditError(_("{path} is a folder, not a file").format(path=target))
    if target.exists() and not target.is_file():
        raise QauditError(_("{path} is not an ordinary file").format(path=target))
    return target


def _same_as_a_database(target: Path) -> bool:
    """A hard link or other alias of a database file."""
    if not target.exists():
        return False
    return any(db.exists() and os.path.samefile(db, target) for db in protected_files())


def require_suffix(target: Path, suffix: str, what: str) -> Path:
    """Refuse a file name that does not end in ``suffix`` (``what`` names the kind of file)."""
    if Path(target).suffix.lower() != suffix:
        raise QauditError(
            _("{path}: {what} must have a name ending in {suffix}").format(
                path=target, what=what, suffix=suffix
            )
        )
    return Path(target)


def temporary_path(target: Path) -> Path:
    """A hidden name beside ``target`` (same folder, so the final rename is atomic)."""
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")


def target_of(path: Path) -> Path:
    """The target a :func:`temporary_path` stands for (``path`` itself otherwise): the name a
    message shows."""
    found = re.fullmatch(r"\.(.+)\.[0-9a-f]{8}\.tmp", path.name)
    return path.with_name(found.group(1)) if found else path


@contextmanager
def staged(targets: Iterable[Path]) -> Iterator[list[Path]]:
    """Temporary paths for ``targets``, renamed onto them only if the block succeeds.

    On any error the temporary files are removed and the targets are left as they were.
    """
    targets = [check_output(t) for t in targets]
    for target in targets:
        remove_stale_temporaries(target)
    temporaries = [temporary_path(t) for t in targets]
    try:
        try:
            yield temporaries
            for temporary in temporaries:
                _flush(temporary)
        except OSError as exc:
            message = cannot_write(targets[0], exc)
            _release(exc)
            raise QauditError(message) from None
        for temporary, target in zip(temporaries, targets, strict=True):
            try:
                os.replace(temporary, target)
            except OSError as exc:
                raise QauditError(cannot_write(target, exc)) from None
    finally:
        for temporary in temporaries:
            _remove(temporary)


STALE_SECONDS = 600
"""A temporary file this old was left by a writer that was killed (no write takes so long)."""


def remove_stale_temporaries(target: Path) -> None:
    """Remove what a killed writer of ``target`` left behind (never a running writer's file)."""
    folder = target.parent
    if not folder.is_dir():
        return
    now = time.time()
    for leftover in folder.glob(f".{glob.escape(target.name)}.*.tmp"):
        with suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink()


def write_atomically(target: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write`` with a temporary path, then move the finished file onto ``target``."""
    with staged([target]) as (temporary,):
        write(temporary)
    return Path(target).expanduser()


def write_bytes(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` whole or not at all."""
    return write_atomically(target, lambda temporary: temporary.write_bytes(data))


def _release(exc: BaseException) -> None:
    """Close what a failed writer left open now (e.g. a half-written zip on a full disk),
    without the interpreter's "Exception ignored" traceback when it is collected later."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _info: None
    try:
        traceback.clear_frames(exc.__traceback__)
        exc.__traceback__ = None
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _flush(path: Path) -> None:
    """Put the written file on disk before it is renamed (a power cut keeps old or new)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove(path: Path) -> None:
    with suppress(OSError):  # e.g. the folder vanished; nothing else to clean up
        path.unlink(missing_ok=True)


def cannot_write(path: Path, exc: OSError) -> str:
    return _("cannot write {path}: {reason}").format(path=path, reason=reason(exc))


def reason(exc: OSError) -> str:
    """Why a file operation failed, in the user's language."""
    reasons = {
        errno.ENOSPC: _("the disk is full"),
        errno.EDQUOT: _("the disk quota is used up"),
        errno.EACCES: _("no permission"),
        errno.EPERM: _("no permission"),
        errno.EROFS: _("the file system is read-only"),
        errno.ENOENT: _("the folder does not exist"),
        errno.ENOTDIR: _("a part of the path is not a folder"),
        errno.EISDIR: _("it is a folder"),
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.EEXIST: _("it already exists"),
        errno.EIO: _("a read or write error of the disk"),
    }
    return reasons.get(exc.errno or 0) or exc.strerror or str(exc)


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) readable by the user only (0700)."""
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def create_private_file(path: Path) -> None:
    """Create an empty file only the user can read and write (0600), unless it exists."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
