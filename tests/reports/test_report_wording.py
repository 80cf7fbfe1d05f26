"""Reports say the right thing for their kind and state (issue 14, "Done when").

Every report kind is rendered for every demo assessment it applies to, in Dutch and in
English, and its text is scanned for dash placeholders, the fallback advice outside its
case, "de auditbezoek" and results claimed by drafts. ``test_demo_pdfs`` converts every one
of them to PDF.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qaudit.domain.enums import AssessmentKind
from qaudit.domain.verdict import Outcome
from qaudit.errors import QauditError
from qaudit.i18n import using_language
from qaudit.reports.chart import ChartStyle
from qaudit.reports.pdf import find_soffice
from qaudit.reports.style import ReportStyle
from qaudit.services import assessments
from qaudit.services.reports import write_one, write_report
from qaudit.storage import transaction
from reports.support import ENGLISH, KIND_OF_REPORT, PLACEHOLDER, assessment_ids, read_docx

SOFFICE = find_soffice()
FALLBACK_NL = "Wij adviseren de locatie te beginnen met het vertalen van de klantbeloften"
FALLBACK_EN = "We advise the location to start translating the client promises"


def _cases() -> list[tuple[str, int]]:
    from qaudit.services.database import open_database
    from qaudit.services.demo import build_demo

    engine = open_database("sqlite://")
    build_demo(engine)
    return [(r, i) for r, kinds in KIND_OF_REPORT.items() for i in assessment_ids(engine, *kinds)]


CASES = _cases()


def _state(engine: Engine, assessment_id: int) -> tuple[AssessmentKind, Outcome, bool, bool]:
    """Kind, outcome, closed, and whether every critical point is answered."""
    with transaction(engine) as session:
        assessment = assessments.get(session, assessment_id)
        spec, results = assessments.spec_and_results(session, assessment)
        judged = assessments.verdict_of(session, assessment)
        critical_open = any(
            not results.get(p.id) or not results[p.id].answered for p in spec.points if p.critical
        )
        return assessment.kind, judged.outcome, assessment.closed_at is not None, not critical_open


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("report", "assessment_id"), CASES)
def test_every_report_says_the_right_thing(
    demo: Engine, out: Path, report: str, assessment_id: int, language: str
) -> None:
    written = write_one(
        demo, report, assessment_id, out / f"{report}.{language}.docx", language=language
    )
    body = read_docx(written.path).body
    kind, outcome, _closed, critical_answered = _state(demo, assessment_id)
    placeholders = [m.group(0) for m in PLACEHOLDER.finditer(body)]
    assert placeholders == [], f"dash placeholders in {report} {assessment_id}"
    assert "de auditbezoek" not in body and "De auditbezoek" not in body
    if language == "nl":
        assert ENGLISH.findall(body) == [], "an untranslated sentence"
    fallback = FALLBACK_NL if language == "nl" else FALLBACK_EN
    if report == "advies" and not (
        kind is AssessmentKind.AUDIT_VISIT and outcome is Outcome.SUFFICIENT
    ):
        assert fallback not in body
    if outcome is Outcome.INSUFFICIENT and report in ("advies", "basis-op-orde"):
        assert "5. Klantbeloften" not in body and "5. Translat" not in body
        assert ("hertoets" if language == "nl" else "re-audit") in body
    if outcome is Outcome.INCOMPLETE:
        claims = (
            ("Alle kritische meetpunten voldoen", "Every critical point is met")
            if not critical_answered
            else ()
        )
        for claim in claims:
            assert claim not in body
        assert "Naar ons oordeel is de basis" not in body
        assert "In our judgement the basis" not in body


def _theme_norms(demo: Engine, assessment_id: int) -> list[tuple[int, str]]:
    from qaudit.reports.kinds import build_context
    from qaudit.services import report_data

    with transaction(demo) as session:
        assessment = assessments.get(session, assessment_id)
        data = report_data.assessment_report(session, assessment, assessment.started_on)
    context = build_context("basis-op-orde", data, "nl")
    return [(t["open"], t["norm"]) for t in context["themes"]]


def test_a_draft_never_says_a_theme_meets_its_norm_before_it_is_answered(demo: Engine) -> None:
    drafts = [
        i
        for i in assessment_ids(demo, *KIND_OF_REPORT["basis-op-orde"])
        if _state(demo, i)[1] is Outcome.INCOMPLETE
    ]
    assert drafts, "the demo has a self-evaluation in progress"
    for assessment_id in drafts:
        for open_points, norm in _theme_norms(demo, assessment_id):
            if open_points:
                assert norm == "nog niet te beoordelen"


def test_the_letter_after_an_insufficient_audit_names_the_re_audit(demo: Engine, out: Path) -> None:
    audits = [
        i
        for i in assessment_ids(demo, AssessmentKind.AUDIT_VISIT)
        if _state(demo, i)[1] is Outcome.INSUFFICIENT
    ]
    body = read_docx(write_report(demo, "advies", audits[0], out / "a.docx")).body
    assert "hertoets van de Basis op orde" in body
    assert "vond het auditbezoek plaats" in body
    assert "Met vriendelijke groet," in body and "namens Coöperatie Kwaliteit@" in body
    assert "t.a.v. het bestuur" in body


def test_the_cooperative_setting_fills_every_template(demo: Engine, out: Path) -> None:
    style = ReportStyle("Coöperatie Zorgsaam", ("Postbus 7", "3500 AA Utrecht"), b"", ChartStyle())
    for report, kinds in KIND_OF_REPORT.items():
        first = assessment_ids(demo, *kinds)[0]
        path = write_one(demo, report, first, out / f"{report}.docx", style=style).path
        read = read_docx(path)
        assert "Coöperatie Zorgsaam" in read.everything
        assert "Coöperatie Kwaliteit@" not in read.everything
    letter = read_docx(out / "advies.docx").body
    assert "Postbus 7" in letter and "3500 AA Utrecht" in letter
    path = write_one(demo, "overzicht", None, out / "o.docx", style=style).path
    assert "Coöperatie Zorgsaam" in read_docx(path).everything


def test_pdf_names_the_font_to_install(demo: Engine, out: Path, tmp_path: Path) -> None:
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig (fc-match) is not installed: nothing to check fonts with")
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder = tmp_path / "templates"
    folder.mkdir()
    shipped = Path(__file__).resolve().parents[2] / "report_templates" / "advies.nl.docx"
    target = folder / "advies.nl.docx"
    with zipfile.ZipFile(shipped) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                data = data.replace(b'"Calibri"', b'"Qaudit Nonexistent Sans"')
            copy.writestr(item, data)
    audit = assessment_ids(demo, AssessmentKind.AUDIT_VISIT)[0]
    with pytest.raises(QauditError, match="Qaudit Nonexistent Sans"):
        write_report(demo, "advies", audit, out / "a.docx", template_dir=folder, pdf=True)
    assert not (out / "a.docx").exists()


def test_english_letter_after_a_cirkel(demo: Engine, out: Path) -> None:
    cirkel = assessment_ids(demo, AssessmentKind.CIRKEL)[0]
    with using_language("en"):
        body = read_docx(write_report(demo, "advies", cirkel, out / "c.docx", language="en")).body
    assert "the Cirkel van Kwaliteit@ assessment took place" in body
    assert FALLBACK_EN not in body


def test_a_cirkel_names_each_promise_by_one_id(demo: Engine, out: Path) -> None:
    cirkel = assessment_ids(demo, AssessmentKind.CIRKEL)[0]
    body = read_docx(write_report(demo, "cirkel", cirkel, out / "c.docx")).body
    assert re.search(r"\bKB01 Samen uw zorgleefplan", body)
    assert not re.search(r"\bCKB01 Samen uw zorgleefplan", body)  # theme ids give way
