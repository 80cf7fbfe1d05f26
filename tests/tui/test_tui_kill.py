"""Killing the app right after an answer loses nothing: the answer is already committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from qaudit.domain.enums import Result
from qaudit.services import assessments
from qaudit.storage import transaction

from .conftest import FIXTURES_MINI, build_world


def test_sigkill_after_an_answer_loses_nothing(sqlite_engine, mini_catalogue, tmp_path):
    world = build_world(sqlite_engine, mini_catalogue)
    marker = tmp_path / "answered"
    script = textwrap.dedent(f"""
        import asyncio, pathlib, time
        from qaudit.checklists import load_catalogue
        from qaudit.config import Settings
        from qaudit.tui.app import QAuditApp

        async def main():
            app = QAuditApp(Settings(), database_url={str(sqlite_engine.url)!r},
                            catalogue=load_catalogue(pathlib.Path({str(FIXTURES_MINI)!r})))
            async with app.run_test(size=(160, 45)) as pilot:
                await app.workers.wait_for_complete()
                app.open_assessment({world.visit_id})
                await pilot.pause()
                await pilot.press("3")
                pathlib.Path({str(marker)!r}).write_text("done")
                time.sleep(60)  # killed here, inside the running app

        asyncio.run(main())
    """)
    process = subprocess.Popen([sys.executable, "-c", script], env=os.environ.copy())
    try:
        for _ in range(600):
            if marker.exists() or process.poll() is not None:
                break
            subprocess.run(["sleep", "0.1"], check=True)
        assert marker.exists(), "the app did not get to answer"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    sqlite_engine.dispose()
    with transaction(sqlite_engine) as session:
        found = assessments.results(session, world.visit_id)
    assert found == {"A.01": Result.NOT_COMPLIANT}
