"""The dashboard's rows read in a helper process while the terminal UI starts.

Opening the workbench on a SQLite file, the UI process spends its first tenth of a second
importing Textual, and reading the dashboard takes about half as long again (the rules it
applies are imported, the file is read). :func:`prefetch` starts
``python -m qaudit.services.dashboard_prefetch`` first, so with a second core both happen at
once: the helper reads the rows with ``sqlite3`` (read-only, as the OS login sees them) and
sends them back pickled; unpickling loads only :mod:`qaudit.services.dashboard_row` and the
enums its fields hold.

When the helper cannot start or fails (no file or no schema yet, a locked or damaged file),
the rows are read in this process instead, through the workbench, which creates the
database or reports the fault as it always does.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
from concurrent.futures import Future
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qaudit.services.dashboard_row import DashboardRow
    from qaudit.services.workbench import Workbench

    Rows = Future[list[DashboardRow]]


def prefetch(workbench: Workbench, today: date, *, helper: bool = True) -> Rows | None:
    """Start reading the dashboard of ``workbench``'s SQLite file, in a helper process (or,
    with ``helper=False``, on a thread of this process only); None when it is not a SQLite
    file (a server is read through the engine, later)."""
    path = workbench.sqlite_path
    if path is None:
        return None
    rows: Rows = Future()
    process = _start_helper(path, today) if helper else None
    threading.Thread(
        target=_receive,
        args=(process, workbench, today, rows),
        name="dashboard-prefetch",
        daemon=True,
    ).start()
    return rows


def _start_helper(path: str, today: date) -> subprocess.Popen[bytes] | None:
    command = [sys.executable, "-m", __name__, path, today.isoformat()]
    try:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return None


def _receive(
    helper: subprocess.Popen[bytes] | None, workbench: Workbench, today: date, rows: Rows
) -> None:
    """On its own thread: the helper's rows, else the workbench's own read, into ``rows``
    (which the screen may already hold)."""
    try:
        if helper is not None:
            sent, _ = helper.communicate()
            if helper.returncode == 0:
                rows.set_result(pickle.loads(sent))
                return
        rows.set_result(workbench.dashboard_rows(today))  # reads again, or says why not
    except Exception as error:  # the screen reports it
        rows.set_exception(error)


def main(arguments: list[str]) -> int:
    """The helper: ``PATH TODAY``; the rows pickled on standard output, exit 0; any fault
    exits 1 (the UI then reads the file itself and reports what is wrong)."""
    from qaudit.services import dashboard

    path, today = arguments
    try:
        read, close = dashboard.sqlite_reader(path)
        try:
            found = dashboard.sqlite_rows(read, date.fromisoformat(today))
        finally:
            close()
    except Exception:
        return 1
    sys.stdout.buffer.write(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
