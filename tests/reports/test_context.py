"""build_context is a pure function of plain data: no database, no files."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from qaudit.checklists import Catalogue
from qaudit.domain.enums import (
    ActionStatus,
    AssessmentKind,
    AssessmentStatus,
    EventKind,
    EventStatus,
    FindingKind,
    InterviewGroup,
    Result,
    Step,
)
from qaudit.reports.chart import ChartImage
from qaudit.reports.data import (
    ActionRow,
    AnswerRow,
    AssessmentData,
    AssessmentReport,
    EventRow,
    FindingRow,
    InterviewRow,
    LocationSummary,
    OverviewReport,
    Place,
    RecommendationRow,
)
from qaudit.reports.formatting import Formatter, clean, redact
from qaudit.reports.kinds import KINDS, build_context

TODAY = date(2026, 10, 1)
CLOSED = datetime(2026, 9, 14, 16, tzinfo=UTC)


def _assessment(
    catalogue: Catalogue,
    kind: AssessmentKind,
    answers: dict[str, AnswerRow],
    *,
    closed: bool = True,
    ident: int = 2,
    started: date = date(2026, 9, 14),
    **fields: object,
) -> AssessmentData:
    spec = catalogue.for_kind(kind.checklist_kind)
    return AssessmentData(
        id=ident,
        kind=kind,
        status=AssessmentStatus.CLOSED if closed else AssessmentStatus.OPEN,
        started_on=started,
        spec=spec,
        answers=answers,
        closed_at=CLOSED if closed else None,
        people=("Anouk Verbeek",),
        **fields,
    )  # type: ignore[arg-type]


def _audit_report(
    catalogue: Catalogue, *, closed: bool = True, answers: dict[str, AnswerRow] | None = None
) -> AssessmentReport:
    audit_answers = (
        answers
        if answers is not None
        else {
            "A.01": AnswerRow(Result.NOT_COMPLIANT, "Twee van de vijf plannen verouderd."),
            "A.02": AnswerRow(Result.COMPLIANT),
            "B.01": AnswerRow(Result.PARTLY, "MIC-analyse ontbreekt."),
            "B.02": AnswerRow(Result.COMPLIANT),
        }
    )
    own = _assessment(
        catalogue,
        AssessmentKind.SELF_EVALUATION,
        {
            "A.01": AnswerRow(Result.COMPLIANT, "Alles actueel."),
            "A.02": AnswerRow(Result.COMPLIANT),
            "B.01": AnswerRow(Result.COMPLIANT),
            "B.02": AnswerRow(Result.COMPLIANT),
        },
        ident=1,
        started=date(2026, 7, 1),
    )
    audit = _assessment(
        catalogue,
        AssessmentKind.AUDIT_VISIT,
        audit_answers,
        closed=closed,
        summary="Betrokken team.",
        quality_advice="Eerst de zorgplannen.",
    )
    return AssessmentReport(
        assessment=audit,
        location=Place("Huize Lindenhof", "L01", "Utrecht"),
        organisation=Place("Zorggroep De Linde", city="Utrecht"),
        today=TODAY,
        current_step=Step.BASIS,
        reference=own,
        interviews=(
            InterviewRow(
                InterviewGroup.STAFF,
                4,
                date(2026, 9, 14),
                "Bel 06-12345678 of mail j.jansen@example.nl voor het rooster.",
            ),
            InterviewRow(InterviewGroup.RESIDENTS, 5, date(2026, 9, 14), "Goed eten."),
            InterviewRow(InterviewGroup.RESIDENTS, 2, date(2026, 9, 14), "Meer uitjes."),
        ),
        findings=(
            FindingRow(FindingKind.STRENGTH, "Warme sfeer.", ("A.02",)),
            FindingRow(FindingKind.IMPROVEMENT, "Plannen verouderd.", ("A.01", "X.99")),
        ),
        recommendations=(RecommendationRow("Plan evaluaties vooruit.", ("A.01",)),),
        actions=(
            ActionRow("Zorgplannen bijwerken", "Teamleider", date(2026, 9, 1)),
            ActionRow("MIC-analyse", "", None, ActionStatus.DONE),
        ),
        events=(
            EventRow(
                EventKind.AUDIT_VISIT,
                EventStatus.PLANNED,
                date(2027, 3, 1),
                date(2027, 2, 1),
                date(2027, 4, 1),
                people=("Jeroen Smit",),
            ),
        ),
    )


def test_every_kind_has_a_builder() -> None:
    assert list(KINDS) == ["basis-op-orde", "visitatie", "cirkel", "advies", "overzicht"]
    from qaudit.cli.report import KINDS as CLI_KINDS

    assert tuple(KINDS) == CLI_KINDS


def test_audit_context(mini_catalogue: Catalogue) -> None:
    context = build_context("basis-op-orde", _audit_report(mini_catalogue), "nl")
    assert context["verdict"]["insufficient"]
    assert context["verdict"]["label"] == "basis onvoldoende op orde"
    assert "Kritisch meetpunt A.01 voldoet niet." in context["verdict"]["reasons"]
    assert [p["id"] for p in context["critical_failed"]] == ["A.01"]
    assert context["critical_failed"][0]["result_note"] == "Twee van de vijf plannen verouderd."
    assert [d["id"] for d in context["differences"]] == ["A.01", "B.01"]
    assert context["differences"][0]["own"] == "voldoet" and context["differences"][0]["stricter"]
    assert [t["id"] for t in context["themes"]] == ["A", "B"]
    assert context["improvements"] == [{"text": "Plannen verouderd.", "points": "A.01"}]
    assert context["recommendations"][0]["points"] == "A.01"
    assert [p["id"] for t in context["appendix"] for p in t["points"]] == [
        "A.01",
        "A.02",
        "B.01",
        "B.02",
    ]
    assert context["dates"]["visit"] == "14 september 2026"
    assert context["report_date"] == "1 oktober 2026"
    assert context["quality_advice"] == "Eerst de zorgplannen."
    assert not context["draft"] and context["draft_mark"] == ""
    assert isinstance(context["chart"], ChartImage) and context["chart"].png[:4] == b"\x89PNG"


def test_interviews_per_group_without_personal_data(mini_catalogue: Catalogue) -> None:
    context = build_context("basis-op-orde", _audit_report(mini_catalogue), "nl")
    groups = {i["group"]: i for i in context["interviews"]}
    assert list(groups) == ["bewoners", "medewerkers"]  # residents first
    assert groups["bewoners"]["interviews"] == 2 and groups["bewoners"]["participants"] == 7
    heard = groups["medewerkers"]["heard_text"]
    assert "06-12345678" not in heard and "example.nl" not in heard
    assert context["interviewed"] == 11


def test_actions_and_next_steps(mini_catalogue: Catalogue) -> None:
    context = build_context("basis-op-orde", _audit_report(mini_catalogue), "nl")
    first, second = context["actions"]
    assert first["overdue"] and first["deadline"] == "1 september 2026"
    assert second["owner"] == "nog geen eigenaar" and second["status"] == "afgerond"
    assert not second["overdue"]
    steps = context["next_steps"]
    assert steps["current"] == "4. De Basis op orde"
    assert steps["events"][0]["date"] == "1 maart 2027"
    assert steps["events"][0]["people"] == "Jeroen Smit"


def test_english_numbers_and_dates(mini_catalogue: Catalogue) -> None:
    nl = build_context("basis-op-orde", _audit_report(mini_catalogue), "nl")
    en = build_context("basis-op-orde", _audit_report(mini_catalogue), "en")
    assert nl["score"]["percent"] == "50,0%" and en["score"]["percent"] == "50.0%"
    assert en["dates"]["visit"] == "14 September 2026"
    assert en["verdict"]["label"] == "basis not sufficiently in order"
    assert "Critical point A.01 is not compliant." in en["verdict"]["reasons"]


def test_an_open_assessment_is_a_draft(mini_catalogue: Catalogue) -> None:
    context = build_context("basis-op-orde", _audit_report(mini_catalogue, closed=False), "nl")
    assert context["draft"] and context["draft_mark"] == "CONCEPT"
    assert "nog niet afgesloten" in context["draft_reason"]


def test_no_answers_is_a_draft_that_says_so(mini_catalogue: Catalogue) -> None:
    context = build_context(
        "basis-op-orde", _audit_report(mini_catalogue, closed=False, answers={}), "en"
    )
    assert context["draft_mark"] == "DRAFT"
    assert context["draft_reason"] == "No measurement point has been answered yet."
    assert context["score"]["percent"] == "not yet assessable"
    assert all(t["ok"] is None for t in context["themes"])


def test_user_text_is_cleaned(mini_catalogue: Catalogue) -> None:
    report = _audit_report(mini_catalogue)
    typed = AssessmentData(
        **{**report.assessment.__dict__, "summary": "  regel 1\r\nregel 2\x00\x07\x0c{{ x }}  "}
    )
    context = build_context(
        "basis-op-orde", AssessmentReport(**{**report.__dict__, "assessment": typed}), "nl"
    )
    assert context["summary"] == "regel 1\nregel 2{{ x }}"


def test_visitation_context(mini_catalogue: Catalogue) -> None:
    visitation = _assessment(
        mini_catalogue,
        AssessmentKind.VISITATION,
        {"KB01.1": AnswerRow(Result.PARTLY, "Nog niet overal.")},
    )
    report = AssessmentReport(
        assessment=visitation,
        location=Place("Huize Lindenhof", "L01"),
        organisation=Place("Zorggroep De Linde"),
        today=TODAY,
        visiting_organisation="Stichting Het Baken",
        promises=mini_catalogue.promises,
        translations={"KB01": "Vaste evaluatiemomenten."},
        findings=(FindingRow(FindingKind.STRENGTH, "Mooie levensverhalen.", ("KB01.1",)),),
        recommendations=(RecommendationRow("Deel het in het netwerk."),),
    )
    context = build_context("visitatie", report, "nl")
    promise = context["promises"][0]
    assert promise["promise_id"] == "KB01" and promise["title"] == "Samen uw zorgleefplan"
    assert promise["text"].startswith("Binnen zes weken")
    assert promise["translation"] == "Vaste evaluatiemomenten."
    assert promise["appreciation"] == ["Mooie levensverhalen."]
    assert promise["observed"][0]["result"] == "voldoet deels"
    assert context["general_tips"] == ["Deel het in het netwerk."]
    assert context["visiting_organisation"] == "Stichting Het Baken"
    assert context["verdict"]["label"] in (
        "klantbeloften waargemaakt en waarneembaar",
        "klantbeloften nog niet overal waargemaakt",
    )


def test_cirkel_compares_with_the_previous_cirkel_and_the_audit(mini_catalogue: Catalogue) -> None:
    audit = _assessment(
        mini_catalogue,
        AssessmentKind.AUDIT_VISIT,
        {"A.01": AnswerRow(Result.PARTLY)},
        ident=1,
        started=date(2024, 3, 1),
    )
    previous = _assessment(
        mini_catalogue,
        AssessmentKind.CIRKEL,
        {"BO.01": AnswerRow(Result.PARTLY)},
        ident=3,
        started=date(2024, 9, 1),
    )
    now = _assessment(
        mini_catalogue,
        AssessmentKind.CIRKEL,
        {"BO.01": AnswerRow(Result.COMPLIANT)},
        ident=5,
        started=date(2026, 9, 1),
    )
    report = AssessmentReport(
        assessment=now,
        location=Place("Duinroos", "L10"),
        organisation=Place("Zorggroep Kustlicht"),
        today=TODAY,
        history=(audit, previous),
        promises=mini_catalogue.promises,
    )
    context = build_context("cirkel", report, "nl")
    assert context["has_previous"] and not context["has_visitation"]
    assert [c["score"] for c in context["comparison"]["overall"]] == ["100,0%", "50,0%"]
    recheck = context["recheck"][0]
    assert recheck["refs"] == "A.01" and recheck["earlier"] == "A.01: voldoet deels"
    assert context["verdict"]["sufficient"]


def test_overview_context() -> None:
    from qaudit.domain.verdict import Outcome

    rows = (
        LocationSummary(
            Place("Huize Lindenhof", "L01", "Utrecht"), "Zorggroep De Linde", Step.INTAKE
        ),
        LocationSummary(
            Place("De Molenhoek", "L06", "Leeuwarden"),
            "De Wieken",
            Step.BASIS,
            basis_percent=70.1,
            basis_outcome=Outcome.INSUFFICIENT,
            basis_date=date(2026, 8, 12),
            open_kind=AssessmentKind.SELF_EVALUATION,
            open_answered=10,
            open_total=281,
        ),
    )
    events = (
        EventRow(
            EventKind.INTAKE, EventStatus.PLANNED, date(2026, 9, 1), location="Huize Lindenhof"
        ),
    )
    context = build_context("overzicht", OverviewReport(rows, events, TODAY), "nl")
    assert context["counts"]["locations"] == 2 and context["counts"]["insufficient"] == 1
    assert context["counts"]["overdue"] == 1 and context["events"][0]["overdue"]
    assert context["locations"][1]["score"] == "70,1%"
    assert context["locations"][1]["progress"] == "zelfevaluatie: 10 van 281 beantwoord"
    assert [s["count"] for s in context["steps"]][:4] == [1, 0, 0, 1]
    assert context["has_scores"]


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("Mail a.b@zorg.nl graag", "Mail [", "a.b@zorg.nl"),
        ("Bel +31 6 1234 5678", "Bel [", "5678"),
        ("BSN 123456789 genoemd", "BSN [", "123456789"),
        ("Kamer 12 in 2026, 15 bewoners", "Kamer 12 in 2026, 15 bewoners", "[…]"),
    ],
)
def test_redact(text: str, kept: str, gone: str) -> None:
    assert kept in redact(text) and gone not in redact(text)


def test_formatter() -> None:
    nl, en = Formatter("nl"), Formatter("en")
    assert nl.percent(82.456) == "82,5%" and en.percent(82.456) == "82.5%"
    assert nl.number(12345.5, 1) == "12.345,5" and en.number(12345.5, 1) == "12,345.5"
    assert nl.date(None) == "–" and nl.percent(None) == "–"
    assert nl.date(CLOSED) == "14 september 2026"
    assert clean(None) == "" and clean("a\tb") == "a\tb"
