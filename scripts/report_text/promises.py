"""The appreciative visitation and the Cirkel van Kwaliteit@ reports."""

from __future__ import annotations

from docx_builder import Builder

from report_text.sections import (
    PHOTOS,
    cover_facts,
    critical_section,
    next_steps_section,
    photos_section,
    themes_section,
    verdict_section,
)


def visitation(b: Builder) -> None:
    b.title(
        ("Rapport waarderende visitatie", "Appreciative visitation report"),
        "{{ location.name }} · {{ organisation.name }}",
    )
    b.draft_block()
    cover_facts(
        b,
        [
            (("Visiterende organisatie", "Visiting organisation"), "{{ visiting_organisation }}"),
            (("Visitatie op", "Visitation on"), "{{ dates.visit }}"),
            (("Visiteurs", "Peer visitors"), "{{ people }}"),
        ],
    )
    b.toc()
    b.heading(("Samenvatting", "Summary"), new_page=True)
    b.para(
        (
            "Visiteurs van {{ visiting_organisation }} keken op {{ dates.visit }} of de "
            "klantbeloften op {{ location.name }} worden toegepast en merkbaar zijn. Over alle "
            "beloften samen: {{ score.percent }} ({{ score.answered }} van de {{ score.total }} "
            "waarnemingen gedaan).",
            "Peer visitors from {{ visiting_organisation }} looked on "
            "{{ dates.visit }} at whether the client promises are applied and perceivable at "
            "{{ location.name }}. Over all promises together: {{ score.percent }} "
            "({{ score.answered }} of {{ score.total }} observations made).",
        )
    )
    b.para(("Uitkomst: {{ verdict.label }}", "Outcome: {{ verdict.label }}"), bold=True)
    b.tag("{%p if summary %}")
    b.para("{{ summary }}")
    b.tag("{%p endif %}")
    b.optional_bullets(("Waardering", "Appreciation"), 2, "general_appreciation")
    b.optional_bullets(("Tips", "Tips"), 2, "general_tips")
    b.heading(("De beloften in beeld", "The promises at a glance"))
    b.para("{{ chart }}")
    b.table(
        [
            ("Klantbelofte", "Client promise"),
            ("Toepassing", "Applied"),
            ("Merkbaar", "Perceived"),
            ("Totaal", "Overall"),
            ("Waarnemingen", "Observations"),
        ],
        "p in promises",
        [
            "{{ p.id }} {{ p.title }}",
            "{{ p.application }}",
            "{{ p.perception }}",
            "{{ p.percent }}",
            "{{ p.answered }}/{{ p.total }}",
        ],
        [8, 2.4, 2.4, 2.4, 2.8],
    )
    b.heading(("Per klantbelofte", "Per client promise"))
    b.tag("{%p for p in promises %}")
    b.heading("{{ p.id }} {{ p.title }}", 2)
    b.tag("{%p if p.text %}")
    b.para("“{{ p.text }}”", italic=True)
    b.tag("{%p endif %}")
    b.tag("{%p if p.translation %}")
    b.para(
        (
            "Vertaalslag op de locatie: {{ p.translation }}",
            "How the location applies it: {{ p.translation }}",
        )
    )
    b.tag("{%p endif %}")
    b.heading(("Wat de visiteurs zagen", "What the peer visitors observed"), 3)
    b.table(
        [("Waarneming", "Observation"), ("Oordeel", "Finding"), ("Toelichting", "Note")],
        "o in p.observed",
        [
            "{{ o.id }} {{ o.text }}",
            "{% cellbg o.result_colour %}{{ o.result }}",
            "{{ o.result_note }}",
        ],
        [9, 3, 5],
    )
    b.optional_bullets(("Waardering", "Appreciation"), 3, "p.appreciation")
    b.optional_bullets(("Tips", "Tips"), 3, "p.tips")
    b.tag("{%p endfor %}")
    next_steps_section(b, ("Vervolgstappen", "Next steps"))
    photos_section(b, PHOTOS, 1, new_page=True)


def cirkel(b: Builder) -> None:
    b.title(
        ("Rapport Cirkel van Kwaliteit@", "Cirkel van Kwaliteit@ report"),
        "{{ location.name }} · {{ organisation.name }}",
    )
    b.draft_block()
    cover_facts(
        b,
        [
            (("Beoordeling op", "Assessed on"), "{{ dates.assessment }}"),
            (("Onafhankelijke beoordelaars", "Independent assessors"), "{{ people }}"),
        ],
    )
    b.toc()
    b.heading(("Samenvatting", "Summary"), new_page=True)
    verdict_section(b)
    b.tag("{%p if summary %}")
    b.para("{{ summary }}")
    b.tag("{%p endif %}")
    b.heading(("Herbeoordeling van de basis", "The basis re-checked"))
    b.tag("{%p if recheck %}")
    b.table(
        [
            ("Meetpunt", "Point"),
            ("Oordeel", "Finding"),
            ("Bij de audit", "At the audit"),
            ("Toelichting", "Note"),
        ],
        "r in recheck",
        [
            "{{ r.id }} {{ r.text }}",
            "{% cellbg r.result_colour %}{{ r.result }}",
            "{{ r.earlier }}",
            "{{ r.result_note }}",
        ],
        [8, 2.5, 3.5, 4],
    )
    b.tag("{%p else %}")
    b.para(
        (
            "Deze Cirkel bevat geen herbeoordeling van meetpunten uit de Basis op orde.",
            "This Cirkel re-checks no Basis op orde points.",
        ),
        italic=True,
    )
    b.tag("{%p endif %}")
    critical_section(b)
    themes_section(b, ("Scores per thema", "Scores per theme"))
    b.heading(("Klantbeloften: toepassing en beleving", "Client promises: applied and perceived"))
    b.tag("{%p if promises %}")
    b.table(
        [
            ("Klantbelofte", "Client promise"),
            ("Toepassing", "Applied"),
            ("Beleving", "Perceived"),
            ("Totaal", "Overall"),
        ],
        "p in promises",
        ["{{ p.id }} {{ p.title }}", "{{ p.application }}", "{{ p.perception }}", "{{ p.score }}"],
        [9, 2.5, 2.5, 2.5],
    )
    b.tag("{%p else %}")
    b.para(
        ("Deze Cirkel beoordeelt geen klantbeloften.", "This Cirkel assesses no promises."),
        italic=True,
    )
    b.tag("{%p endif %}")
    b.heading(
        (
            "Vergelijking met de vorige Cirkel en de visitatie",
            "Compared with the previous Cirkel and the visitation",
        )
    )
    b.tag("{%p if not has_previous %}")
    b.para(
        (
            "Dit is de eerste Cirkel van Kwaliteit@ van deze locatie.",
            "This is the location's first Cirkel van Kwaliteit@.",
        ),
        italic=True,
    )
    b.tag("{%p endif %}")
    b.table(
        [("Beoordeling", "Assessment"), ("Datum", "Date"), "Score", ("Uitkomst", "Outcome")],
        "c in comparison.overall",
        ["{{ c.what }}", "{{ c.date }}", "{{ c.score }}", "{{ c.outcome }}"],
        [6, 3.5, 2.5, 5],
    )
    b.tag("{%p if comparison.promises %}")
    b.para(("Per klantbelofte:", "Per client promise:"))
    b.table(
        [
            ("Klantbelofte", "Client promise"),
            ("Nu", "Now"),
            ("Vorige Cirkel", "Previous Cirkel"),
            ("Visitatie", "Visitation"),
        ],
        "c in comparison.promises",
        ["{{ c.id }} {{ c.title }}", "{{ c.now }}", "{{ c.previous }}", "{{ c.visitation }}"],
        [9, 2.5, 2.7, 2.5],
    )
    b.tag("{%p endif %}")
    next_steps_section(b, ("Vervolgstappen", "Next steps"))
    b.heading(("Bijlage: alle meetpunten", "Appendix: every measurement point"), new_page=True)
    b.tag("{%p for theme in appendix %}")
    b.heading("{{ theme.id }} {{ theme.title }}", 2)
    b.table(
        [
            ("Meetpunt", "Point"),
            ("Omschrijving", "Description"),
            ("Oordeel", "Finding"),
            ("Toelichting", "Note"),
        ],
        "p in theme.points",
        [
            (
                "{{ p.id }}{% if p.critical %} (K){% endif %}",
                "{{ p.id }}{% if p.critical %} (C){% endif %}",
            ),
            "{{ p.text }}",
            "{% cellbg p.result_colour %}{{ p.result }}",
            "{{ p.result_note }}",
        ],
        [2, 9, 2.5, 5],
    )
    b.tag("{%p endfor %}")
    photos_section(b, PHOTOS)
