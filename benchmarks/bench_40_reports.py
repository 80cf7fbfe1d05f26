"""Report figures: the full Basis op orde report against python-docx alone, and a batch of 100.

- ``report_basis_s``: one audit report of the demo's insufficient location (every point of
  the Basis op orde in the appendix, chart, all sections), written by ``write_report``;
- ``docx_table_250_s``: python-docx alone writing a document with the same 250-row table
  (point, description, self-evaluation, audit, note), in the same run;
- ``report_basis_ratio``: the first over the second (the aim: at most 2);
- ``report_batch_1_s`` / ``_10_s`` / ``_100_s``: one ``qaudit report basis-op-orde`` command
  writing that many audit reports (fresh interpreter, start-up included);
- ``report_batch_per_report_s``: the time each further report adds, from 10 to 100;
- ``report_batch_growth``: that cost per report from 10 to 100 over the cost per report from
  1 to 10 (1.0 is linear growth; above 1 each report gets slower as the batch grows).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from timing import median_seconds, rounded

ROWS = 250
BATCH = (1, 10, 100)


def figures(quick: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="qaudit-bench-reports-") as scratch:
        folder = Path(scratch)
        url, audit = _database(folder / "bench.db")
        repeat = 3 if quick else 9
        report_s, table_s = _single(url, audit, folder, repeat)
        batch = _batches(url, folder, 1 if quick else 3)
    per_report = (batch[100] - batch[10]) / 90
    first = (batch[10] - batch[1]) / 9
    return {
        "report_basis_s": rounded(report_s),
        "docx_table_250_s": rounded(table_s),
        "report_basis_ratio": rounded(report_s / table_s, 2),
        "report_batch_1_s": rounded(batch[1], 3),
        "report_batch_10_s": rounded(batch[10], 3),
        "report_batch_100_s": rounded(batch[100], 3),
        "report_batch_per_report_s": rounded(per_report),
        "report_batch_growth": rounded(per_report / first, 2) if first > 0 else 0.0,
    }


def _database(path: Path) -> tuple[str, int]:
    """The demo cooperative plus copies of its insufficient audit, up to 100 audits in all."""
    from qaudit.domain.enums import AssessmentKind
    from qaudit.domain.verdict import Outcome
    from qaudit.services import assessments
    from qaudit.services.database import open_database
    from qaudit.services.demo import build_demo
    from qaudit.storage import transaction

    url = f"sqlite:///{path}"
    engine = open_database(url)
    build_demo(engine)
    with transaction(engine) as session:
        from sqlmodel import select

        from qaudit.domain.models import Assessment

        audits = session.exec(
            select(Assessment).where(Assessment.kind == AssessmentKind.AUDIT_VISIT)
        ).all()
        insufficient = next(
            a for a in audits if assessments.verdict_of(session, a).outcome is Outcome.INSUFFICIENT
        )
        assert insufficient.id is not None
        _clone(session, insufficient.id, max(BATCH) - len(audits))
    engine.dispose()
    return url, insufficient.id


def _clone(session: object, assessment_id: int, copies: int) -> None:
    from sqlalchemy import text

    columns = (
        "location_id, kind, checklist_version_id, status, started_on, closed_at, "
        "lead_person_id, reference_assessment_id, summary, quality_advice"
    )
    for _ in range(copies):
        new_id = session.execute(  # type: ignore[attr-defined]
            text(
                f"INSERT INTO assessment ({columns}) SELECT {columns} FROM assessment "
                "WHERE id = :id RETURNING id"
            ),
            {"id": assessment_id},
        ).scalar_one()
        session.execute(  # type: ignore[attr-defined]
            text(
                "INSERT INTO answer (assessment_id, point_id, result, note, evidence, "
                "answered_at) SELECT :new, point_id, result, note, evidence, answered_at "
                "FROM answer WHERE assessment_id = :id"
            ),
            {"new": new_id, "id": assessment_id},
        )
        session.execute(  # type: ignore[attr-defined]
            text(
                'INSERT INTO interview (assessment_id, "group", participants, held_on, notes) '
                'SELECT :new, "group", participants, held_on, notes FROM interview '
                "WHERE assessment_id = :id"
            ),
            {"new": new_id, "id": assessment_id},
        )


def _single(url: str, audit: int, folder: Path, repeat: int) -> tuple[float, float]:
    from qaudit.services.database import open_database
    from qaudit.services.reports import write_report

    engine = open_database(url)
    out = folder / "single.docx"
    write_report(engine, "basis-op-orde", audit, out)  # warm: imports, caches
    rows = _table_rows(engine, audit)
    _plain_table(rows)
    report_times, table_times = [], []
    for _ in range(repeat):  # interleaved, so both see the same machine load
        report_times.append(
            median_seconds(lambda: write_report(engine, "basis-op-orde", audit, out), 1)
        )
        table_times.append(median_seconds(lambda: _plain_table(rows), 1))
    engine.dispose()
    return statistics.median(report_times), statistics.median(table_times)


def _table_rows(engine: object, audit: int) -> list[tuple[str, str, str, str, str]]:
    from qaudit.services import assessments
    from qaudit.storage import transaction

    with transaction(engine) as session:  # type: ignore[arg-type]
        assessment = assessments.get(session, audit)
        spec, _results = assessments.spec_and_results(session, assessment)
        answers = assessments.answers(session, audit)
    rows = []
    for point in spec.points[:ROWS]:
        answer = answers.get(point.id)
        result = answer.result.label if answer else ""
        rows.append((point.id, point.text, result, result, answer.note if answer else ""))
    return rows


def _plain_table(rows: list[tuple[str, str, str, str, str]]) -> bytes:
    """What python-docx alone needs: a heading and one table with a row per point."""
    from docx import Document

    document = Document()
    document.add_heading("Bijlage: alle meetpunten", 1)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, title in zip(
        table.rows[0].cells,
        ("Meetpunt", "Omschrijving", "Zelfevaluatie", "Audit", "Toelichting"),
        strict=True,
    ):
        cell.text = title
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _batches(url: str, folder: Path, repeat: int) -> dict[int, float]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        ids = [
            str(i)
            for i in connection.execute(
                text("SELECT id FROM assessment WHERE kind = 'audit_visit' ORDER BY id")
            ).scalars()
        ]
    engine.dispose()
    result = {}
    for count in BATCH:
        args = [arg for i in ids[:count] for arg in ("--assessment", i)]
        times = []
        for attempt in range(repeat):
            command = [
                sys.executable,
                "-m",
                "qaudit",
                "--database",
                url,
                "report",
                "basis-op-orde",
                *args,
                "--out-dir",
                str(folder / f"batch-{count}-{attempt}"),
            ]
            start = time.perf_counter()
            subprocess.run(
                command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            times.append(time.perf_counter() - start)
        result[count] = statistics.median(times)
    return result
