"""A throwaway PostgreSQL cluster of the test's own, to stop and start at will.

``initdb`` into a temporary folder, ``pg_ctl start`` on a free port with the folder as the
Unix-socket directory; stopped and deleted afterwards. The shared server on 5432 is never
touched. PostgreSQL refuses to run as root: as root the cluster runs as the ``postgres``
user (``runuser``), in a folder owned by it. Without the server binaries, or without a way
to run them, :func:`available` says why (the test is skipped with that reason).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_user() -> tuple[list[str], int | None]:
    """The prefix that runs a server command, and the uid that must own its folder."""
    if os.geteuid() != 0:
        return [], None
    try:
        uid = pwd.getpwnam("postgres").pw_uid
    except KeyError:
        return ["/nonexistent"], None
    runuser = shutil.which("runuser")
    return ([runuser, "-u", "postgres", "--"] if runuser else ["/nonexistent"]), uid


def available() -> str:
    """Empty when a private cluster can be made here, else the reason it cannot."""
    if _binaries() is None:
        return "no PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb)"
    prefix, _uid = _as_user()
    if prefix and not Path(prefix[0]).exists():
        return "running as root without a 'postgres' user and runuser to run the server as"
    return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrivateCluster:
    """``with PrivateCluster() as cluster:`` a running cluster; ``cluster.url``."""

    def __init__(self) -> None:
        self.bin = _binaries()
        assert self.bin is not None, available()
        self.prefix, self.uid = _as_user()
        self.folder = Path(tempfile.mkdtemp(prefix="qaudit-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [*self.prefix, str(self.bin / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise AssertionError(f"{args[0]} failed: {done.stdout}{done.stderr}")

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c max_connections=20 -c shared_buffers=16MB"
        )
        log = str(self.folder / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        """As an administrator stops the server: sessions ended, then shut down."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def __enter__(self) -> PrivateCluster:
        if self.uid is not None:
            os.chown(self.folder, self.uid, -1)
        try:
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-N")
            self.start()
        except BaseException:
            self._remove()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self.running():
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            self._remove()

    def _remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def wait_until(condition: Callable[[], bool], rounds: int = 600) -> bool:
    """Poll ``condition`` (every 0.05 s, at most ``rounds`` times): an event, not a time."""
    import threading

    pause = threading.Event()
    for _ in range(rounds):
        if condition():
            return True
        pause.wait(0.05)
    return condition()
