"""Two writers and a closer on one assessment, each in its own process.

Writer "result" answers points, writer "note" writes notes on the same points and answers
some too, each save based on the version it just read (a conflict, when the other changed
that field in between, is counted and the writer goes on); a third process
closes the assessment meanwhile. Afterwards :func:`judge` counts what went wrong: saves
that were accepted but are not in the database (lost updates), saves accepted after the
close returned (answers after close), exceptions, and whether the recorded verdict is the
one of the stored answers; :func:`db_check` runs ``qaudit db check`` afterwards. Used by
tests/answering/test_race.py and benchmarks/bench_70_concurrency.py.

    python -m tests.answering.race result|note|closer   (then "go URL ID SEED|DELAY" lines)
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ("voldoet", "voldoet_deels", "voldoet_niet", "nvt")


def new_assessment(url: str) -> int:
    """A fresh open self-evaluation (the shipped checklist) to race on."""
    from sqlmodel import select

    from qaudit.domain.enums import AssessmentKind
    from qaudit.domain.models import Location, Organisation
    from qaudit.services import assessments
    from qaudit.storage import make_engine, transaction

    engine = make_engine(url)
    with transaction(engine) as session:
        org = session.exec(select(Organisation).where(Organisation.name == "Race")).first()
        if org is None:
            org = Organisation(name="Race")
            session.add(org)
            session.flush()
        location = Location(organisation_id=org.id, code=f"R{time.time_ns() % 10**8}", name="Race")
        session.add(location)
        session.flush()
        assert location.id is not None
        made = assessments.start(
            session, location.id, AssessmentKind.SELF_EVALUATION, started_on=date(2026, 11, 2)
        )
        assert made.id is not None
        assessment_id = made.id
    engine.dispose()
    return assessment_id


def writer(engine: Engine, assessment_id: int, field_name: str, seed: int) -> dict[str, Any]:
    from sqlmodel import select

    from qaudit.domain.enums import Result
    from qaudit.domain.models import Answer
    from qaudit.errors import Refused
    from qaudit.services import answering, assessments, checklists
    from qaudit.services.answering import AnswerConflict, AnswerField
    from qaudit.storage import transaction

    own = AnswerField(field_name)
    with transaction(engine) as session:
        spec = checklists.spec_of_assessment(session, assessments.get(session, assessment_id))
    points = [p.id for p in spec.points][:12]  # few: the writers meet on the same points
    rng = random.Random(seed)
    accepted: list[list[Any]] = []
    out: dict[str, Any] = {"conflicts": 0, "errors": [], "refused": False}
    deadline = time.monotonic() + 60
    for number in range(100_000):
        if time.monotonic() > deadline:
            out["errors"].append("the assessment was never closed")
            break
        time.sleep(0.002)  # the fastest typist is a hundred times slower
        point = rng.choice(points)
        # The note writer answers now and then too: both then change one field, and a save
        # based on what it read a moment ago meets the other's newer answer (a conflict).
        field = AnswerField.RESULT if rng.random() < 0.3 else own
        value: Result | str = (
            Result(rng.choice(RESULTS)) if field is AnswerField.RESULT else f"n{seed}-{number}"
        )
        started = time.monotonic()
        try:
            with transaction(engine) as session:
                seen = session.exec(
                    select(Answer.version).where(
                        Answer.assessment_id == assessment_id, Answer.point_id == point
                    )
                ).first()
            saved = answering.save(
                engine, assessment_id, point, field, value, based_on=seen or 0, actor=field_name
            )
        except AnswerConflict:
            out["conflicts"] += 1
            continue
        except Refused:
            out["refused"] = True
            break
        except Exception as exc:  # counted: the race must have none
            out["errors"].append(repr(exc))
            break
        if saved.changed:
            accepted.append(
                [point, field.value, _text(value), saved.version, started, time.monotonic()]
            )
    out["accepted"] = accepted
    return out


def closer(engine: Engine, assessment_id: int, delay: float) -> dict[str, Any]:
    from qaudit.services import assessments

    time.sleep(delay)
    out: dict[str, Any] = {"errors": []}
    out["started"] = time.monotonic()
    try:
        assessments.close(engine, assessment_id, actor="closer")
    except Exception as exc:  # counted: the race must have none
        out["errors"].append(repr(exc))
    out["returned"] = time.monotonic()
    return out


@dataclass(frozen=True)
class Outcome:
    lost_updates: int
    answers_after_close: int
    exceptions: int
    verdict_matches: bool
    accepted: int
    conflicts: int


class Race:
    """The three processes, started once and given one assessment per trial."""

    def __init__(self, url: str) -> None:
        self.url = url
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.procs = [
            subprocess.Popen(
                [sys.executable, "-m", "tests.answering.race", role],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                env=env,
            )
            for role in ("result", "note", "closer")
        ]
        for proc in self.procs:
            self._line(proc)  # "ready"

    def _line(self, proc: subprocess.Popen[str]) -> str:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line:
            assert proc.stderr is not None
            raise AssertionError(f"race process died: {proc.stderr.read()}")
        return line

    def trial(self, delay: float, seed: int, url: str | None = None) -> Outcome:
        """One race on a new assessment: the writers start, the closer after ``delay``.

        ``url``: another database than the one the race was made for (same processes).
        """
        url = url or self.url
        assessment_id = new_assessment(url)
        orders = (f"{seed}", f"{seed + 1}", f"{delay}")
        for proc, order in zip(self.procs, orders, strict=True):
            assert proc.stdin is not None
            proc.stdin.write(f"go {url} {assessment_id} {order}\n")
            proc.stdin.flush()
        reports = [json.loads(self._line(proc)) for proc in self.procs]
        return judge(url, assessment_id, reports[:2], reports[2])

    def close(self) -> None:
        for proc in self.procs:
            assert proc.stdin is not None
            proc.stdin.write("quit\n")
            proc.stdin.close()
        for proc in self.procs:
            proc.wait(timeout=60)

    def __enter__(self) -> Race:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def judge(
    url: str, assessment_id: int, writers: list[dict[str, Any]], close: dict[str, Any]
) -> Outcome:
    from sqlmodel import select

    from qaudit.domain.models import AuditLog
    from qaudit.services import assessments
    from qaudit.storage import make_engine, transaction

    engine = make_engine(url)
    with transaction(engine) as session:
        assessment = assessments.get(session, assessment_id)
        rows = assessments.answers(session, assessment_id)
        judged = assessments.verdict_of(session, assessment)
        matches = (
            assessment.outcome is judged.outcome
            and assessment.score_percent == judged.score.overall.percent
        )
        logged = session.exec(
            select(AuditLog.id, AuditLog.action)
            .where(AuditLog.entity_id == assessment_id, AuditLog.entity == "assessment")
            .order_by(AuditLog.id)
        ).all()
    engine.dispose()
    lost = 0
    versions: set[tuple[str, int]] = set()
    last: dict[tuple[str, str], tuple[int, str]] = {}
    for point, field, value, version, _started, _ended in (
        entry for report in writers for entry in report["accepted"]
    ):
        if (point, version) in versions:
            lost += 1  # two accepted saves cannot both have made the same version
        versions.add((point, version))
        if version > last.get((point, field), (0, ""))[0]:
            last[(point, field)] = (version, value)
    for (point, field), (_version, value) in last.items():
        stored = rows.get(point)
        if stored is None or _text(getattr(stored, field)) != value:
            lost += 1  # the newest accepted save of this field is not what is stored
    close_ids = [entry_id for entry_id, action in logged if action == "close"]
    after = sum(
        1
        for entry_id, action in logged
        if action != "close" and close_ids and entry_id > close_ids[0]
    )
    after += sum(
        1 for report in writers for entry in report["accepted"] if entry[4] > close["returned"]
    )
    exceptions = len(close["errors"]) + sum(len(r["errors"]) for r in writers)
    exceptions += sum(1 for r in writers if not r["refused"])  # each must end at the close
    return Outcome(
        lost,
        after,
        exceptions,
        matches,
        sum(len(r["accepted"]) for r in writers),
        sum(r["conflicts"] for r in writers),
    )


def db_check(url: str) -> subprocess.CompletedProcess[str]:
    """``qaudit db check`` on ``url`` through the command line, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "qaudit", "--database", url, "db", "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=300,
    )


def _text(value: Any) -> str:
    return str(getattr(value, "value", value))


def main(argv: list[str]) -> None:
    from qaudit.storage import make_engine

    role = argv[0]
    engines: dict[str, Engine] = {}
    print("ready", flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] != "go":
            break
        url, assessment_id = words[1], int(words[2])
        engine = engines.get(url) or engines.setdefault(url, make_engine(url))
        if role == "closer":
            report = closer(engine, assessment_id, float(words[3]))
        else:
            report = writer(engine, assessment_id, role, int(words[3]))
        print(json.dumps(report), flush=True)
    for engine in engines.values():
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
