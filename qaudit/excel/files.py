"""Workbook files on disk: saved atomically, and checked before anything parses them.

An .xlsx is a zip archive. Before openpyxl opens a file we check, with the zip's own
directory, that it is a real workbook (not an old .xls, a password-protected file or a
renamed CSV), carries no macros, and is not a zip bomb (total unpacked size and ratio).
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import Workbook, load_workbook

from qaudit.errors import QauditError
from qaudit.files import check_output, write_atomically
from qaudit.i18n import _

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
"""Largest unpacked/packed ratio of one member bigger than ``RATIO_FLOOR``."""
RATIO_FLOOR = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
REQUIRED_MEMBERS = ("[Content_Types].xml", "xl/workbook.xml")
Parsed = TypeVar("Parsed")


def check_target(out: Path) -> Path:
    """Refuse a target that cannot become an .xlsx, before any work is done."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise QauditError(_("{file}: the file name must end in .xlsx").format(file=out))
    if not out.expanduser().parent.is_dir():
        raise QauditError(_("{folder}: no such folder").format(folder=out.parent))
    return check_output(out)


def atomic_save(workbook: Workbook, out: Path) -> Path:
    """Save next to ``out`` and move into place: a reader never sees half a file."""
    return write_atomically(check_target(out), workbook.save)


def check_workbook_file(path: Path) -> None:
    """Refuse anything that is not a plain, reasonably sized .xlsx workbook."""
    path = Path(path)
    if not path.is_file():
        raise QauditError(_("{file}: no such file").format(file=path))
    if path.suffix.lower() in (".xlsm", ".xltm", ".xlsb"):
        raise QauditError(
            _(
                "{file}: a macro workbook is not accepted; save it as an Excel workbook (.xlsx)"
            ).format(file=path.name)
        )
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 2**20
        raise QauditError(
            _("{file}: the file is too large ({size} MB, at most {limit} MB)").format(
                file=path.name, size=size // 2**20, limit=limit
            )
        )
    with path.open("rb") as handle:
        start = handle.read(8)
    if start == OLE_MAGIC:
        raise QauditError(
            _(
                "{file}: this is an old .xls or a password-protected workbook; "
                "save it without a password as an Excel workbook (.xlsx)"
            ).format(file=path.name)
        )
    _check_archive(path)


def read_checked(path: Path, parse: Callable[[Any], Parsed], *, data_only: bool) -> Parsed:
    """Check ``path`` (:func:`check_workbook_file`), open it read-only and ``parse`` it; a
    user's error passes through, damage found on the way becomes one clear refusal."""
    check_workbook_file(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise _damaged(path) from exc
    try:
        return parse(workbook)
    except QauditError:
        raise
    except Exception as exc:  # read-only mode parses lazily: damage shows up here
        raise _damaged(path) from exc
    finally:
        workbook.close()


def _damaged(path: Path) -> QauditError:
    return QauditError(
        _("{file}: the workbook is damaged or not an Excel workbook").format(file=path.name)
    )


def _check_archive(path: Path) -> None:
    not_xlsx = _("{file}: not an Excel workbook (.xlsx), or the file is damaged").format(
        file=path.name
    )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if any(name not in names for name in REQUIRED_MEMBERS):
                raise QauditError(not_xlsx)
            _check_sizes(path, members)
            content_types = archive.read("[Content_Types].xml")
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise QauditError(not_xlsx) from exc
    if any(n.lower().endswith("vbaproject.bin") for n in names) or b"macroEnabled" in content_types:
        raise QauditError(
            _(
                "{file}: the workbook contains macros; save it as an Excel "
                "workbook (.xlsx) without macros"
            ).format(file=path.name)
        )


def _check_sizes(path: Path, members: list[zipfile.ZipInfo]) -> None:
    total = sum(m.file_size for m in members)
    bomb = total > MAX_UNPACKED_BYTES or any(
        m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1)
        for m in members
    )
    if bomb:
        raise QauditError(
            _(
                "{file}: the workbook unpacks to {size} MB, which is not plausible "
                "for a self-evaluation; refused as a possible zip bomb"
            ).format(file=path.name, size=total // 2**20)
        )
