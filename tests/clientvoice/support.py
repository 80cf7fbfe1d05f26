"""Helpers for the client's voice tests: a location with units, a filled-in workbook."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import Engine

from qaudit.domain.models import Location, Organisation
from qaudit.services.voice_feedback import add_unit, write_feedback_template
from qaudit.storage import transaction

TODAY = date(2026, 11, 28)

# ref, date, unit, group, recommend, the six parameters, KB01, KB02, comment
ROWS: list[tuple[object, ...]] = [
    ("R01", date(2026, 1, 10), "Noord", "bewoner", 10, 5, 4, 5, 4, 3, 5, "ja", "ja", None),
    ("R02", date(2026, 1, 15), "Noord", "familie", 9, 4, 4, 4, 4, 3, 5, "ja", "deels", None),
    ("R03", date(2026, 2, 1), "Noord", "bewoner", 8, 4, 3, 4, 4, 4, 4, "deels", "nvt",
     "Fijne activiteiten"),
    ("R04", date(2026, 2, 20), "Zuid", "bewoner", 6, 3, 3, 2, 3, 2, 4, "nee", "nee", None),
    ("R05", "3-3-2026", "zuid", "vertegenwoordiger", 10, 5, 5, 5, 5, 4, 5, "ja", "ja", None),
    ("R06", date(2026, 4, 11), "Zuid", "familie", 7, 4, 4, 3, 4, 3, 4, "ja", None, None),
    ("R07", date(2026, 5, 5), "Noord", "bewoner", 3, 2, 2, 2, 3, 2, 3, "nee", "nee",
     "Te weinig personeel"),
    ("R08", "2026-06-30", "Noord", "familie", 9, 5, 4, 4, 5, 4, 5, "ja", "ja", None),
    ("R09", date(2026, 7, 14), "Zuid", "bewoner", 10, None, 4, 4, 4, 4, 5, "n.v.t.", "ja", None),
    ("R10", date(2026, 8, 1), "Zuid", "familie", 0, 1, 1, 1, 2, 1, 2, "nee", "Nee", None),
]  # fmt: skip


def location_with_units(engine: Engine, code: str = "ZN1") -> int:
    with transaction(engine) as session:
        org = Organisation(name=f"Zorg {code}")
        session.add(org)
        session.flush()
        location = Location(organisation_id=org.id or 0, code=code, name="De Linde")
        session.add(location)
        session.flush()
        location_id = location.id or 0
    for name in ("Noord", "Zuid"):
        add_unit(engine, location_id, name)
    return location_id


def filled_workbook(
    engine: Engine,
    location_id: int,
    out: Path,
    rows: Sequence[tuple[object, ...]] = ROWS,
    sheet_name: str = "Antwoorden",
) -> Path:
    """The product's own template, filled in as a location would (promises KB01 and KB02)."""
    write_feedback_template(engine, out, location_id)
    workbook = openpyxl.load_workbook(out)
    sheet = workbook[sheet_name]
    for number, row in enumerate(rows, start=2):
        *fields, kb01, kb02, comment = row
        for column, value in enumerate(fields, start=1):
            sheet.cell(number, column, value)
        sheet.cell(number, 12, kb01)
        sheet.cell(number, 13, kb02)
        sheet.cell(number, 24, comment)
    workbook.save(out)
    return out
