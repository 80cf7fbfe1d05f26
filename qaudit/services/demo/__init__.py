"""A deterministic fictional cooperative for trying qaudit and for tests.

Twelve locations of six organisations, each at another point of the cycle: one at intake,
several in the middle of their self-evaluation, one whose basis was found insufficient,
and some that rolled out the promises with past visitations and Cirkel assessments.
All names are invented; there are no residents' names anywhere.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import Engine
from sqlmodel import select

from qaudit.checklists import Catalogue, shipped_catalogue
from qaudit.domain.enums import AssessmentStatus, Role
from qaudit.domain.models import (
    Assessment,
    Location,
    Membership,
    Organisation,
    Person,
    RoleAssignment,
)
from qaudit.domain.models._base import id_of
from qaudit.services import assessments, audit
from qaudit.services.demo.builder import Builder, cast_people
from qaudit.services.demo.cast import LOCATIONS, ORGANISATIONS, SEED
from qaudit.services.demo.clientvoice import add_client_voice
from qaudit.services.demo.network import add_network
from qaudit.services.demo.people_on_work import record_demo_people
from qaudit.services.demo.profiles import add_profiles
from qaudit.services.demo.stages import STAGES
from qaudit.services.demo.visit_content import add_visit_content
from qaudit.storage import transaction

__all__ = ["build_demo"]


def build_demo(
    engine: Engine, catalogue: Catalogue | None = None, today: date | None = None
) -> bool:
    """Fill an empty database with the demo cooperative; False if it already has data.

    The same ``today`` gives the same data (a fixed seed); it defaults to the real today,
    so upcoming and overdue events look right whenever the demo is written.
    """
    with transaction(engine) as session:
        if session.exec(select(Organisation)).first() is not None:
            return False
        builder = Builder(
            session, catalogue or shipped_catalogue(), random.Random(SEED), today or date.today()
        )
        _populate(builder)
        session.flush()
        closed = select(Assessment).where(Assessment.status == AssessmentStatus.CLOSED)
        for assessment in session.exec(closed):
            assessments.record_verdict(session, assessment)
        record_demo_people(session)  # who did the work: assessments and cycle steps
        audit.log(session, "demo", "database", None, "qaudit-demo")
    return True


def _populate(b: Builder) -> None:
    orgs = [Organisation(name=n, city=c, region=r) for n, c, r in ORGANISATIONS]
    b.session.add_all(orgs)
    b.session.flush()
    people = cast_people(b, orgs)
    for number, (code, name, org_index, city, stage) in enumerate(LOCATIONS, start=1):
        org = orgs[org_index]
        location = Location(
            organisation_id=id_of(org),
            code=code,
            name=name,
            city=city,
            region=org.region,
            residents=40 + 7 * number,
            staff=55 + 9 * number,
        )
        b.session.add(location)
        b.session.flush()
        contact = Person(
            name=f"Contactpersoon {code}",
            email=f"kwaliteit.{code.lower()}@example.nl",
            organisation_id=id_of(org),
        )
        b.session.add(contact)
        b.session.flush()
        b.session.add(
            RoleAssignment(
                person_id=id_of(contact), role=Role.LOCATION_CONTACT, location_id=id_of(location)
            )
        )
        STAGES[stage](b, location, people)
    add_client_voice(b.session, b.today)  # issue 12: feedback, complaints, actions, evaluations
    add_profiles(b)  # issue 17: location profiles
    add_visit_content(b, people)
    memberships = {
        index for _c, _n, index, _city, stage in LOCATIONS if stage not in ("intake", "mt_later")
    }
    for index in sorted(memberships):
        b.session.add(
            Membership(
                organisation_id=id_of(orgs[index]),
                member_number=f"K@-{101 + index}",
                start_date=date(2021 + index % 3, 1 + index, 1),
            )
        )
    add_network(b)
