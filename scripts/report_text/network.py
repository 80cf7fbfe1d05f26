"""The spiegel report (a location among its anonymous peers) and the netwerk report (staff)."""

from __future__ import annotations

from docx_builder import Builder

COMPARE_HEADERS = [
    ("Onderdeel", "Item"),
    ("Deze locatie", "This location"),
    ("Alle leden", "All members"),
    ("Zelfde grootte", "Same size"),
    ("Zelfde regio", "Same region"),
]
COMPARE_CELLS = ["{{ r.label }}", "{{ r.own }}", "{{ r.all }}", "{{ r.size }}", "{{ r.region }}"]
COMPARE_WIDTHS = [5, 2.2, 5, 5, 5]


def _compare(b: Builder, loop: str) -> None:
    b.table(COMPARE_HEADERS, f"r in {loop}", COMPARE_CELLS, COMPARE_WIDTHS)


def spiegel(b: Builder) -> None:
    b.title(
        ("Spiegelrapport {{ location.name }}", "Mirror report {{ location.name }}"),
        (
            "{{ organisation.name }} · stand {{ year }} · {{ report_date }}",
            "{{ organisation.name }} · as of {{ year }} · {{ report_date }}",
        ),
    )
    b.para(
        (
            "Dit rapport laat zien waar {{ location.name }} staat tussen de {{ members }} "
            "lid-locaties van de coöperatie, en tussen locaties van dezelfde grootte "
            "({{ size_class }}) en uit dezelfde regio ({{ region }}). Andere locaties en "
            "organisaties worden nooit genoemd: u ziet alleen de mediaan, het eerste en derde "
            "kwartiel en uw eigen waarde. Een groep van minder dan {{ min_group }} locaties "
            "wordt niet getoond.",
            "This report shows where {{ location.name }} stands among the {{ members }} "
            "member locations of the cooperative, and among locations of the same size "
            "({{ size_class }}) and from the same region ({{ region }}). Other locations and "
            "organisations are never named: you only see the median, the first and third "
            "quartile and your own value. A group of fewer than {{ min_group }} locations is "
            "not shown.",
        )
    )
    b.heading(("Basis op orde per thema", "Basis op orde per theme"))
    b.tag("{%p if has_basis %}")
    b.para("{{ basis_chart }}")
    _compare(b, "basis")
    b.tag("{%p else %}")
    b.para(("Nog geen scores.", "No scores yet."), italic=True)
    b.tag("{%p endif %}")
    b.heading(("Oordelen, Cirkel en visitatie", "Verdicts, Cirkel and visitation"))
    _compare(b, "outcomes")
    b.heading(("Beleving van de klantbeloften", "Perception of the client promises"))
    b.tag("{%p if has_promises %}")
    b.para("{{ promise_chart }}")
    _compare(b, "promises")
    b.tag("{%p else %}")
    b.para(("Nog geen visitatie of Cirkel.", "No visitation or Cirkel yet."), italic=True)
    b.tag("{%p endif %}")
    b.tag("{%p if has_client %}")
    b.heading(("Cliëntervaring", "Client experience"))
    _compare(b, "client")
    b.tag("{%p endif %}")
    b.heading(("Ontwikkeling door de jaren", "Trends over the years"))
    b.para("{{ trend_chart }}")
    b.table(
        [
            ("Jaar", "Year"),
            ("Basis op orde", "Basis op orde"),
            ("Oordelen op orde", "Verdicts in order"),
            ("Cirkel", "Cirkel"),
            ("Visitatie", "Visitation"),
        ],
        "t in trends",
        [
            "{{ t.year }}",
            "{{ t.basis }}",
            "{{ t.verdict }}",
            "{{ t.cirkel }}",
            "{{ t.visitation }}",
        ],
        [2, 4, 4, 4, 4],
    )
    b.para(
        (
            "Per jaar: de eigen waarde / de mediaan van alle leden.",
            "Per year: the own value / the median of all members.",
        ),
        italic=True,
    )
    b.heading(("Eerdere oordelen", "Earlier verdicts"), 2)
    b.bullets(
        "d in verdicts",
        "{{ d.year }}: {{ d.label }}",
        ("Nog geen oordeel.", "No verdict yet."),
    )
    b.heading(("Zo is gerekend", "How this was calculated"), 2)
    b.para(
        (
            "Per onderdeel telt de meest recente waarde van elke lid-locatie uit het jaar "
            "{{ year }} of de twee jaren ervoor. Kwartielen zijn berekend door lineaire "
            "interpolatie tussen de gesorteerde waarden (de 'inclusieve' methode, als "
            "KWARTIEL.INC in Excel). De positie is het percentage locaties met een lagere waarde, "
            "plus de helft van de locaties met dezelfde waarde.",
            "Per item the most recent value of each member location from {{ year }} or the two "
            "years before counts. Quartiles are computed by linear interpolation between the "
            "sorted values (the 'inclusive' method, as QUARTILE.INC in Excel). The position is "
            "the percentage of locations with a lower value, plus half of those with the same "
            "value.",
        )
    )


def netwerk(b: Builder) -> None:
    b.title(
        ("Lerend netwerk", "Learning network"),
        (
            "Stand {{ year }} · {{ report_date }} · voor medewerkers van de coöperatie",
            "As of {{ year }} · {{ report_date }} · for the cooperative's staff",
        ),
    )
    b.facts(
        [
            (("Lid-locaties", "Member locations"), "{{ members }}"),
            (
                ("Netwerkbijeenkomsten", "Network meetings"),
                (
                    "{{ counts.meetings }}, met samen {{ counts.attendees }} deelnemers",
                    "{{ counts.meetings }}, with {{ counts.attendees }} participants together",
                ),
            ),
            (
                ("Gedeelde goede praktijken", "Good practices shared"),
                (
                    "{{ counts.practices }}, waarvan {{ counts.spread }} op een bijeenkomst",
                    "{{ counts.practices }}, {{ counts.spread }} of them at a meeting",
                ),
            ),
        ]
    )
    b.heading(("Verdeling per thema", "Distribution per theme"))
    b.para("{{ themes_chart }}")
    _distribution(b, "themes")
    b.heading(("Verdeling per klantbelofte", "Distribution per client promise"))
    b.para("{{ promises_chart }}")
    _distribution(b, "promises")
    b.heading(("Beweging door de jaren", "Movement over the years"))
    b.para("{{ movement_chart }}")
    b.table(
        [
            ("Jaar", "Year"),
            ("Basis op orde", "Basis op orde"),
            ("Oordelen op orde", "Verdicts in order"),
            ("Cirkel", "Cirkel"),
            ("Visitatie", "Visitation"),
        ],
        "m in movement",
        [
            "{{ m.year }}",
            "{{ m.basis }}",
            "{{ m.verdict }}",
            "{{ m.cirkel }}",
            "{{ m.visitation }}",
        ],
        [2, 4, 4, 4, 4],
    )
    b.para(
        ("Mediaan van alle lid-locaties per jaar.", "Median of all member locations per year."),
        italic=True,
    )
    b.heading(("Goede praktijken die zich verspreiden", "Good practices that spread"))
    b.tag("{%p if practices %}")
    b.table(
        [
            ("Praktijk", "Practice"),
            ("Belofte of thema", "Promise or theme"),
            ("Locatie", "Location"),
            ("Bijeenkomsten", "Meetings"),
            ("Bereikt", "Reached"),
        ],
        "p in practices",
        ["{{ p.text }}", "{{ p.tag }}", "{{ p.location }}", "{{ p.meetings }}", "{{ p.reached }}"],
        [8, 4, 4, 2, 2],
    )
    b.tag("{%p else %}")
    b.para(
        ("Nog geen praktijken gedeeld met toestemming.", "No practices shared with consent yet."),
        italic=True,
    )
    b.tag("{%p endif %}")
    b.heading(("Bijeenkomsten", "Meetings"))
    b.tag("{%p if meetings %}")
    b.table(
        [
            ("Datum", "Date"),
            ("Thema", "Theme"),
            ("Gastlocatie", "Host"),
            ("Deelnemers", "Participants"),
            ("Locaties", "Locations"),
        ],
        "e in meetings",
        ["{{ e.date }}", "{{ e.theme }}", "{{ e.host }}", "{{ e.attendees }}", "{{ e.locations }}"],
        [4, 7, 3, 3, 3],
    )
    b.tag("{%p else %}")
    b.para(("Nog geen bijeenkomsten.", "No meetings yet."), italic=True)
    b.tag("{%p endif %}")


def _distribution(b: Builder, loop: str) -> None:
    b.table(
        [
            ("Onderdeel", "Item"),
            ("Locaties", "Locations"),
            ("1e kwartiel", "1st quartile"),
            ("Mediaan", "Median"),
            ("3e kwartiel", "3rd quartile"),
        ],
        f"r in {loop}",
        ["{{ r.label }}", "{{ r.n }}", "{{ r.q1 }}", "{{ r.median }}", "{{ r.q3 }}"],
        [8, 2.5, 3, 3, 3],
    )
