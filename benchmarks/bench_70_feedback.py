"""Client-experience feedback: importing a year of responses, and its summary.

``feedback_import_6000_s``: a 6,000-row workbook (every column filled, 12 promises) checked
and written into an empty SQLite database; ``feedback_reimport_6000_s``: the same file again
(everything unchanged, nothing written); ``feedback_import_ratio``: the first against openpyxl
only reading the same cells; ``feedback_summary_6000_s``: the year's figures.
"""

from __future__ import annotations

import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook
from timing import median_seconds, rounded

TODAY = date(2026, 11, 28)


def _workbook(path: Path, rows: int) -> None:
    from qaudit.checklists import shipped_catalogue
    from qaudit.excel import feedback_layout as fl

    promises = [p.id for p in shipped_catalogue().promises.promises]
    book = Workbook()  # as Excel saves it: shared strings and a stated size
    sheet = book.active
    sheet.title = "Antwoorden"
    sheet.append([c.header for c in fl.COLUMNS] + promises + [fl.FREE_TEXT.header])
    rng = random.Random(12)
    for i in range(rows):
        day = date(2026, 1, 1) + timedelta(days=rng.randrange(320))
        scores = [rng.randint(1, 5) for _ in range(6)]
        answers = [rng.choice(("ja", "deels", "nee", "n.v.t.")) for _ in promises]
        group = rng.choice(("bewoner", "familie"))
        row = [f"R{i:05d}", day, "Noord", group, rng.randint(0, 10), *scores, *answers]
        sheet.append([*row, "Prettige sfeer op de afdeling"])
    book.save(path)


def figures(quick: bool) -> dict[str, float]:
    from qaudit.domain.clientvoice_rhythm import Period
    from qaudit.domain.models import Location, Organisation
    from qaudit.services.database import open_database
    from qaudit.services.voice_feedback import add_unit, import_feedback
    from qaudit.services.voice_summary import summary
    from qaudit.storage import transaction

    rows = 6000
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "feedback.xlsx"
        _workbook(book, rows)

        def fresh() -> tuple[object, int]:
            db = Path(folder) / f"db{random.random()}.db"
            engine = open_database(f"sqlite:///{db}")
            with transaction(engine) as session:
                org = Organisation(name="B")
                session.add(org)
                session.flush()
                loc = Location(organisation_id=org.id or 0, code="B1", name="B")
                session.add(loc)
                session.flush()
                location_id = loc.id or 0
            add_unit(engine, location_id, "Noord")
            return engine, location_id

        engine, location_id = fresh()
        first = median_seconds(lambda: import_feedback(engine, book, location_id, today=TODAY), 1)
        again = median_seconds(lambda: import_feedback(engine, book, location_id, today=TODAY), 1)
        bare = median_seconds(
            lambda: list(
                load_workbook(book, read_only=True)["Antwoorden"].iter_rows(values_only=True)
            ),
            1 if quick else 3,
        )
        year = median_seconds(lambda: summary(engine, location_id, Period(2026), today=TODAY), 3)
    return {
        "feedback_import_6000_s": rounded(first, 2),
        "feedback_reimport_6000_s": rounded(again, 2),
        "feedback_import_ratio": rounded(first / bare, 2),
        "feedback_summary_6000_s": rounded(year, 3),
    }
