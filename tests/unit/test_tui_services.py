"""The headless services the workbench uses: bulk dashboard verdicts agree with the verdict
rule; privacy checks; the rollout's progress."""

from __future__ import annotations

from datetime import date

from qaudit.domain.enums import AssessmentKind, EventKind, Result
from qaudit.domain.privacy import Kind, find_personal_data
from qaudit.domain.verdict import Outcome
from qaudit.services import assessments, dashboard, rollout, visits
from qaudit.services.trajectory import start_assessment
from qaudit.storage import transaction


def test_privacy_flags_names_and_birth_dates_but_not_plain_notes():
    check = find_personal_data
    assert check("Bewoners voelen zich gehoord; wens voor meer activiteiten.") == []
    hits = check("Mevrouw Jansen (geb. 12-03-1938) vindt het eten lekker.")
    assert {h.kind for h in hits} == {Kind.NAME, Kind.BIRTH_DATE}
    assert [h.text for h in check("Gesprek met dhr. de Vries.")] == ["dhr. de Vries"]
    assert check("Interview op 12-03-2026 gehouden.") == []


def test_dashboard_verdict_matches_the_rule(engine, mini_catalogue):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent))
    from tui.conftest import build_world

    world = build_world(engine, mini_catalogue)
    for point, result in (
        ("A.01", Result.NOT_COMPLIANT),
        ("A.02", Result.COMPLIANT),
        ("B.01", Result.COMPLIANT),
        ("B.02", Result.COMPLIANT),
    ):
        assessments.give_answer(engine, world.visit_id, point, result)
    visits.close_visit(engine, world.visit_id, today=date(2026, 10, 1))
    rows = {
        r.code: r
        for r in dashboard.dashboard_rows(dashboard.engine_reader(engine), date(2026, 10, 1))
    }
    with transaction(engine) as s:
        expected = assessments.verdict_of(s, assessments.get(s, world.visit_id))
    assert expected.outcome is Outcome.INSUFFICIENT  # critical point A.01 failed
    assert rows["T01"].outcome is expected.outcome
    assert rows["T01"].percent == expected.score.overall.percent
    # the planned audit visit was held (its assessment was started): not overdue; the
    # self-evaluation beside it is still open, so finishing it comes next
    assert not rows["T01"].overdue and not rows["T02"].overdue
    assert rows["T01"].next is not None
    assert rows["T01"].next.action.value == "finish_self_evaluation"
    assert rows["T02"].outcome is None


def test_rollout_progress_and_gate(engine, mini_catalogue):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent.parent))
    from tui.conftest import build_world

    world = build_world(engine, mini_catalogue)
    rollout.save_translation(
        engine, world.member_id, "KB01", "Vaste werkafspraak", "Teamoverleg", mini_catalogue
    )
    rollout.add_training(engine, world.member_id, date(2026, 9, 1), "Beloften", 10, 40)
    with transaction(engine) as s:
        data = rollout.rollout(s, world.member_id, mini_catalogue)
    assert data.promises[0].translated and data.trained_share == 0.25
    from qaudit.errors import Refused

    try:
        start_assessment(
            engine,
            world.prospect_id,
            AssessmentKind.SELF_EVALUATION,
            today=date(2026, 10, 1),
            catalogue=mini_catalogue,
        )
    except Refused as refused:
        assert "lid" in str(refused)
    else:
        raise AssertionError("a non-member may not start the Basis op orde")


def test_overdue_is_decided_by_the_window_as_the_planner_does():
    from qaudit.domain.events import due_on, is_overdue
    from qaudit.scheduling.cycle import Due

    today = date(2026, 10, 1)
    end = date(2026, 9, 30)
    assert is_overdue(today, date(2026, 11, 1), end, 2026)  # window passed, planned later
    assert not is_overdue(today, date(2026, 9, 1), date(2026, 12, 31), 2026)  # window open
    assert not is_overdue(today, None, None, 2026)  # the due year is the window
    assert is_overdue(today, None, None, 2025)
    assert is_overdue(today, date(2026, 9, 20), None, None)  # no window: the planned day
    assert not is_overdue(today, today, None, None)
    assert not is_overdue(today, None, None, None)
    assert due_on(None, None, 2026) == date(2026, 12, 31)
    # "due" is the day after which the event is overdue, never a passed planned day
    assert due_on(date(2026, 9, 29), None, 2026) == date(2026, 12, 31)
    assert due_on(date(2026, 9, 29), end, 2026) == end
    assert due_on(date(2026, 9, 29), None, None) == date(2026, 9, 29)
    for year in (2025, 2026, 2027):  # the planner's own rule agrees
        due = Due(EventKind.VISITATION, year, 1, date(year, 5, 1))
        assert due.overdue(today) == is_overdue(today, None, due.window_end, year)
