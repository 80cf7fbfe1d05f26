"""The feedback workbook: template, strict import, idempotence, and the figures by hand."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, func, select

from clientvoice.support import TODAY, filled_workbook, location_with_units
from qaudit.cli import main
from qaudit.domain.clientvoice import Targets
from qaudit.domain.clientvoice_rhythm import Period
from qaudit.domain.models import FeedbackResponse
from qaudit.errors import QauditError
from qaudit.services.voice_feedback import import_feedback
from qaudit.services.voice_summary import summary


def count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(
            connection.execute(select(func.count()).select_from(FeedbackResponse)).scalar_one()
        )


def test_the_template_has_drop_downs_and_every_promise(engine: Engine, tmp_path: Path) -> None:
    location_id = location_with_units(engine)
    out = filled_workbook(engine, location_id, tmp_path / "f.xlsx", rows=[])
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Instructie", "Antwoorden", "lijsten", "qaudit"]
    sheet = workbook["Antwoorden"]
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == [
        "Respondentreferentie",
        "Datum",
        "Afdeling",
        "Respondentgroep",
        "Zou aanbevelen (0–10)",
    ]
    assert headers[11].startswith("KB01 ") and headers[22].startswith("KB12 ")
    formulas = {v.formula1 for v in sheet.data_validations.dataValidation}
    assert '"bewoner,familie,vertegenwoordiger"' in formulas
    assert '"ja,deels,nee,n.v.t."' in formulas
    assert "lijsten!$A$1:$A$2" in formulas
    assert [c.value for c in workbook["lijsten"]["A"]] == ["Noord", "Zuid"]


def test_import_then_figures_by_hand(engine: Engine, tmp_path: Path) -> None:
    location_id = location_with_units(engine)
    book = filled_workbook(engine, location_id, tmp_path / "f.xlsx")
    dry = import_feedback(engine, book, dry_run=True, today=TODAY)
    assert (dry.new, dry.updated, count(engine)) == (10, 0, 0)
    done = import_feedback(engine, book, today=TODAY)
    assert (done.new, done.updated, done.unchanged) == (10, 0, 0)
    again = import_feedback(engine, book, location_id, today=TODAY)
    assert (again.new, again.updated, again.unchanged, count(engine)) == (0, 0, 10, 10)

    year = summary(engine, location_id, Period(2026), Targets(), today=TODAY).figures
    assert year.responses == 10
    # recommend 10 9 8 6 10 7 3 9 10 0: promoters 5, detractors 3 -> 50 - 30 = 20
    assert year.nps.value == pytest.approx(20.0)
    assert (year.nps.low, year.nps.high) == (
        pytest.approx(-34.03, abs=0.01),
        pytest.approx(74.03, abs=0.01),
    )
    assert year.nps.indicative  # 10 < 30 responses
    # satisfaction 5 4 4 3 5 4 2 5 1 (R09 left it empty): 33 / 9, s² = 16 / 8 = 2, t(8) = 2.306
    assert year.satisfaction.n == 9
    assert year.satisfaction.value == pytest.approx(33 / 9)
    assert year.satisfaction.low == pytest.approx(33 / 9 - 2.306 * (2 / 9) ** 0.5, abs=0.001)
    # KB01: ja 5, deels 1, nee 3, n.v.t. 1 -> 5 of 9 applicable
    promises = {p.promise_id: p for p in year.promises}
    assert promises["KB01"].kept.value == pytest.approx(500 / 9)
    assert (promises["KB01"].tally.partly, promises["KB01"].tally.not_applicable) == (1, 1)
    # KB02: ja 4, deels 1, nee 3, n.v.t. 1, one empty -> 4 of 8, Wilson 21.5 % – 78.5 %
    assert promises["KB02"].kept.value == pytest.approx(50.0)
    assert promises["KB02"].kept.low == pytest.approx(21.52, abs=0.01)
    assert promises["KB03"].kept.value is None


def test_a_small_quarter_is_indicative_but_judged_with_a_lower_minimum(
    engine: Engine, tmp_path: Path
) -> None:
    location_id = location_with_units(engine)
    import_feedback(engine, filled_workbook(engine, location_id, tmp_path / "f.xlsx"), today=TODAY)
    q1 = Period(2026, 1)  # R01-R05: 10 9 8 6 10 -> 3 promoters, 1 detractor of 5: 40
    small = summary(engine, location_id, q1, Targets(), today=TODAY).figures.nps
    assert (small.value, small.n, small.indicative, small.meets_target) == (40.0, 5, True, None)
    assert small.high == 100.0  # 40 + 70.1, clipped
    judged = summary(engine, location_id, q1, Targets(min_responses=5), today=TODAY).figures.nps
    assert (judged.indicative, judged.meets_target) == (False, False)
    north = summary(engine, location_id, Period(2026), Targets(), unit="noord", today=TODAY)
    assert north.figures.responses == 5 and north.figures.nps.value == pytest.approx(40.0)


def test_a_changed_row_replaces_the_respondents_answers(engine: Engine, tmp_path: Path) -> None:
    location_id = location_with_units(engine)
    import_feedback(engine, filled_workbook(engine, location_id, tmp_path / "a.xlsx"), today=TODAY)
    rows = [("R10", "2026-08-01", "Zuid", "familie", 10, 5, 5, 5, 5, 5, 5, "ja", "ja", None)]
    result = import_feedback(
        engine, filled_workbook(engine, location_id, tmp_path / "b.xlsx", rows), today=TODAY
    )
    assert (result.new, result.updated, result.unchanged) == (0, 1, 0)
    year = summary(engine, location_id, Period(2026), Targets(), today=TODAY).figures
    assert year.nps.value == pytest.approx(40.0)  # 6 promoters, 2 detractors of 10: 60 - 20


BROKEN = [
    ("R01", "2026-01-10", "Noord", "bewoner", 10, 5, 4, 5, 4, 3, 5, "ja", "ja", None),
    ("R02", "31-02-2026", "Noord", "buurman", 11, 6, 4, 4, 4, 3, 5, "misschien", "ja", None),
    ("R01", "2026-01-12", "Oost", "familie", 9, 4, 4, 4, 4, 3, 5, "ja", "ja",
     "mevrouw Jansen was boos"),
    (None, "2026-01-12", "Noord", "familie", 9, 4, 4, 4, 4, 3, 5, "ja", "ja", None),
]  # fmt: skip


def test_a_broken_workbook_is_refused_naming_sheet_row_and_cell(
    engine: Engine, tmp_path: Path
) -> None:
    location_id = location_with_units(engine)
    import_feedback(engine, filled_workbook(engine, location_id, tmp_path / "ok.xlsx"), today=TODAY)
    before = count(engine)
    book = filled_workbook(engine, location_id, tmp_path / "broken.xlsx", BROKEN)
    with pytest.raises(QauditError) as refused:
        import_feedback(engine, book, today=TODAY)
    message = str(refused.value)
    for expected in (
        "broken.xlsx: niet geïmporteerd, 8 problemen",
        "werkblad “Antwoorden”, rij 3, cel B3: “31-02-2026” is geen datum",
        "rij 3, cel D3: “buurman” is geen respondentgroep",
        "rij 3, cel E3: “11” is geen geheel getal van 0 tot en met 10",
        "rij 3, cel F3: “6” is geen geheel getal van 1 tot en met 5",
        "rij 3, cel L3: “misschien” is geen antwoord voor belofte KB01",
        "rij 4, cel C4: onbekende afdeling “Oost”",
        "rij 4, cel X4: de opmerking lijkt een persoon",
        "rij 5, cel A5: deze rij heeft antwoorden maar geen respondentreferentie",
    ):
        assert expected in message, (expected, message)
    assert count(engine) == before


def test_cli_import_and_summary_json(
    engine: Engine, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    location_id = location_with_units(engine)
    book = filled_workbook(engine, location_id, tmp_path / "f.xlsx")
    base = ["--database", db_url, "feedback"]
    assert main([*base, "import", str(book), "--dry-run"]) == 0
    assert "10 nieuwe" in capsys.readouterr().out and count(engine) == 0
    assert main([*base, "import", str(book)]) == 0
    capsys.readouterr()
    assert (
        main([*base, "summary", "--location", str(location_id), "--period", "2026", "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["responses"] == 10 and data["nps"]["value"] == 20.0
    assert data["nps"]["indicative"] is True and data["nps"]["low"] == pytest.approx(-34.0, abs=0.1)
    assert set(data["parameters"]) == {
        "satisfaction",
        "influence",
        "same_staff",
        "on_time",
        "self_reliance",
        "dignity",
    }
    assert data["promises"]["KB01"]["value"] == pytest.approx(55.6)
    assert [u["action_check"] for u in data["units"]] == ["too_few", "too_few"]
    assert main([*base, "summary", "--location", str(location_id), "--period", "2026-Q5"]) == 1
    assert "2026-Q5" in capsys.readouterr().err


def test_cli_refuses_a_file_without_a_location(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t.xlsx"
    assert main(["--database", db_url, "feedback", "template", "--out", str(out)]) == 0
    assert main(["--database", db_url, "feedback", "import", str(out)]) == 1
    assert "geef --location" in capsys.readouterr().err


def test_an_english_workbook_imports_in_dutch(engine: Engine, tmp_path: Path) -> None:
    from qaudit.i18n import set_language

    location_id = location_with_units(engine)
    set_language("en")
    book = filled_workbook(engine, location_id, tmp_path / "en.xlsx", sheet_name="Responses")
    assert openpyxl.load_workbook(book)["Responses"]["A1"].value == "Respondent reference"
    set_language("nl")
    result = import_feedback(engine, book, today=TODAY)
    assert (result.new, count(engine)) == (10, 10)
