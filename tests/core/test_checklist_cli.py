"""``qaudit checklist validate|list|diff`` from the command line (issue 17)."""

from __future__ import annotations

import json
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


def test_checklist_list_shows_every_version_and_the_current(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["checklist", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    basis = {r["version"]: r["current"] for r in rows if r["id"] == "basis-op-orde"}
    assert basis == {"2026.1": False, "2027.1": True}


def test_checklist_diff_lists_added_removed_changed_moved(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["checklist", "diff", "basis-op-orde", "2026.1", "2027.1", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert len(result["added"]) == 10 and result["removed"] == [] and result["moved"] == []
    assert {"T05.09", "T05.19", "T07.08", "T15.03"} <= set(result["changed"])
    assert main(["--language", "en", "checklist", "diff", "basis-op-orde", "2026.1", "2099.1"]) == 1
    assert "no version '2099.1'" in capsys.readouterr().err


def test_location_profile_recheck_and_leervraag_from_the_command_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'q.db'}"
    from datetime import date

    from qaudit.domain.enums import AssessmentKind
    from qaudit.domain.models import Location, Organisation
    from qaudit.services import assessments
    from qaudit.services.database import open_database
    from qaudit.storage import transaction

    engine = open_database(url)
    with transaction(engine) as session:
        org = Organisation(name="Stichting CLI")
        session.add(org)
        session.flush()
        location = Location(organisation_id=org.id, code="C01", name="Huize CLI")
        session.add(location)
        session.flush()
        visitation = assessments.start(
            session, location.id, AssessmentKind.VISITATION, started_on=date(2027, 2, 1)
        )
        ids = (location.id, visitation.id)
    engine.dispose()
    location_id, visitation_id = (str(i) for i in ids)
    shown = run(
        "--database",
        url,
        "location",
        "profile",
        location_id,
        "--behandeling",
        "nee",
        "--wzd",
        "ja",
        "--care-providers",
        "40",
        "--json",
    )
    assert shown.returncode == 0, shown.stderr
    profile = json.loads(shown.stdout)["profile"]
    assert profile["behandeling"] is False and profile["wzd_accommodation"] is True
    assert profile["care_providers"] == 40
    wrong = run("--database", url, "location", "profile", location_id, "--behandeling", "misschien")
    assert wrong.returncode == 2 and "answer ja or nee" in wrong.stderr
    asked = run(
        "--database",
        url,
        "assessment",
        "leervraag",
        visitation_id,
        "--question",
        "Hoe betrekken we naasten bij de avond?",
    )
    assert asked.returncode == 0 and "Hoe betrekken we naasten" in asked.stdout
    refused = run("--database", url, "assessment", "recheck", visitation_id)
    assert refused.returncode == 1 and "no conditional verdict" in refused.stderr
    assert "Traceback" not in refused.stderr + wrong.stderr
