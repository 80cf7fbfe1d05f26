"""Evidence files with answers, on SQLite and PostgreSQL: content-addressed, checked, listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func
from sqlmodel import select

from qaudit.checklists import Catalogue
from qaudit.domain.models import AnswerEvidence, AuditLog, EvidenceFile
from qaudit.errors import NotFound, QauditError, Refused
from qaudit.services import evidence
from qaudit.storage import transaction
from tests.answering.support import make_location, start
from tests.evidence.support import PDF, docx, jpeg, write


@pytest.fixture
def assessment_id(engine: Engine, mini_catalogue: Catalogue) -> int:
    return start(engine, make_location(engine), mini_catalogue)


def counts(engine: Engine) -> tuple[int, int]:
    with transaction(engine) as session:
        files = session.exec(select(func.count()).select_from(EvidenceFile)).one()
        links = session.exec(select(func.count()).select_from(AnswerEvidence)).one()
    return files, links


def test_the_same_file_on_two_answers_is_stored_once(
    engine: Engine, assessment_id: int, tmp_path: Path
) -> None:
    photo = write(tmp_path, "keuken.jpg", jpeg())
    first = evidence.attach_file(engine, assessment_id, "A.01", photo)
    again = evidence.attach_file(engine, assessment_id, "B.01", photo)
    same = evidence.attach_file(engine, assessment_id, "B.01", photo)
    assert first.new_file and first.new_link
    assert not again.new_file and again.new_link
    assert not same.new_link and same.view.id == again.view.id
    assert counts(engine) == (1, 2)
    assert first.view.sha256 == again.view.sha256 and first.view.photo
    with transaction(engine) as session:
        listed = evidence.listed(session, assessment_id)
        view, data = evidence.content(session, first.view.id)
        logged = session.exec(
            select(AuditLog).where(AuditLog.action == evidence.ATTACH_ACTION)
        ).all()
    assert [(v.point_id, v.name, v.label) for v in listed] == [
        ("A.01", "keuken.jpg", "JPEG"),
        ("B.01", "keuken.jpg", "JPEG"),
    ]
    assert data == photo.read_bytes() and view.size == len(data)
    assert len(logged) == 2 and logged[0].detail["point"] == "A.01"


def test_documents_and_names(engine: Engine, assessment_id: int, tmp_path: Path) -> None:
    evidence.attach_file(engine, assessment_id, "A.02", write(tmp_path, "beleid.pdf", PDF))
    evidence.attach_file(
        engine, assessment_id, "A.02", write(tmp_path, "x.docx", docx()), name="werkinstructie"
    )
    with transaction(engine) as session:
        assert evidence.names_by_point(session, assessment_id) == {
            "A.02": ["beleid.pdf", "werkinstructie"]
        }
        assert [v.label for v in evidence.listed(session, assessment_id, "A.02")] == [
            "PDF",
            "Word",
        ]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("programma.bin", bytes(range(256)), "bewijsstuk"),
        ("leeg.txt", b"", "leeg"),
        ("foto_mevrouw_Jansen.jpg", None, "mevrouw Jansen"),
    ],
)
def test_refused_files_change_nothing(
    engine: Engine, assessment_id: int, tmp_path: Path, name: str, data: bytes | None, expected: str
) -> None:
    path = write(tmp_path, name, jpeg() if data is None else data)
    with pytest.raises(Refused, match=expected) as caught:
        evidence.attach_file(engine, assessment_id, "A.01", path)
    assert name in str(caught.value)
    assert counts(engine) == (0, 0)


def test_size_limit_names_the_file(engine: Engine, assessment_id: int, tmp_path: Path) -> None:
    big = write(tmp_path, "groot.pdf", PDF + b"0" * (1024 * 1024 + 1))
    with pytest.raises(Refused, match=r"groot\.pdf.*1 MiB"):
        evidence.attach_file(engine, assessment_id, "A.01", big, max_mib=1)
    assert counts(engine) == (0, 0)
    evidence.attach_file(engine, assessment_id, "A.01", big, max_mib=2)
    assert counts(engine) == (1, 1)


def test_unknown_point_missing_file_and_closed_assessment(
    engine: Engine, assessment_id: int, tmp_path: Path
) -> None:
    path = write(tmp_path, "beleid.pdf", PDF)
    with pytest.raises(NotFound, match=r"Z\.99"):
        evidence.attach_file(engine, assessment_id, "Z.99", path)
    with pytest.raises(QauditError, match=r"weg\.pdf"):
        evidence.attach_file(engine, assessment_id, "A.01", tmp_path / "weg.pdf")
    with pytest.raises(NotFound):
        evidence.attach_file(engine, 99999, "A.01", path)
    from datetime import date

    from qaudit.services import visits

    visits.close_visit(engine, assessment_id, today=date(2026, 11, 20))
    with pytest.raises(Refused, match=r"locked|vast"):
        evidence.attach_file(engine, assessment_id, "A.01", path)
    assert counts(engine) == (0, 0)


def test_remove_keeps_shared_bytes_until_the_last_link(
    engine: Engine, assessment_id: int, tmp_path: Path
) -> None:
    photo = write(tmp_path, "keuken.jpg", jpeg())
    a = evidence.attach_file(engine, assessment_id, "A.01", photo)
    b = evidence.attach_file(engine, assessment_id, "A.02", photo)
    with transaction(engine) as session:
        evidence.remove(session, a.view.id)
    assert counts(engine) == (1, 1)
    with transaction(engine) as session:
        evidence.remove(session, b.view.id)
    assert counts(engine) == (0, 0)
    with transaction(engine) as session, pytest.raises(NotFound):
        evidence.remove(session, b.view.id)


def test_export_writes_one_folder_per_point(
    engine: Engine, assessment_id: int, tmp_path: Path
) -> None:
    photo = write(tmp_path, "keuken.jpg", jpeg())
    evidence.attach_file(engine, assessment_id, "A.01", photo)
    evidence.attach_file(engine, assessment_id, "B.02", write(tmp_path, "p.pdf", PDF))
    written = evidence.export(engine, assessment_id, tmp_path / "out")
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in written) == [
        "A.01/keuken.jpg",
        "B.02/p.pdf",
    ]
    assert (tmp_path / "out" / "A.01" / "keuken.jpg").read_bytes() == photo.read_bytes()


def test_open_with_a_configured_viewer(tmp_path: Path) -> None:
    target = write(tmp_path, "p.pdf", PDF)
    marker = tmp_path / "opened"
    script = write(tmp_path, "viewer.sh", f'#!/bin/sh\necho "$1" > {marker}\n'.encode())
    script.chmod(0o755)
    said = evidence.open_with_viewer(target, [str(script)])
    assert str(target) in said
    import time

    for _ in range(100):  # the viewer runs on its own; wait for it (not a timing assertion)
        if marker.exists() and marker.read_text().strip():
            break
        time.sleep(0.05)
    assert marker.read_text().strip() == str(target)
    missing = evidence.open_with_viewer(target, ["/nonexistent/viewer"])
    assert str(target) in missing and "viewer" in missing


def test_db_check_names_a_damaged_file(engine: Engine, assessment_id: int, tmp_path: Path) -> None:
    from sqlalchemy import text

    from qaudit.services.dbcheck import check_database

    evidence.attach_file(engine, assessment_id, "A.01", write(tmp_path, "keuken.jpg", jpeg()))
    assert check_database(engine) == []
    with engine.begin() as connection:
        connection.execute(text("UPDATE evidencefile SET content = :data"), {"data": b"kapot"})
    problems = check_database(engine)
    assert len(problems) == 1 and "keuken.jpg" in problems[0] and "A.01" in problems[0]
