"""The pure access rules: which locations and assessments a set of grants allows."""

from __future__ import annotations

from datetime import date

from qaudit.domain.access import (
    AccessRole,
    AssessmentFacts,
    Facts,
    Grant,
    Scope,
    grant_problem,
    month_before,
    scope_of,
)

TODAY = date(2027, 5, 1)
# locations 1, 2 of organisation 10; location 3 of organisation 20
FACTS = Facts(
    organisation_of={1: 10, 2: 10, 3: 20, 4: 20},  # location 4 has no assessments yet
    assessments=(
        AssessmentFacts(100, 1, "self_evaluation", date(2027, 1, 1), False),
        AssessmentFacts(101, 1, "audit_visit", date(2027, 2, 1), False),
        AssessmentFacts(102, 1, "readiness_scan", date(2027, 3, 1), False),
        AssessmentFacts(200, 2, "visitation", date(2027, 5, 20), False),  # window soon
        AssessmentFacts(201, 2, "visitation", date(2027, 9, 1), False),  # too early
        AssessmentFacts(300, 3, "cirkel", date(2027, 3, 1), True),  # closed: final
    ),
)


def scope(*grants: Grant) -> Scope:
    return scope_of(grants, FACTS, TODAY)


def test_staff_sees_everything() -> None:
    assert scope(Grant(AccessRole.STAFF)).everything


def test_no_grants_see_nothing() -> None:
    nothing = scope()
    assert not nothing.everything and not nothing.read_locations and not nothing.read_assessments


def test_location_contact_reads_its_location_and_fills_in_what_it_fills_in_itself() -> None:
    contact = scope(Grant(AccessRole.LOCATION_CONTACT, location_id=1))
    assert contact.read_locations == {1} and contact.write_locations == {1}
    assert contact.read_assessments == {100, 101, 102}
    # the self-evaluation and the readiness scan, not the auditor's audit visit
    assert contact.write_assessments == {100, 102}
    assert not contact.interview_assessments  # never the interview notes
    assert not contact.can_read_location(2)


def test_board_reads_its_organisation_and_changes_nothing() -> None:
    board = scope(Grant(AccessRole.BOARD, organisation_id=10))
    assert board.read_locations == {1, 2}
    assert not board.write_locations and not board.write_assessments
    assert not board.interview_assessments


def test_auditor_changes_its_assessment_and_reads_the_location() -> None:
    auditor = scope(Grant(AccessRole.AUDITOR, assessment_id=101))
    assert auditor.write_assessments == {101}
    assert auditor.read_assessments == {100, 101, 102}
    assert auditor.interview_assessments == {100, 101, 102}
    assert auditor.read_locations == {1}


def test_peer_visitor_only_inside_the_window() -> None:
    visitor = scope(Grant(AccessRole.PEER_VISITOR, location_id=2))
    assert visitor.read_assessments == {200}  # 201's window starts in more than a month
    assert visitor.write_assessments == {200}
    assert visitor.read_locations == {2}
    assert not visitor.write_locations
    later = scope_of([Grant(AccessRole.PEER_VISITOR, assessment_id=201)], FACTS, date(2027, 8, 1))
    assert later.read_assessments == {201}
    too_early = scope_of(
        [Grant(AccessRole.PEER_VISITOR, assessment_id=201)], FACTS, date(2027, 7, 31)
    )
    assert not too_early.read_assessments


def test_assessor_loses_access_when_the_report_is_final() -> None:
    assert not scope(Grant(AccessRole.ASSESSOR, assessment_id=300)).read_assessments


def test_month_before_clamps_like_postgresql() -> None:
    assert month_before(date(2027, 3, 31)) == date(2027, 2, 28)
    assert month_before(date(2027, 1, 15)) == date(2026, 12, 15)


def test_grant_problems() -> None:
    assert grant_problem(AccessRole.STAFF, Grant(AccessRole.STAFF, location_id=1), None)
    assert grant_problem(AccessRole.BOARD, Grant(AccessRole.BOARD), None)
    assert grant_problem(
        AccessRole.ASSESSOR, Grant(AccessRole.ASSESSOR, assessment_id=1), "visitation"
    )
    assert grant_problem(AccessRole.AUDITOR, Grant(AccessRole.AUDITOR, location_id=1), None) is None


def test_who_may_start_what() -> None:
    contact = scope(Grant(AccessRole.LOCATION_CONTACT, location_id=1))
    assert contact.can_start("self_evaluation", 1) and contact.can_start("readiness_scan", 1)
    assert not contact.can_start("audit_visit", 1) and not contact.can_start("self_evaluation", 2)
    auditor = scope(Grant(AccessRole.AUDITOR, location_id=4))
    assert auditor.read_locations == {4} and auditor.can_start("audit_visit", 4)
    assert not scope(Grant(AccessRole.PEER_VISITOR, location_id=2)).can_start("visitation", 2)
