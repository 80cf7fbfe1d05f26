"""The fictional cooperative: organisations, locations and people. All names are invented."""

from __future__ import annotations

from qaudit.domain.enums import Role

SEED = 20261001

ORGANISATIONS = [
    ("Zorggroep De Linde", "Utrecht", "Midden"),
    ("Stichting Het Baken", "Zwolle", "Oost"),
    ("Woonzorg Rivierenland", "Tiel", "Midden"),
    ("Zorgcentrum De Wieken", "Leeuwarden", "Noord"),
    ("Stichting Oosterheem", "Enschede", "Oost"),
    ("Zorggroep Kustlicht", "Middelburg", "Zuid"),
]

# (code, name, organisation index, city, stage)
LOCATIONS = [
    ("L01", "Huize Lindenhof", 0, "Utrecht", "intake"),
    ("L02", "De Notenbalk", 0, "Zeist", "mt_later"),
    ("L03", "Het Baken Centrum", 1, "Zwolle", "self_eval_early"),
    ("L04", "De Vaart", 1, "Kampen", "self_eval_mid"),
    ("L05", "Rivierzicht", 2, "Tiel", "self_eval_late"),
    ("L06", "De Molenhoek", 3, "Leeuwarden", "insufficient"),
    ("L07", "Wiekslag", 3, "Sneek", "rollout"),
    ("L08", "Oosterheem Es", 4, "Enschede", "rolled_out"),
    ("L09", "Het Hofje", 4, "Hengelo", "visited"),
    ("L10", "Duinroos", 5, "Vlissingen", "cirkeled"),
    ("L11", "Zeezicht", 5, "Middelburg", "cirkeled"),
    ("L12", "Kastanjehof", 2, "Culemborg", "visited"),
]

PEOPLE = [
    # (name, role, organisation index or None)
    ("Anouk Verbeek", Role.AUDITOR, None),
    ("Jeroen Smit", Role.AUDITOR, None),
    ("Fatima El Amrani", Role.AUDITOR, None),
    ("Marloes de Groot", Role.COOPERATIVE_STAFF, None),
    ("Pieter Hoekstra", Role.ASSESSOR, None),
    ("Ingrid Bakker", Role.ASSESSOR, None),
    ("Sander Mulder", Role.ASSESSOR, None),
    ("Monique van Dijk", Role.ASSESSOR, None),
    ("Karim Bouzid", Role.ASSESSOR, None),
    ("Lotte Brouwer", Role.ASSESSOR, None),
    ("Esther Visser", Role.PEER_VISITOR, 1),
    ("Rob Jansen", Role.PEER_VISITOR, 3),
    ("Yvonne Dekker", Role.PEER_VISITOR, 4),
    ("Hans Kok", Role.PEER_VISITOR, 5),
]

QUALITY = {  # share of points compliant, partly, not compliant, n.v.t.
    "good": (0.86, 0.09, 0.02, 0.03),
    "fair": (0.72, 0.17, 0.08, 0.03),
    "weak": (0.55, 0.2, 0.22, 0.03),
}
