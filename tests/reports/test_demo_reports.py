"""Every report kind, rendered from the demo cooperative and read back with python-docx."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from qaudit.domain.enums import AssessmentKind
from qaudit.domain.models import Location
from qaudit.domain.verdict import Outcome, verdict
from qaudit.i18n import using_language
from qaudit.services import assessments, locations
from qaudit.services.reports import write_one, write_report, write_reports
from qaudit.storage import transaction
from reports.support import KIND_OF_REPORT, assessment_ids, read_docx

POINT_APPENDIX = {"basis-op-orde", "visitatie", "cirkel"}


def _expected(engine: Engine, assessment_id: int, language: str) -> dict[str, object]:
    with transaction(engine) as session, using_language(language):
        assessment = assessments.get(session, assessment_id)
        spec, results = assessments.spec_and_results(session, assessment)
        judged = verdict(spec, results)
        from qaudit.reports.wording import verdict_sentence

        return {
            "verdict": judged.outcome.label_for(spec.kind),
            "sentence": verdict_sentence(judged.outcome),
            "themes": [(t.id, t.title) for t in spec.themes],
            "critical": judged.score.overall.critical_failed,
            "points": [p.id for p in spec.points],
        }


def _cases(kinds: dict[str, tuple]) -> list[tuple[str, int]]:
    """(report, assessment) for every demo assessment a report can be made from."""
    from qaudit.services.database import open_database
    from qaudit.services.demo import build_demo

    engine = open_database("sqlite://")
    build_demo(engine)
    return [
        (report, i) for report, wanted in kinds.items() for i in assessment_ids(engine, *wanted)
    ]


CASES = _cases(KIND_OF_REPORT)


def test_the_demo_has_every_kind_of_assessment() -> None:
    assert {report for report, _id in CASES} == set(KIND_OF_REPORT)


@pytest.mark.parametrize(("report", "assessment_id"), CASES)
def test_report_from_demo_data(demo: Engine, out: Path, report: str, assessment_id: int) -> None:
    path = write_report(demo, report, assessment_id, out / "report.docx")
    read = read_docx(path)
    expected = _expected(demo, assessment_id, "nl")
    assert expected["sentence" if report == "advies" else "verdict"] in read.body
    for theme_id, title in expected["themes"]:  # type: ignore[attr-defined]
        assert title in read.body
        if report != "cirkel":  # a Cirkel names its themes by the promise they check
            assert f"{theme_id} " in read.body
    for point_id in expected["critical"]:  # type: ignore[attr-defined]
        assert point_id in read.body
    if report in POINT_APPENDIX:
        missing = [p for p in expected["points"] if p not in read.body]  # type: ignore[attr-defined]
        assert not missing
    assert "{{" not in read.everything and "{%" not in read.everything
    assert read.pictures >= 1 and read.png_parts >= 1


def _insufficient_audit(engine: Engine) -> int:
    """The demo's audit visit whose basis was found not sufficiently in order."""
    for audit in assessment_ids(engine, AssessmentKind.AUDIT_VISIT):
        with transaction(engine) as session:
            judged = assessments.verdict_of(session, assessments.get(session, audit))
        if judged.outcome is Outcome.INSUFFICIENT:
            return audit
    raise AssertionError("the demo has no insufficient audit")


def test_the_audit_report_has_every_section(demo: Engine, out: Path) -> None:
    insufficient = _insufficient_audit(demo)
    body = read_docx(write_report(demo, "basis-op-orde", insufficient, out / "r.docx")).body
    for heading in (
        "Samenvatting",
        "Scores per thema",
        "Kritische meetpunten die niet voldoen",
        "Zelfevaluatie en audit: de verschillen",
        "Sterke punten",
        "Verbeterpunten",
        "Aanbevelingen",
        "Kwaliteitsadvies",
        "Interviews",
        "Verbeteracties",
        "Vervolgstappen",
        "Bijlage: alle meetpunten",
    ):
        assert heading in body
    assert "basis onvoldoende op orde" in body
    assert "Breng eerst de kritische meetpunten op orde" in body  # the quality advice
    assert "bewoners" in body and "Bewoners voelen zich gehoord" in body  # interviews
    assert "Anouk Verbeek" in body or "Jeroen Smit" in body or "Fatima El Amrani" in body


def test_overview_names_every_location_and_its_step(demo: Engine, out: Path) -> None:
    path = write_report(demo, "overzicht", None, out / "overzicht.docx")
    read = read_docx(path)
    with transaction(demo) as session:
        rows = locations.list_locations(session)
    for row in rows:
        assert row.name in read.body
        assert row.step.label in read.body
    assert "{{" not in read.everything and read.pictures == 1


def test_english_by_setting(demo: Engine, out: Path) -> None:
    audit = _insufficient_audit(demo)
    body = read_docx(
        write_report(demo, "basis-op-orde", audit, out / "en.docx", language="en")
    ).body
    assert "Basis op orde audit report" in body and "Summary" in body
    assert "basis not sufficiently in order" in body
    assert "Auditrapport" not in body


def test_dutch_dates_and_numbers(demo: Engine, out: Path) -> None:
    audit = _insufficient_audit(demo)
    with transaction(demo) as session:
        percent = assessments.verdict_of(session, assessments.get(session, audit)).score
    whole, tenth = divmod(round(percent.overall.percent * 10), 10)  # type: ignore[operator]
    nl = read_docx(write_report(demo, "basis-op-orde", audit, out / "nl.docx")).body
    en = read_docx(write_report(demo, "basis-op-orde", audit, out / "en.docx", language="en")).body
    months_nl = (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    )
    assert any(f" {m} 20" in nl for m in months_nl)
    assert f"Totaalscore {whole},{tenth}%" in nl
    assert f"Overall score {whole}.{tenth}%" in en


def test_a_batch_writes_one_file_per_assessment(demo: Engine, out: Path) -> None:
    seen: list[tuple[int, int]] = []
    written = write_reports(
        demo,
        "basis-op-orde",
        None,
        out / "batch",
        progress=lambda done, total, _item: seen.append((done, total)),
    )
    audits = assessment_ids(demo, *KIND_OF_REPORT["basis-op-orde"][:1])
    assert [w.assessment_id for w in written] == audits
    assert seen[-1] == (len(audits), len(audits))
    with transaction(demo) as session:
        codes = set(session.exec(select(Location.code)))
    for item in written:
        assert item.path.is_file() and item.path.parent == out / "batch"
        assert item.path.name.split("-")[-2] in codes


def test_an_open_self_evaluation_is_a_draft(demo: Engine, out: Path) -> None:
    open_one = assessment_ids(demo, *KIND_OF_REPORT["basis-op-orde"][1:])[0]
    written = write_one(demo, "basis-op-orde", open_one, out / "draft.docx")
    read = read_docx(written.path)
    assert written.draft_reason
    assert "CONCEPT" in read.body and "CONCEPT" in read.headers
    assert "nog niet afgesloten" in read.body


def test_on_every_database(engine: Engine, out: Path) -> None:
    """The queries behind the reports also run on PostgreSQL (when configured)."""
    from qaudit.services.demo import build_demo

    build_demo(engine)
    for report, kinds in KIND_OF_REPORT.items():
        first = assessment_ids(engine, *kinds)[0]
        assert write_report(engine, report, first, out / f"{report}.docx").is_file()
    assert write_report(engine, "overzicht", None, out / "overzicht.docx").is_file()
