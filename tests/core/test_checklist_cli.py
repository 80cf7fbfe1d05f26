"""``qaudit checklist validate|list|diff`` from the command line (issue 17)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qaudit.cli import main
from qaudit.paths import checklists_dir


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qaudit", "--language", "en", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
    )


def test_validate_accepts_the_shipped_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--language", "en", "checklist", "validate", str(checklists_dir())]) == 0
    out = capsys.readouterr().out
    assert out.count(": valid (") == len(list(checklists_dir().glob("*.yaml")))


def test_an_alias_bomb_is_a_message_not_a_hang(tmp_path: Path) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\nid: basis-op-orde\n", encoding="utf-8")
    result = run("checklist", "validate", str(tmp_path))
    assert result.returncode == 1
    assert f"{bomb}:" in result.stderr and "aliases expand" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_promise_set_posing_as_the_basis_is_refused(tmp_path: Path) -> None:
    text = (checklists_dir() / "klantbeloften.yaml").read_text(encoding="utf-8")
    fake = tmp_path / "fake.yaml"
    fake.write_text(text.replace("id: klantbeloften", "id: basis-op-orde", 1), encoding="utf-8")
    result = run("checklist", "validate", str(fake))
    assert result.returncode == 1
    assert "'basis-op-orde' is a checklist of kind basis, not promises" in result.stderr
