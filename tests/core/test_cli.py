"""The command line: exit codes, JSON output, clear errors, the database untouched on error."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from qaudit import __version__
from qaudit.cli import main

MINI = Path(__file__).parent.parent / "fixtures" / "mini"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m qaudit`` in a fresh process, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "qaudit", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"qaudit {__version__}"


def test_help_is_dutch_by_default_and_english_by_setting() -> None:
    dutch = run("--help")
    assert dutch.returncode == 0
    assert "gebruik:" in dutch.stdout and "opdrachten" in dutch.stdout
    english = run("--language", "en", "checklist", "--help")
    assert "usage:" in english.stdout
    assert run("checklist", "--help", env={"QAUDIT_LANGUAGE": "en"}).stdout.startswith("usage:")


def test_usage_errors_exit_2() -> None:
    result = run("checklist", "frobnicate")
    assert result.returncode == 2
    assert "ongeldige keuze" in result.stderr


def test_checklist_list_json_shows_basis_op_orde(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", "list", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["basis-op-orde"]["points"] >= 250
    assert rows["basis-op-orde"]["content_hash"].startswith("sha256:")
    assert rows["klantbeloften"]["promises"] >= 8


def test_checklist_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", "show", "basis-op-orde", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    points = [p for theme in shown["themes"] for p in theme["points"]]
    assert len(points) == shown["counts"]["points"] >= 250
    assert {"id", "text", "guidance", "basis", "weight", "critical", "evidence"} <= set(points[0])


def test_checklist_show_unknown_id_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checklist", "show", "nope"]) == 1
    assert "nope" in capsys.readouterr().err


def test_every_shipped_file_validates(capsys: pytest.CaptureFixture[str]) -> None:
    from qaudit.paths import checklists_dir

    files = sorted(str(p) for p in checklists_dir().glob("*.yaml"))
    assert main(["checklist", "validate", *files]) == 0
    assert capsys.readouterr().out.count("geldig") == len(files)


def test_a_corrupted_copy_is_rejected_naming_file_line_and_field(tmp_path: Path) -> None:
    from qaudit.paths import checklists_dir

    broken = tmp_path / "basis-op-orde.yaml"
    text = (checklists_dir() / "basis-op-orde.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("    guidance:", "    guidence:", 1), encoding="utf-8")
    line = next(i for i, t in enumerate(broken.read_text().splitlines(), 1) if "guidence:" in t)
    database = tmp_path / "untouched.db"
    result = run("--database", f"sqlite:///{database}", "checklist", "validate", str(broken))
    assert result.returncode == 1
    assert f"{broken}:{line}:" in result.stderr
    assert ".guidence: onbekend veld (bedoelt u 'guidance'?)" in result.stderr
    english = run("--language", "en", "checklist", "validate", str(broken))
    assert ".guidence: unknown field (did you mean 'guidance'?)" in english.stderr
    assert "Traceback" not in result.stderr
    assert not database.exists()


def test_database_commands_on_a_fresh_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    env = {"QAUDIT_DATABASE_URL": url}
    assert "Nog geen schema" in run("db", "current", env=env).stdout
    assert run("db", "upgrade", env=env).returncode == 0
    assert "(actueel)" in run("db", "current", env=env).stdout
    listed = run("location", "list", "--json", env=env)
    assert listed.returncode == 0 and json.loads(listed.stdout) == []


def test_a_bad_database_url_is_a_clear_error() -> None:
    result = run("--database", "nonsense", "location", "list")
    assert result.returncode == 1
    assert "nonsense" in result.stderr and "Traceback" not in result.stderr


def test_locate_json(capsys: pytest.CaptureFixture[str], isolated_user: Path) -> None:
    assert main(["locate", "--json"]) == 0
    places = json.loads(capsys.readouterr().out)
    assert places["database"].startswith("sqlite:///" + str(isolated_user))
    assert Path(places["checklists"], "basis-op-orde.yaml").is_file()


def test_a_broken_config_file_is_a_clear_error(
    isolated_user: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = isolated_user / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('language = "fr"\n')
    assert main(["locate"]) == 1
    assert "config.toml" in capsys.readouterr().err


def test_demo_create_only_then_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--create-only"]) == 0
    path = capsys.readouterr().out.strip()
    assert Path(path).is_file()
    url = f"sqlite:///{path}"
    assert main(["--database", url, "location", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 26  # twelve at every stage, fourteen network members with history
    assert (
        main(["--database", url, "assessment", "list", "--location", str(rows[5]["id"]), "--json"])
        == 0
    )
    assessments = json.loads(capsys.readouterr().out)
    assert {a["kind"] for a in assessments} == {"self_evaluation", "audit_visit"}
    assert main(["demo", "--create-only"]) == 0  # reused, not duplicated
    assert capsys.readouterr().out.strip() == path


def test_installed_wheel_finds_its_checklists(tmp_path: Path) -> None:
    """The checklists ship inside the wheel: a wheel install, run elsewhere, finds them."""
    if os.environ.get("QAUDIT_SKIP_WHEEL_TEST"):
        pytest.skip("QAUDIT_SKIP_WHEEL_TEST is set")
    root = Path(__file__).resolve().parents[2]
    wheel_dir = tmp_path / "wheel"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(root),
        ],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(wheel_dir.glob("qaudit-*.whl"))
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run(
        [sys.executable, "-m", "qaudit", "checklist", "list", "--json"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert (
        str(target)
        in subprocess.run(
            [sys.executable, "-m", "qaudit", "locate", "--json"],
            cwd=elsewhere,
            capture_output=True,
            text=True,
            env=env,
        ).stdout
    )
    assert any(row["points"] >= 250 for row in json.loads(result.stdout) if "points" in row)
    shutil.rmtree(target)


def test_global_options_may_follow_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'after.db'}"
    assert main(["location", "list", "--json", "--database", url, "--language", "en"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert (tmp_path / "after.db").exists()
    assert main(["--database", url, "db", "current"]) == 0
    assert "(actueel)" in capsys.readouterr().out
