"""A workbook re-saved by LibreOffice Calc imports the same as our own export."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from excel.support import Setup, db_answers, fill
from qaudit.services.excel import apply_import, preview_import

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _resave(source: Path, folder: Path) -> Path:
    """Open and save ``source`` as .xlsx with LibreOffice Calc, headless."""
    assert SOFFICE
    folder.mkdir()
    profile = (folder / "profile").as_uri()
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--calc",
        "--convert-to",
        "xlsx:Calc Office Open XML",
        "--outdir",
        str(folder),
        str(source),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    target = folder / source.name
    if not target.exists():
        pytest.skip(
            f"LibreOffice could not convert a spreadsheet (is Calc installed?): "
            f"{done.stderr.strip()[-200:]}"
        )
    return target


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_resaved_by_libreoffice_imports_the_same(
    setup: Setup, exported: Path, tmp_path: Path
) -> None:
    fill(
        exported,
        {
            "A.02": ("voldoet deels", "=niet alles", "notulen\nMDO 3 mei"),
            "B.02": ("n.v.t.", "", ""),
        },
    )
    ours = preview_import(setup.engine, exported)
    resaved = _resave(exported, tmp_path / "lo")
    assert openpyxl.load_workbook(resaved).sheetnames == ["Instructie", "Meetpunten", "qaudit"]
    theirs = preview_import(setup.engine, resaved)
    assert theirs.new == ours.new
    assert (theirs.changed, theirs.conflicts, theirs.unchanged) == (
        ours.changed,
        ours.conflicts,
        ours.unchanged,
    )
    apply_import(setup.engine, theirs)
    stored = db_answers(setup.engine, setup.assessment_id)
    assert stored["A.02"] == ("voldoet_deels", "=niet alles", "notulen\nMDO 3 mei")
    assert stored["B.02"][0] == "nvt"
