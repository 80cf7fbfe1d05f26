"""Issue 17: n.v.t. with reasons, notes for "voldoet niet", the location profile, the
all-n.v.t. theme, the conditional verdict and its re-check, and the rollout gate."""

from __future__ import annotations

from datetime import date

import pytest

from qaudit.checklists import Catalogue, ChecklistSpec
from qaudit.checklists.spec import ConditionalRule, Point, ProfileCondition
from qaudit.domain.answer_rules import answer_problem
from qaudit.domain.cycle import CycleState, gate
from qaudit.domain.enums import Result, Step, StepStatus
from qaudit.domain.profile import Profile, applies, automatic_nvt
from qaudit.domain.recheck import failed_points, recheck_spec, repair_due
from qaudit.domain.verdict import Outcome, verdict
from qaudit.i18n import set_language

V, D, N, X = Result.COMPLIANT, Result.PARTLY, Result.NOT_COMPLIANT, Result.NOT_APPLICABLE
NURSING_HOME = Profile(
    behandeling=False, psychogeriatric=True, wzd_accommodation=False, verblijf=True
)


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


def point(**fields: object) -> Point:
    base: dict[str, object] = {
        "id": "T01.01",
        "text": "Een meetpunt.",
        "guidance": "Kijk.",
        "basis": "Wkkgz",
        "evidence": [{"kind": "document"}],
    }
    return Point.model_validate(base | fields)


@pytest.fixture
def basis(mini_catalogue: Catalogue) -> ChecklistSpec:
    return mini_catalogue.checklist("basis-op-orde")


def test_nvt_is_refused_where_the_file_says_never() -> None:
    problem = answer_problem(point(nvt="never"), X, "Geen bewoners met sonde.")
    assert problem is not None and "T01.01" in problem and "not allowed" in problem


def test_nvt_without_a_reason_is_refused_and_with_one_accepted() -> None:
    rule = point(nvt="with_reason")
    assert "needs a reason" in (answer_problem(rule, X, "  ") or "")
    assert answer_problem(rule, X, "Geen bewoners met sonde op de afdeling.") is None


def test_nvt_on_a_critical_point_needs_a_reason_when_the_file_asks_for_notes() -> None:
    critical = point(critical=True, weight=3, note_required=True)
    assert answer_problem(critical, X, "") is not None
    assert answer_problem(critical, X, "Locatie zonder lift.") is None


def test_not_compliant_needs_a_note_when_the_file_asks_for_it() -> None:
    noted = point(note_required=True)
    assert "needs a note" in (answer_problem(noted, N, "") or "")
    assert answer_problem(noted, N, "Twee van vijf plannen verouderd.") is None
    assert answer_problem(point(), N, "") is None  # 2026.1 files: no note required


def test_files_before_2027_allow_nvt_anywhere_without_a_reason() -> None:
    assert answer_problem(point(critical=True, weight=3), X, "") is None


def test_by_profile_nvt_follows_the_location_profile() -> None:
    doctor = point(nvt="by_profile", applies_to={"behandeling": True})
    assert not applies(doctor, NURSING_HOME)
    assert answer_problem(doctor, X, "", NURSING_HOME) is None
    with_treatment = Profile(
        behandeling=True, psychogeriatric=True, wzd_accommodation=True, verblijf=True
    )
    assert "applies to this location" in (answer_problem(doctor, X, "", with_treatment) or "")
    assert "location profile" in (answer_problem(doctor, X, "") or "")


def test_the_profile_makes_points_nvt_automatically_and_names_itself_as_reason() -> None:
    doctor = point(id="T03.01", nvt="by_profile", applies_to={"behandeling": True})
    wzd = point(id="T05.01", nvt="by_profile", applies_to={"wzd_accommodation": True})
    wtza = point(id="T15.03", nvt="by_profile", applies_to={"min_care_providers": 11})
    everywhere = point(id="T01.01")
    small = Profile(
        behandeling=False,
        psychogeriatric=False,
        wzd_accommodation=False,
        verblijf=True,
        care_providers=8,
    )
    reasons = automatic_nvt([doctor, wzd, wtza, everywhere], small)
    assert sorted(reasons) == ["T03.01", "T05.01", "T15.03"]
    assert reasons["T03.01"] == "n.v.t. by the location profile: no behandeling"
    assert "not a Wzd accommodation" in reasons["T05.01"]
    assert "fewer than 11 care providers (8)" in reasons["T15.03"]


def test_by_profile_needs_a_condition_and_a_condition_needs_by_profile() -> None:
    with pytest.raises(ValueError):
        point(nvt="by_profile")
    with pytest.raises(ValueError):
        point(applies_to={"behandeling": True})
    with pytest.raises(ValueError):
        ProfileCondition.model_validate({})


def test_a_theme_answered_entirely_nvt_is_reported(basis: ChecklistSpec) -> None:
    judged = verdict(basis, {"A.01": V, "A.02": V, "B.01": X, "B.02": X})
    assert judged.outcome is Outcome.SUFFICIENT
    assert [r.code for r in judged.remarks] == ["all_nvt"]
    assert "Theme B is answered entirely 'not applicable'" in judged.explanation


def conditional(basis: ChecklistSpec) -> ChecklistSpec:
    rule = basis.verdict.model_copy(
        update={
            "conditional": ConditionalRule(
                overall_min_percent=60, theme_min_percent=20, max_critical_failed=1
            )
        }
    )
    return basis.model_copy(update={"verdict": rule})


def test_the_conditional_verdict_within_its_rule(basis: ChecklistSpec) -> None:
    answers = {"A.01": N, "A.02": V, "B.01": V, "B.02": V}  # 62.5 %, theme A 25 %, 1 KO
    assert verdict(basis, answers).outcome is Outcome.INSUFFICIENT
    judged = verdict(conditional(basis), answers)
    assert judged.outcome is Outcome.CONDITIONAL
    assert [r.code for r in judged.reasons] == ["critical", "overall", "theme", "conditional"]
    assert "13 weeks" in judged.explanation


def test_beyond_the_conditional_rule_it_stays_insufficient(basis: ChecklistSpec) -> None:
    answers = {"A.01": N, "A.02": N, "B.01": V, "B.02": V}  # 50 %: below the 60 % floor
    assert verdict(conditional(basis), answers).outcome is Outcome.INSUFFICIENT
    open_answers = {"A.01": N, "A.02": V, "B.01": V}  # incomplete: no conditional verdict
    assert verdict(conditional(basis), open_answers).outcome is Outcome.INSUFFICIENT


def test_the_recheck_holds_only_the_failed_points_and_passes_when_they_comply(
    basis: ChecklistSpec,
) -> None:
    answers = {"A.01": N, "A.02": D, "B.01": V, "B.02": V}
    points = failed_points(basis, answers)
    assert points == ["A.01", "A.02"]
    recheck = recheck_spec(basis, points)
    assert [p.id for p in recheck.points] == ["A.01", "A.02"]
    assert [t.id for t in recheck.themes] == ["A"]
    assert verdict(recheck, {"A.01": V, "A.02": D}).outcome is Outcome.INSUFFICIENT
    assert verdict(recheck, {"A.01": V}).outcome is Outcome.INCOMPLETE
    assert verdict(recheck, {"A.01": V, "A.02": V}).outcome is Outcome.SUFFICIENT
    assert repair_due(date(2027, 1, 4), 13) == date(2027, 4, 5)


def test_the_rollout_gate_opens_only_when_the_recheck_passes() -> None:
    steps = {Step.INTAKE: StepStatus.DONE}
    waiting = CycleState(steps=steps, member=True, basis_outcome=Outcome.CONDITIONAL)
    closed = gate(Step.TRANSLATE_PROMISES, waiting)
    assert not closed.allowed and "re-check" in closed.reason
    passed = CycleState(steps=steps, member=True, basis_outcome=Outcome.SUFFICIENT)
    assert gate(Step.TRANSLATE_PROMISES, passed).allowed


def test_an_appreciative_checklist_gives_no_verdict(mini_catalogue: Catalogue) -> None:
    visitation = mini_catalogue.checklist("waarderende-visitatie")
    appreciative = visitation.model_copy(update={"appreciative": True})
    judged = verdict(appreciative, {"KB01.1": N})
    assert judged.outcome is Outcome.NOT_JUDGED
    assert judged.outcome.label_for("visitation") == "appreciative: strengths and tips, no verdict"


def test_new_fields_at_their_old_defaults_leave_the_content_hash_alone(
    basis: ChecklistSpec,
) -> None:
    explicit = basis.model_copy(update={"appreciative": False, "learning_question": False})
    assert explicit.content_hash == basis.content_hash
    assert basis.model_copy(update={"appreciative": True}).content_hash != basis.content_hash


def test_every_outcome_has_a_style_and_a_label_on_screen() -> None:
    from qaudit.tui.format import outcome

    for value in Outcome:
        assert str(outcome(value)) == value.label
