"""A small network on the shipped checklists: locations, visits with strengths and tips."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from qaudit.domain.enums import AssessmentKind, FindingKind
from qaudit.domain.models import Finding, Location, Organisation, Recommendation
from qaudit.domain.models._base import id_of
from qaudit.services import assessments
from qaudit.storage import transaction


@dataclass(frozen=True)
class Net:
    engine: Engine
    locations: dict[str, int]
    """code -> id"""


def build_net(engine: Engine) -> Net:
    with transaction(engine) as s:
        org = Organisation(name="Zorggroep Netwerk", region="Midden")
        other = Organisation(name="Stichting Ander", region="Oost")
        s.add_all([org, other])
        s.flush()
        locs = {}
        for code, owner in (("N01", org), ("N02", org), ("N03", other)):
            loc = Location(organisation_id=id_of(owner), code=code, name=f"Huize {code}")
            s.add(loc)
            s.flush()
            locs[code] = id_of(loc)
        visit = assessments.start(
            s, locs["N01"], AssessmentKind.VISITATION, started_on=date(2026, 4, 2)
        )
        audit_visit = assessments.start(
            s, locs["N03"], AssessmentKind.AUDIT_VISIT, started_on=date(2025, 6, 1)
        )
        strength = Finding(
            assessment_id=id_of(visit),
            kind=FindingKind.STRENGTH,
            text="Bewoners kiezen zelf hun dagritme; het team werkt met een ritmekaart.",
            point_ids=["KB03.1"],
        )
        weak = Finding(
            assessment_id=id_of(visit),
            kind=FindingKind.IMPROVEMENT,
            text="Het zorgleefplan wordt niet altijd samen besproken.",
            point_ids=["KB01.1"],
        )
        basis_strength = Finding(
            assessment_id=id_of(audit_visit),
            kind=FindingKind.STRENGTH,
            text="Medicatieveiligheid: dubbele controle is geborgd.",
            point_ids=["T05.01"],
        )
        s.add_all([strength, weak, basis_strength])
        s.flush()
        s.add(
            Recommendation(
                assessment_id=id_of(visit),
                finding_id=id_of(weak),
                text="Tip: nodig de naaste uit met een vaste gesprekskaart.",
            )
        )
        return Net(engine, locs)
