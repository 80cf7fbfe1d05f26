"""The quality advice letter and the cooperative overview."""

from __future__ import annotations

from docx_builder import Builder

from report_text.sections import (
    actions_section,
    next_steps_section,
    themes_section,
)


def advice(b: Builder) -> None:
    b.letterhead()
    b.para("{{ organisation.name }}", space_after=0)
    b.para(("t.a.v. het bestuur", "for the attention of the board"), space_after=0)
    b.tag("{%p if organisation.city %}")
    b.para("{{ organisation.city }}", space_after=0)
    b.tag("{%p endif %}")
    b.para("")
    b.para("{{ report_date }}")
    b.para(
        (
            "Betreft: kwaliteitsadvies {{ location.name }}",
            "Subject: quality advice for {{ location.name }}",
        ),
        bold=True,
    )
    b.draft_block()
    b.para(("Geachte bestuurder,", "Dear board member,"))
    b.para(
        (
            "Op {{ dates.assessment }} vond {{ occasion_the }} plaats op {{ location.name }}"
            "{% if location.city %} in {{ location.city }}{% endif %}. In deze brief leest u ons "
            "oordeel over de Basis op orde en ons advies.",
            "On {{ dates.assessment }} {{ occasion_the }} took place at {{ location.name }}"
            "{% if location.city %} in {{ location.city }}{% endif %}. In this letter you find "
            "our verdict on the Basis op orde and our advice.",
        )
    )
    b.heading(("Ons oordeel", "Our verdict"), 2)
    b.para("{{ verdict_sentence }}", bold=True)
    b.tag("{%p for reason in verdict.reasons %}")
    b.para("{{ reason }}", style="List Bullet")
    b.tag("{%p endfor %}")
    b.para(
        (
            "Totaalscore {{ score.percent }}: {{ score.answered }} van de {{ score.total }} "
            "meetpunten beoordeeld. De basis is voldoende op orde bij ten minste "
            "{{ rule.overall_min }} in totaal en {{ rule.theme_min }} per thema"
            "{% if rule.critical_must_comply %}, zonder kritisch meetpunt dat niet voldoet"
            "{% endif %}.",
            "Overall score {{ score.percent }}: {{ score.answered }} of {{ score.total }} "
            "measurement points assessed. The basis is sufficiently in order with at least "
            "{{ rule.overall_min }} overall and {{ rule.theme_min }} in every theme"
            "{% if rule.critical_must_comply %}, with no critical point that is not compliant"
            "{% endif %}.",
        ),
        italic=True,
    )
    b.heading(("Ons advies", "Our advice"), 2)
    b.tag("{%p for line in advice %}")
    b.para("{{ line }}")
    b.tag("{%p endfor %}")
    b.tag("{%p if critical_failed %}")
    b.heading(
        ("Kritische meetpunten die eerst op orde moeten", "Critical points to put in order first"),
        2,
    )
    b.tag("{%p for p in critical_failed %}")
    b.para("{{ p.id }} {{ p.text }}", style="List Bullet")
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
    b.heading(("Aanbevelingen", "Recommendations"), 2)
    b.bullets(
        "r in recommendations",
        "{{ r.text }}",
        ("Geen aanvullende aanbevelingen.", "No further recommendations."),
    )
    actions_section(b, ("Verbeteracties", "Improvement actions"), 2)
    next_steps_section(b, ("Hoe verder", "What comes next"), 2)
    b.para(("Wij helpen u graag verder.", "We are glad to help."))
    b.closing()
    themes_section(b, ("Bijlage: scores per thema", "Enclosure: scores per theme"), new_page=True)


def overview(b: Builder) -> None:
    b.title(
        ("Overzicht van de coöperatie", "Cooperative overview"),
        ("Stand op {{ report_date }}", "As of {{ report_date }}"),
    )
    b.facts(
        [
            (
                ("Locaties", "Locations"),
                (
                    "{{ counts.locations }} van {{ counts.organisations }} organisaties",
                    "{{ counts.locations }} of {{ counts.organisations }} organisations",
                ),
            ),
            (("Basis voldoende op orde", "Basis sufficiently in order"), "{{ counts.sufficient }}"),
            (
                ("Basis niet voldoende op orde", "Basis not sufficiently in order"),
                "{{ counts.insufficient }}",
            ),
            (("Nog zonder oordeel", "No verdict yet"), "{{ counts.without_verdict }}"),
            (
                ("Geplande afspraken", "Planned events"),
                (
                    "{{ counts.events }}, waarvan {{ counts.overdue }} te laat",
                    "{{ counts.events }}, {{ counts.overdue }} of them overdue",
                ),
            ),
        ]
    )
    b.heading(("Locaties", "Locations"))
    b.table(
        [
            "Code",
            ("Locatie", "Location"),
            ("Organisatie", "Organisation"),
            ("Stap", "Step"),
            ("Laatste score", "Latest score"),
            ("Oordeel", "Verdict"),
            ("Lopende beoordeling", "In progress"),
        ],
        "l in locations",
        [
            "{{ l.code }}",
            "{{ l.name }}, {{ l.city }}",
            "{{ l.organisation }}",
            "{{ l.step }}. {{ l.step_label }}",
            "{{ l.score }}",
            "{{ l.verdict }}",
            "{{ l.progress }}",
        ],
        [1.4, 4, 4, 4.5, 2, 4, 4.5],
    )
    b.heading(("Scores Basis op orde", "Basis op orde scores"))
    b.tag("{%p if has_scores %}")
    b.para("{{ chart }}")
    b.tag("{%p else %}")
    b.para(("Nog geen locatie heeft een oordeel.", "No location has a verdict yet."), italic=True)
    b.tag("{%p endif %}")
    b.heading(("Waar de locaties staan in de cyclus", "Where the locations are in the cycle"))
    b.table(
        [("Stap", "Step"), ("Locaties", "Locations")],
        "s in steps",
        ["{{ s.step }}. {{ s.label }}", "{{ s.count }}"],
        [12, 3],
    )
    b.heading(("Komende afspraken", "Events ahead"))
    b.tag("{%p if events %}")
    b.table(
        [("Datum", "Date"), ("Locatie", "Location"), ("Wat", "What"), "Status", ("Wie", "Who")],
        "e in events",
        [
            (
                "{{ e.date }}{% if e.overdue %} (te laat){% endif %}",
                "{{ e.date }}{% if e.overdue %} (overdue){% endif %}",
            ),
            "{{ e.location }}",
            "{{ e.what }}",
            "{{ e.status }}",
            "{{ e.people }}",
        ],
        [4, 5, 6, 2.5, 5],
    )
    b.tag("{%p else %}")
    b.para(("Er zijn geen afspraken gepland.", "Nothing is planned."), italic=True)
    b.tag("{%p endif %}")
