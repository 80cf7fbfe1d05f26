"""Demo data for issue 17: a location profile for every demo location (deterministic)."""

from __future__ import annotations

from sqlmodel import col, select

from qaudit.domain.models import Location
from qaudit.domain.models.profile import LocationProfile
from qaudit.services.demo.builder import Builder


def add_profiles(b: Builder) -> None:
    """Every third location has behandeling; pg units and Wzd accommodation alternate.

    Written as rows (no answers change: the demo's assessments are on 2026.1, whose points
    do not depend on the profile).
    """
    locations = b.session.exec(select(Location).order_by(col(Location.id))).all()
    for number, location in enumerate(locations):
        assert location.id is not None
        b.session.add(
            LocationProfile(
                location_id=location.id,
                behandeling=number % 3 == 0,
                psychogeriatric=number % 2 == 0,
                wzd_accommodation=number % 4 == 0,
                verblijf=True,
                care_providers=location.staff,
                places=location.residents,
            )
        )
