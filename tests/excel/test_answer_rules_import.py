"""Issue 17: the Excel import enforces the n.v.t. and note rules, naming sheet, row and cell."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from excel.support import audit_count, db_answers, fill, make_assessment
from qaudit.checklists import load_catalogue
from qaudit.errors import QauditError
from qaudit.services.excel import export_assessment, preview_import

RULES = Path(__file__).parent.parent / "fixtures" / "rules"


def test_a_workbook_breaking_the_rules_is_refused_cell_by_cell(
    engine: Engine, tmp_path: Path
) -> None:
    assessment_id, _location = make_assessment(engine, load_catalogue(RULES))
    path = export_assessment(engine, assessment_id, tmp_path / "zelfevaluatie.xlsx")
    fill(
        path,
        {
            "A.01": ("n.v.t.", "reden", ""),
            "A.02": ("n.v.t.", "", ""),
            "B.02": ("voldoet", "", ""),
        },
    )
    before = db_answers(engine, assessment_id), audit_count(engine)
    with pytest.raises(QauditError) as caught:
        preview_import(engine, path)
    message = str(caught.value)
    assert "2 problemen" in message
    never = "punt A.01: 'niet van toepassing' is voor dit punt niet toegestaan"
    reason = "punt A.02: 'niet van toepassing' vraagt een reden in de notitie"
    assert f"rij 2, cel H2: {never}" in message
    assert f"rij 3, cel H3: {reason}" in message
    assert (db_answers(engine, assessment_id), audit_count(engine)) == before
    fill(path, {"A.01": ("voldoet", "", ""), "A.02": ("n.v.t.", "Nieuwbouw zonder lift.", "")})
    assert preview_import(engine, path).new
