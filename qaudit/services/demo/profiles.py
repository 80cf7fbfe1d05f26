"""Demo data for issue 17: location profiles for the two locations still before the audit.

Only L01 (intake) and L02 (board decision pending) get one: they have no assessments yet,
so no demo answer changes, and a new assessment elsewhere starts empty as before. L01 is a
small woonzorg location where the huisarts treats; L02 provides behandeling and is a Wzd
accommodation with psychogeriatric units.
"""

from __future__ import annotations

from sqlmodel import select

from qaudit.domain.models import Location
from qaudit.domain.models.profile import LocationProfile
from qaudit.services.demo.builder import Builder

PROFILES = {  # code: (behandeling, psychogeriatric units, Wzd accommodation)
    "L01": (False, False, False),
    "L02": (True, True, True),
}


def add_profiles(b: Builder) -> None:
    for code, (behandeling, psychogeriatric, wzd) in PROFILES.items():
        location = b.session.exec(select(Location).where(Location.code == code)).one()
        assert location.id is not None
        b.session.add(
            LocationProfile(
                location_id=location.id,
                behandeling=behandeling,
                psychogeriatric=psychogeriatric,
                wzd_accommodation=wzd,
                verblijf=True,
                care_providers=location.staff,
                places=location.residents,
            )
        )
