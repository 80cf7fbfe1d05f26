"""Access figures: the pure scope rules at scale, and what row-level security costs PostgreSQL.

``access_scope_2500_s``: a board login's scope over 2,500 locations with 10,000 assessments
(domain/access.py, pure). With ``QAUDIT_TEST_POSTGRES_URL`` set, also ``rls_answers_ratio``:
counting the answers of the demo as a location contact's login (row-level security applies)
against the tables' owner (it bypasses it), on the same server in the same run.
"""

from __future__ import annotations

import os
import uuid
from datetime import date

from timing import median_seconds, rounded


def _scope_figure(quick: bool) -> float:
    from qaudit.domain.access import AccessRole, AssessmentFacts, Facts, Grant, scope_of

    facts = Facts(
        organisation_of={loc: loc % 250 for loc in range(2500)},
        assessments=tuple(
            AssessmentFacts(
                i,
                i // 4,
                ("self_evaluation", "audit_visit", "visitation", "cirkel")[i % 4],
                date(2027, 1, 1),
                False,
            )
            for i in range(10_000)
        ),
    )
    grants = [
        Grant(AccessRole.BOARD, organisation_id=7),
        Grant(AccessRole.AUDITOR, assessment_id=99),
    ]
    return median_seconds(lambda: scope_of(grants, facts, date(2027, 5, 1)), 3 if quick else 9)


def _rls_ratio(url: str, quick: bool) -> float:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from qaudit.cli import main
    from qaudit.storage import make_engine

    schema, login = f"qaudit_bench_{uuid.uuid4().hex[:8]}", f"qa_bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    owner_url = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    user = make_url(url).set(username=login).render_as_string(hide_password=False)
    login_url = f"{user}{'&' if '?' in user else '?'}options=-csearch_path%3D{schema}"
    try:
        for argv in (
            ["demo", "--create-only"],
            ["user", "add", login, "--person", "1"],
            ["access", "grant", login, "location-contact", "--location", "9"],
        ):
            assert main(["--database", owner_url, *argv]) == 0
        times = []
        count = text("SELECT count(*) FROM answer")
        for target in (owner_url, login_url):
            engine = make_engine(target)
            with engine.connect() as connection:
                times.append(
                    median_seconds(
                        lambda c=connection: c.execute(count).scalar(), 5 if quick else 25
                    )
                )
            engine.dispose()
        return times[1] / times[0]
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        admin.dispose()


def figures(quick: bool) -> dict[str, float]:
    found = {"access_scope_2500_s": rounded(_scope_figure(quick))}
    url = os.environ.get("QAUDIT_TEST_POSTGRES_URL", "")
    if url:
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):
            found["rls_answers_ratio"] = rounded(_rls_ratio(url, quick), 2)
    return found
