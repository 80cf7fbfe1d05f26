"""The readiness scan (gereedheidsscan): its checklist file, its result and step 2's warning."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from qaudit.checklists import ChecklistError, ReadinessSpec, load_file, shipped_catalogue
from qaudit.domain.enums import AssessmentKind, MtDecision, Result, Step, StepStatus
from qaudit.domain.models import AuditLog, CycleStep, Location, Organisation
from qaudit.domain.readiness import readiness
from qaudit.paths import checklists_dir
from qaudit.services import assessments, trajectory
from qaudit.services import readiness as readiness_service
from qaudit.services.excel import apply_import, export_assessment, preview_import
from qaudit.storage import transaction
from tests.excel.support import fill

SCAN = checklists_dir() / "gereedheidsscan.yaml"


def scan_spec() -> ReadinessSpec:
    spec = shipped_catalogue().checklist("gereedheidsscan")
    assert isinstance(spec, ReadinessSpec)
    return spec


def test_the_scan_has_three_dimensions_of_20_to_30_statements_with_guidance() -> None:
    spec = scan_spec()
    assert [t.title for t in spec.themes] == [
        "Leiding en organisatie",
        "Cultuur en competenties",
        "Sturing en systemen",
    ]
    for theme in spec.themes:
        assert 20 <= len(theme.points) <= 30
        assert all(p.guidance and p.text for p in theme.points)
        assert 0 < spec.dimension_of[theme.id].threshold_percent <= 100


def test_checklist_list_json_shows_the_dimensions() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "qaudit", "checklist", "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    row = next(r for r in json.loads(out) if r["id"] == "gereedheidsscan")
    assert row["kind"] == "readiness"
    assert [d["id"] for d in row["dimensions"]] == ["LO", "KC", "SS"]
    assert all(20 <= d["statements"] <= 30 for d in row["dimensions"])


def test_a_dimension_without_threshold_is_refused_naming_the_field(tmp_path: Path) -> None:
    text = SCAN.read_text(encoding="utf-8").replace("  - theme: SS\n", "  - theme: XX\n")
    broken = tmp_path / "gereedheidsscan.yaml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError) as raised:
        load_file(broken)
    message = str(raised.value)
    assert "gereedheidsscan.yaml" in message and "SS" in message


def test_result_per_dimension_and_its_advice() -> None:
    spec = scan_spec()
    lo, kc, ss = spec.themes
    answers = {p.id: Result.COMPLIANT for p in lo.points}
    answers |= {p.id: Result.PARTLY for p in kc.points}  # 50 %: below 60
    answers[ss.points[0].id] = Result.NOT_COMPLIANT
    answers[ss.points[1].id] = Result.NOT_APPLICABLE
    result = readiness(spec, answers)
    by_id = {d.theme_id: d for d in result.dimensions}
    assert by_id["LO"].percent == 100 and not by_id["LO"].below
    assert by_id["LO"].advice == spec.dimension_of["LO"].advice_met
    assert by_id["KC"].percent == 50 and by_id["KC"].below
    assert by_id["KC"].advice == spec.dimension_of["KC"].advice_below
    assert by_id["SS"].percent == 0 and by_id["SS"].answered == 2
    assert len(result.warnings) == 2 and not result.complete


def _location(engine: Engine, *, intake_done: bool = True) -> int:
    with transaction(engine) as s:
        org = Organisation(name="Zorggroep Gereed")
        s.add(org)
        s.flush()
        assert org.id
        location = Location(organisation_id=org.id, code="G01", name="Huize Gereed")
        s.add(location)
        s.flush()
        assert location.id
        if intake_done:
            s.add(
                CycleStep(
                    location_id=location.id,
                    step=1,
                    status=StepStatus.DONE,
                    started_on=date(2026, 1, 5),
                    completed_on=date(2026, 1, 20),
                )
            )
        return location.id


def test_completing_step_2_warns_and_records_the_warning(engine: Engine) -> None:
    location_id = _location(engine)
    scan_id = trajectory.start_assessment(
        engine, location_id, AssessmentKind.READINESS_SCAN, today=date(2026, 2, 1)
    )
    spec = scan_spec()
    for point in spec.points:
        good = point.id.startswith(("LO", "SS"))
        result = Result.COMPLIANT if good else Result.NOT_COMPLIANT
        assessments.give_answer(engine, scan_id, point.id, result)
    with transaction(engine) as s:
        step2 = s.exec(
            select(CycleStep).where(CycleStep.location_id == location_id, CycleStep.step == 2)
        ).one()
        assert step2.status is StepStatus.IN_PROGRESS  # the scan started step 2
    warnings = trajectory.set_step(
        engine,
        location_id,
        Step.MT_SESSION,
        StepStatus.DONE,
        on=date(2026, 3, 1),
        decision=MtDecision.GO,
        notes="Besluit in de MT-vergadering",
    )
    assert len(warnings) == 1 and "Cultuur en competenties" in warnings[0]
    with transaction(engine) as s:
        step2 = s.exec(
            select(CycleStep).where(CycleStep.location_id == location_id, CycleStep.step == 2)
        ).one()
        assert step2.decision is MtDecision.GO
        assert step2.notes.startswith("Besluit in de MT-vergadering")
        assert warnings[0] in step2.notes
        logged = s.exec(select(AuditLog).where(AuditLog.action == "readiness_warning")).one()
        assert logged.entity_id == location_id and logged.detail["warnings"] == list(warnings)
        shown = readiness_service.result_of(s, location_id)
        assert shown is not None and shown.assessment_id == scan_id


def test_a_ready_location_completes_step_2_without_warning(engine: Engine) -> None:
    location_id = _location(engine)
    scan_id = trajectory.start_assessment(
        engine, location_id, AssessmentKind.READINESS_SCAN, today=date(2026, 2, 1)
    )
    for point in scan_spec().points:
        assessments.give_answer(engine, scan_id, point.id, Result.COMPLIANT)
    warnings = trajectory.set_step(
        engine, location_id, Step.MT_SESSION, StepStatus.DONE, on=date(2026, 3, 1)
    )
    assert warnings == ()
    with transaction(engine) as s:
        assert s.exec(select(AuditLog).where(AuditLog.action == "readiness_warning")).all() == []


def test_the_scan_waits_for_the_intake(engine: Engine) -> None:
    from qaudit.errors import Refused

    location_id = _location(engine, intake_done=False)
    with pytest.raises(Refused):
        trajectory.start_assessment(
            engine, location_id, AssessmentKind.READINESS_SCAN, today=date(2026, 2, 1)
        )


def test_excel_round_trip_of_the_scan(engine: Engine, tmp_path: Path) -> None:
    location_id = _location(engine)
    scan_id = trajectory.start_assessment(
        engine, location_id, AssessmentKind.READINESS_SCAN, today=date(2026, 2, 1)
    )
    workbook = export_assessment(engine, scan_id, tmp_path / "gereedheidsscan.xlsx")
    fill(
        workbook,
        {
            "LO.01": ("voldoet", "Bestuur heeft het waarom vastgelegd", "Jaarplan 2026"),
            "KC.03": ("voldoet deels", None, None),
            "SS.22": ("voldoet niet", "Gegevens kosten weken", None),
        },
    )
    preview = preview_import(engine, workbook)
    assert {c.point_id for c in preview.new} == {"LO.01", "KC.03", "SS.22"}
    apply_import(engine, preview)
    with transaction(engine) as s:
        got = assessments.results(s, scan_id)
        result = readiness_service.result_of(s, location_id)
    assert got == {
        "LO.01": Result.COMPLIANT,
        "KC.03": Result.PARTLY,
        "SS.22": Result.NOT_COMPLIANT,
    }
    assert result is not None
    assert [d.percent for d in result.dimensions] == [100, 50, 0]
