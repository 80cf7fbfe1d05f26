"""PostgreSQL keeps evidence files to the logins that may see the answers they back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from qaudit.errors import Refused
from qaudit.services import assessments, checklists, evidence
from qaudit.storage import make_engine, transaction
from tests.access.test_postgres_roles import POSTGRES_URL, Server, server  # noqa: F401
from tests.evidence.support import PDF, jpeg, write

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not POSTGRES_URL, reason="QAUDIT_TEST_POSTGRES_URL is not set"),
]


def first_point(url: str, assessment_id: int) -> str:
    engine = make_engine(url)
    try:
        with transaction(engine) as session:
            spec = checklists.spec_of_assessment(session, assessments.get(session, assessment_id))
        return spec.points[0].id
    finally:
        engine.dispose()


def test_evidence_follows_the_answers_access(server: Server, tmp_path: Path) -> None:  # noqa: F811
    photo = write(tmp_path, "keuken.jpg", jpeg())
    admin = make_engine(server.admin_url)
    point = first_point(server.admin_url, server.l02_assessment)
    try:
        evidence.attach_file(admin, server.l02_assessment, point, photo)
    finally:
        admin.dispose()

    contact = server.engine("contact")  # location contact of L01, not L02
    try:
        with pytest.raises(Refused):
            evidence.attach_file(contact, server.l02_assessment, point, photo)
        with transaction(contact) as session, pytest.raises(Refused):
            evidence.listed(session, server.l02_assessment)
        with contact.connect() as connection:  # directly, as with psql: nothing of L02
            assert connection.execute(text("SELECT count(*) FROM evidencefile")).scalar() == 0
            assert connection.execute(text("SELECT count(*) FROM answerevidence")).scalar() == 0
    finally:
        contact.dispose()

    peer = server.engine("peer")  # a peer visitor writes its visitation's answers
    visit_point = first_point(server.admin_url, server.visitation)
    try:
        done = evidence.attach_file(
            peer, server.visitation, visit_point, write(tmp_path, "p.pdf", PDF)
        )
        assert done.new_file
        with transaction(peer) as session:
            assert [v.name for v in evidence.listed(session, server.visitation)] == ["p.pdf"]
        with pytest.raises(Refused):
            evidence.attach_file(peer, server.other_visitation, visit_point, photo)
    finally:
        peer.dispose()

    board = server.engine("board")  # reads the organisation's evidence, changes nothing
    try:
        with transaction(board) as session:
            names = [v.name for v in evidence.listed(session, server.l02_assessment)]
        assert names == ["keuken.jpg"]
        with pytest.raises(Refused):
            evidence.attach_file(board, server.l02_assessment, point, photo)
    finally:
        board.dispose()
