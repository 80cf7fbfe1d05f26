"""Bad input to the client's voice commands: a message naming what is wrong, exit 1, no change."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from clientvoice.support import filled_workbook, location_with_units
from qaudit.cli import main


def run(db_url: str, *args: str) -> int:
    return main(["--database", db_url, *args])


def test_a_file_that_is_no_workbook_is_refused(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "feedback.xlsx"
    fake.write_text("respondent;datum\nR1;2026-01-01\n")
    assert run(db_url, "feedback", "import", str(fake), "--location", "1") == 1
    assert "feedback.xlsx" in capsys.readouterr().err


def test_a_workbook_of_another_location_is_refused(
    engine: Engine, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = location_with_units(engine, "A1")
    other = location_with_units(engine, "B1")
    book = filled_workbook(engine, first, tmp_path / "f.xlsx")
    assert run(db_url, "feedback", "import", str(book), "--location", str(other)) == 1
    err = capsys.readouterr().err
    assert f"locatie {first}, niet {other}" in err


@pytest.mark.parametrize(
    "args, message",
    [
        (("feedback", "summary", "--location", "99"), "geen locatie met id 99"),
        (("feedback", "summary", "--location", "1", "--unit", "Oost"), "onbekende afdeling"),
        (("unit", "add", "--location", "1", "Noord"), "heeft al een afdeling"),
        (("complaint", "close", "42", "--decided", "2026-01-01", "--outcome", "upheld"), "42"),
        (("evaluation", "add", "--location", "1", "--kind", "staff", "--held", "2999-01-01"),
         "in de toekomst"),
        (("feedback", "aggregate", "add", "--location", "1", "--source", "Z", "--period", "26",
          "--score", "8"), "geen periode"),
    ],
)  # fmt: skip
def test_bad_arguments_name_what_is_wrong(
    engine: Engine,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    location_with_units(engine)
    assert run(db_url, *args) == 1
    assert message in capsys.readouterr().err
