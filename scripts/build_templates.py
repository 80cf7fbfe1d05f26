"""Build the default Word templates in report_templates/ (Dutch and English) with python-docx.

    python scripts/build_templates.py            # write report_templates/*.docx
    python scripts/build_templates.py --check    # exit 1 if a shipped template differs
    python scripts/build_templates.py --out DIR  # write them somewhere else

This file is the reviewable text of the templates: every heading, sentence and Jinja tag is
below, in both languages. Staff restyle the .docx files in Word or LibreOffice (logo, fonts,
wording, order of sections) and point the ``template_dir`` setting at their folder; the tags
are described in report_templates/README.md. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # docx_builder, beside this file

from docx_builder import ACCENT, LANGUAGES, Builder, Text

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "report_templates"
CONTENT_PARTS = ("word/document.xml", "word/header", "word/footer")
"""The parts that hold the templates' text and tags (not python-docx's stock styles)."""


# --- shared sections ---------------------------------------------------------------------------
NOTE_PARAS: list[Text] = [
    "{{ p.audit_note }}",
    "{%p if p.own_note %}",
    ("Zelfevaluatie: {{ p.own_note }}", "Self-evaluation: {{ p.own_note }}"),
    "{%p endif %}",
]


def verdict_section(b: Builder) -> None:
    b.para(("Oordeel: {{ verdict.label }}", "Verdict: {{ verdict.label }}"), bold=True, size=12)
    b.bullets(
        "reason in verdict.reasons",
        "{{ reason }}",
        ("Alle regels van het oordeel zijn gehaald.", "Every rule of the verdict is met."),
    )
    b.para(
        (
            "Totaalscore {{ score.percent }}: {{ score.answered }} van de {{ score.total }} "
            "meetpunten beoordeeld, waarvan {{ score.not_applicable }} niet van toepassing.",
            "Overall score {{ score.percent }}: {{ score.answered }} of {{ score.total }} "
            "measurement points assessed, {{ score.not_applicable }} of them not applicable.",
        )
    )
    b.para(
        (
            "De basis is voldoende op orde bij een totaalscore van ten minste "
            "{{ rule.overall_min }}, ten minste {{ rule.theme_min }} per thema"
            "{% if rule.critical_must_comply %} en geen kritisch meetpunt dat niet voldoet"
            "{% endif %}.",
            "The basis is sufficiently in order with an overall score of at least "
            "{{ rule.overall_min }}, at least {{ rule.theme_min }} in every theme"
            "{% if rule.critical_must_comply %} and no critical point that is not compliant"
            "{% endif %}.",
        ),
        italic=True,
    )


def themes_section(b: Builder, heading: Text, *, new_page: bool = False) -> None:
    b.heading(heading, new_page=new_page)
    b.para("{{ chart }}")
    b.table(
        [
            ("Thema", "Theme"),
            "Score",
            ("Beoordeeld", "Assessed"),
            ("Norm gehaald", "Norm met"),
            ("Kritisch niet voldaan", "Critical not met"),
        ],
        "t in themes",
        [
            "{{ t.id }} {{ t.title }}",
            "{{ t.percent }}",
            "{{ t.answered }}/{{ t.total }}",
            (
                "{% if t.ok %}ja{% elif t.ok is none %}–{% else %}nee{% endif %}",
                "{% if t.ok %}yes{% elif t.ok is none %}–{% else %}no{% endif %}",
            ),
            "{{ t.critical_failed }}",
        ],
        [7.4, 2, 2.6, 2.4, 2.6],
    )


def critical_section(b: Builder, note: str = "p.result_note") -> None:
    b.heading(("Kritische meetpunten die niet voldoen", "Critical points not met"))
    b.tag("{%p if critical_failed %}")
    b.table(
        [("Meetpunt", "Point"), ("Omschrijving", "Description"), ("Toelichting", "Note")],
        "p in critical_failed",
        ["{{ p.id }}", "{{ p.text }}", f"{{{{ {note} }}}}"],
        [2.3, 9, 6],
    )
    b.tag("{%p else %}")
    b.para(("Alle kritische meetpunten voldoen.", "Every critical point is met."), italic=True)
    b.tag("{%p endif %}")


def actions_section(b: Builder, heading: Text, level: int = 1) -> None:
    b.heading(heading, level)
    b.tag("{%p if actions %}")
    b.table(
        [("Actie", "Action"), ("Eigenaar", "Owner"), "Deadline", "Status"],
        "a in actions",
        [
            "{{ a.title }}",
            "{{ a.owner }}",
            (
                "{{ a.deadline }}{% if a.overdue %} (verlopen){% endif %}",
                "{{ a.deadline }}{% if a.overdue %} (overdue){% endif %}",
            ),
            "{{ a.status }}",
        ],
        [8, 4, 3, 2.5],
    )
    b.tag("{%p else %}")
    b.para(
        ("Er zijn nog geen verbeteracties vastgelegd.", "No improvement actions recorded yet."),
        italic=True,
    )
    b.tag("{%p endif %}")


def next_steps_section(b: Builder, heading: Text, level: int = 1) -> None:
    b.heading(heading, level)
    b.para(
        (
            "Huidige stap in de Kwaliteit@-cyclus: {{ next_steps.current }}."
            "{% if next_steps.next %} Daarna: {{ next_steps.next }}.{% endif %}",
            "Current step of the Kwaliteit@ cycle: {{ next_steps.current }}."
            "{% if next_steps.next %} Then: {{ next_steps.next }}.{% endif %}",
        )
    )
    b.tag("{%p if next_steps.events %}")
    b.table(
        [
            ("Wat", "What"),
            ("Gepland op", "Planned on"),
            ("Venster", "Window"),
            "Status",
            ("Wie", "Who"),
        ],
        "e in next_steps.events",
        [
            "{{ e.what }}",
            (
                "{{ e.date }}{% if e.overdue %} (te laat){% endif %}",
                "{{ e.date }}{% if e.overdue %} (overdue){% endif %}",
            ),
            "{{ e.window }}",
            "{{ e.status }}",
            "{{ e.people }}",
        ],
        [5, 3, 4, 2, 3.5],
    )
    b.tag("{%p else %}")
    b.para(("Er zijn nog geen afspraken gepland.", "Nothing has been planned yet."), italic=True)
    b.tag("{%p endif %}")


def cover_facts(b: Builder, rows: list[tuple[Text, Text]]) -> None:
    b.facts(
        [
            (
                ("Locatie", "Location"),
                "{{ location.name }} ({{ location.code }}), {{ location.city }}",
            ),
            (("Organisatie", "Organisation"), "{{ organisation.name }}"),
            *rows,
            (
                "Checklist",
                (
                    "{{ checklist.title }}, versie {{ checklist.version }}",
                    "{{ checklist.title }}, version {{ checklist.version }}",
                ),
            ),
            (("Rapportdatum", "Report date"), "{{ report_date }}"),
        ]
    )


# --- the templates -----------------------------------------------------------------------------
def basis(b: Builder) -> None:
    b.title(
        ("Auditrapport Basis op orde", "Basis op orde audit report"),
        "{{ location.name }} · {{ organisation.name }}",
    )
    b.draft_block()
    b.tag("{%p if not is_audit %}")
    b.para(
        (
            "Dit rapport gaat over de zelfevaluatie van de locatie; het auditbezoek heeft nog niet "
            "plaatsgevonden.",
            "This report covers the location's self-evaluation; the audit "
            "visit has not taken place yet.",
        ),
        italic=True,
    )
    b.tag("{%p endif %}")
    cover_facts(
        b,
        [
            (("Auditbezoek", "Audit visit"), "{{ dates.visit }}"),
            (("Zelfevaluatie", "Self-evaluation"), "{{ dates.self_evaluation }}"),
            (("Afgerond", "Closed"), "{{ dates.closed }}"),
            (("Auditoren", "Auditors"), "{{ people }}"),
        ],
    )
    b.heading(("Samenvatting", "Summary"), new_page=True)
    verdict_section(b)
    b.tag("{%p if summary %}")
    b.heading(("Indruk van de auditor", "The auditor's impression"), 2)
    b.para("{{ summary }}")
    b.tag("{%p endif %}")
    b.tag("{%p if verdict.sufficient %}")
    b.para(
        (
            "De basis is voldoende op orde: de locatie kan beginnen met het vertalen van de "
            "klantbeloften (stap 5).",
            "The basis is sufficiently in order: the location can start "
            "translating the client promises (step 5).",
        )
    )
    b.tag("{%p else %}")
    b.para(
        (
            "Zolang de basis niet voldoende op orde is, mogen de klantbeloften nog niet worden "
            "ingevoerd.",
            "As long as the basis is not sufficiently in order, the client promises "
            "may not be introduced yet.",
        ),
        bold=True,
    )
    b.tag("{%p endif %}")
    themes_section(b, ("Scores per thema", "Scores per theme"))
    critical_section(b)
    b.heading(("Zelfevaluatie en audit: de verschillen", "Self-evaluation and audit: differences"))
    b.tag("{%p if not (is_audit and has_self_evaluation) %}")
    b.para(
        (
            "Er is geen zelfevaluatie met een auditbezoek te vergelijken.",
            "There is no self-evaluation to compare with an audit visit.",
        ),
        italic=True,
    )
    b.tag("{%p elif differences %}")
    b.para(
        (
            "Bij {{ differences|length }} meetpunten komt de auditor tot een ander oordeel dan de "
            "locatie zelf.",
            "At {{ differences|length }} measurement points the auditor "
            "reached another verdict than the location itself.",
        )
    )
    b.table(
        [
            ("Meetpunt", "Point"),
            ("Zelfevaluatie", "Self-evaluation"),
            "Audit",
            ("Toelichting auditor", "Auditor's note"),
        ],
        "p in differences",
        [
            "{{ p.id }} {{ p.text }}",
            "{{ p.own }}",
            "{% cellbg p.audit_colour %}{{ p.audit }}",
            "{{ p.audit_note }}",
        ],
        [8, 2.9, 2.5, 4.5],
    )
    b.tag("{%p else %}")
    b.para(
        (
            "De auditor komt bij alle meetpunten tot hetzelfde oordeel als de locatie.",
            "The auditor reached the same verdict as the location at every point.",
        ),
        italic=True,
    )
    b.tag("{%p endif %}")
    b.heading(("Sterke punten en verbeterpunten", "Strengths and points of improvement"))
    b.heading(("Sterke punten", "Strengths"), 2)
    b.bullets(
        "f in strengths",
        "{{ f.text }}{% if f.points %} ({{ f.points }}){% endif %}",
        ("Geen sterke punten vastgelegd.", "No strengths recorded."),
    )
    b.heading(("Verbeterpunten", "Points of improvement"), 2)
    b.bullets(
        "f in improvements",
        "{{ f.text }}{% if f.points %} ({{ f.points }}){% endif %}",
        ("Geen verbeterpunten vastgelegd.", "No points of improvement recorded."),
    )
    b.heading(("Aanbevelingen", "Recommendations"))
    b.bullets(
        "r in recommendations",
        "{{ r.text }}{% if r.points %} ({{ r.points }}){% endif %}",
        ("Geen aanbevelingen vastgelegd.", "No recommendations recorded."),
    )
    b.heading(("Kwaliteitsadvies", "Quality advice"))
    b.tag("{%p if quality_advice %}")
    b.para("{{ quality_advice }}")
    b.tag("{%p else %}")
    b.para(
        (
            "De coöperatie geeft bij deze uitkomst geen aanvullend kwaliteitsadvies.",
            "The cooperative gives no further quality advice for this outcome.",
        ),
        italic=True,
    )
    b.tag("{%p endif %}")
    b.heading(("Interviews", "Interviews"))
    b.tag("{%p if interviews %}")
    b.para(
        (
            "De auditoren spraken met {{ interviewed }} mensen. Per groep wat we hoorden, zonder "
            "namen of andere persoonsgegevens.",
            "The auditors spoke with {{ interviewed }} people. "
            "Per group what we heard, without names or other personal data.",
        )
    )
    b.table(
        [
            ("Groep", "Group"),
            ("Gesprekken", "Interviews"),
            ("Deelnemers", "Participants"),
            ("Wat we hoorden", "What we heard"),
        ],
        "i in interviews",
        ["{{ i.group }}", "{{ i.interviews }}", "{{ i.participants }}", "{{ i.heard_text }}"],
        [2.8, 2.6, 2.6, 9],
    )
    b.tag("{%p else %}")
    b.para(("Er zijn geen interviews vastgelegd.", "No interviews recorded."), italic=True)
    b.tag("{%p endif %}")
    actions_section(b, ("Verbeteracties", "Improvement actions"))
    next_steps_section(b, ("Vervolgstappen", "Next steps"))
    b.heading(("Bijlage: alle meetpunten", "Appendix: every measurement point"), new_page=True)
    b.para(
        (
            "Per meetpunt het oordeel van de zelfevaluatie en van de audit, met de toelichting. "
            "Kritische meetpunten zijn gemarkeerd met (K).",
            "Per measurement point the answer "
            "of the self-evaluation and of the audit, with the notes. Critical points are marked "
            "(C).",
        ),
        italic=True,
    )
    b.tag("{%p for theme in appendix %}")
    b.heading("{{ theme.id }} {{ theme.title }}", 2)
    b.table(
        [
            ("Meetpunt", "Point"),
            ("Omschrijving", "Description"),
            ("Zelfevaluatie", "Self-evaluation"),
            "Audit",
            ("Toelichting", "Notes"),
        ],
        "p in theme.points",
        [
            (
                "{{ p.id }}{% if p.critical %} (K){% endif %}",
                "{{ p.id }}{% if p.critical %} (C){% endif %}",
            ),
            "{{ p.text }}",
            "{% cellbg p.own_colour %}{{ p.own }}",
            "{% cellbg p.audit_colour %}{{ p.audit }}",
            NOTE_PARAS,
        ],
        [2.4, 6.8, 3.1, 2.2, 4.5],
    )
    b.tag("{%p endfor %}")


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


def advice(b: Builder) -> None:
    b.para(("Coöperatie Kwaliteit@", "Cooperative Kwaliteit@"), bold=True, size=14, colour=ACCENT)
    b.para("{{ report_date }}")
    b.para(
        ("Aan het bestuur van {{ organisation.name }}", "To the board of {{ organisation.name }}")
    )
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
            "Op {{ dates.assessment }} vond de {{ occasion }} plaats op {{ location.name }} in "
            "{{ location.city }}. In deze brief leest u ons oordeel over de Basis op orde en ons "
            "advies.",
            "On {{ dates.assessment }} the {{ occasion }} took place at "
            "{{ location.name }} in {{ location.city }}. In this letter you find our verdict on "
            "the Basis op orde and our advice.",
        )
    )
    b.heading(("Ons oordeel", "Our verdict"), 2)
    verdict_section(b)
    b.heading(("Ons advies", "Our advice"), 2)
    b.tag("{%p if quality_advice %}")
    b.para("{{ quality_advice }}")
    b.tag("{%p elif verdict.sufficient %}")
    b.para(
        (
            "De basis is voldoende op orde. Wij adviseren de locatie te beginnen met het vertalen "
            "van de klantbeloften naar de eigen praktijk.",
            "The basis is sufficiently in order. "
            "We advise the location to start translating the client promises into its own "
            "practice.",
        )
    )
    b.tag("{%p else %}")
    b.para(
        (
            "Zolang de basis niet voldoende op orde is, mogen de klantbeloften nog niet worden "
            "ingevoerd. Wij adviseren eerst de punten hieronder op orde te brengen en daarna een "
            "hertoets aan te vragen.",
            "As long as the basis is not sufficiently in order, the "
            "client promises may not be introduced yet. We advise putting the points below in "
            "order first and then asking for a re-check.",
        )
    )
    b.tag("{%p endif %}")
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
    b.para(
        ("Wij helpen u graag verder. Met vriendelijke groet,", "We are glad to help. Kind regards,")
    )
    b.para("{{ lead }}", bold=True)
    b.para(("namens de coöperatie Kwaliteit@", "on behalf of the cooperative Kwaliteit@"))
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


TEMPLATES: dict[str, tuple[Callable[[Builder], None], Text, Text, bool]] = {
    # kind: (content, document title, page header, landscape)
    "basis-op-orde": (
        basis,
        ("Auditrapport Basis op orde", "Basis op orde audit report"),
        (
            "{{ location.name }} · Auditrapport Basis op orde",
            "{{ location.name }} · Basis op orde audit report",
        ),
        False,
    ),
    "visitatie": (
        visitation,
        ("Rapport waarderende visitatie", "Appreciative visitation report"),
        (
            "{{ location.name }} · Waarderende visitatie",
            "{{ location.name }} · Appreciative visitation",
        ),
        False,
    ),
    "cirkel": (
        cirkel,
        ("Rapport Cirkel van Kwaliteit@", "Cirkel van Kwaliteit@ report"),
        (
            "{{ location.name }} · Cirkel van Kwaliteit@",
            "{{ location.name }} · Cirkel van Kwaliteit@",
        ),
        False,
    ),
    "advies": (
        advice,
        ("Kwaliteitsadvies", "Quality advice"),
        ("{{ location.name }} · Kwaliteitsadvies", "{{ location.name }} · Quality advice"),
        False,
    ),
    "overzicht": (
        overview,
        ("Overzicht van de coöperatie", "Cooperative overview"),
        ("Coöperatie Kwaliteit@ · Overzicht", "Cooperative Kwaliteit@ · Overview"),
        True,
    ),
}


def build(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, (content, title, header, landscape) in TEMPLATES.items():
        for language in LANGUAGES:
            builder = Builder(language, header, landscape=landscape)
            content(builder)
            path = folder / f"{kind}.{language}.docx"
            builder.save(path, title)
            written.append(path)
    return written


def content_parts(path: Path) -> dict[str, bytes]:
    """The parts that hold the template's text and tags (not python-docx's stock styles)."""
    with zipfile.ZipFile(path) as package:
        return {
            name: package.read(name)
            for name in package.namelist()
            if name.startswith(CONTENT_PARTS)
        }


def check(folder: Path) -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for fresh in build(Path(scratch)):
            shipped = folder / fresh.name
            if not shipped.is_file():
                problems.append(f"{shipped} is missing: run scripts/build_templates.py")
            elif content_parts(shipped) != content_parts(fresh):
                problems.append(f"{shipped} is stale: run scripts/build_templates.py")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (report_templates)")
    options = parser.parse_args(argv)
    if options.check:
        problems = check(options.out)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    for path in build(options.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
