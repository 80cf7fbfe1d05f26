"""Sections that several reports share."""

from __future__ import annotations

from docx_builder import Builder, Text

PHOTOS: Text = ("Foto's bij de meetpunten", "Photos with the measurement points")

# --- shared sections ---------------------------------------------------------------------------
NOTE_PARAS: list[Text] = [
    "{%p if p.audit_note %}",
    "{{ p.audit_note }}",
    "{%p endif %}",
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
            "{{ t.norm }}",
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
    b.para("{{ critical.text }}", italic=True)
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


def privacy_note(b: Builder) -> None:
    """How many pieces of personal data were blanked out, and whether notes were purged."""
    b.tag("{%p if privacy.redactions %}")
    b.para(
        (
            "Privacy: in de vrije tekst van dit rapport zijn {{ privacy.redactions }} "
            "persoonsgegevens (namen, geboortedata, BSN, telefoonnummers, e-mailadressen) "
            "vervangen door […].",
            "Privacy: {{ privacy.redactions }} pieces of personal data (names, dates of "
            "birth, BSN, phone numbers, e-mail addresses) in the free text of this report "
            "were replaced by […].",
        ),
        italic=True,
    )
    b.tag("{%p endif %}")
    b.tag("{%p if privacy.purged %}")
    b.para(
        (
            "De interviewnotities zijn op {{ privacy.purged_on }} verwijderd volgens de "
            "bewaartermijn (AVG); dit rapport blijft verder geldig.",
            "The interview notes were removed on {{ privacy.purged_on }} under the retention "
            "rule (GDPR); the report is otherwise unchanged.",
        ),
        italic=True,
    )
    b.tag("{%p endif %}")


def photos_section(b: Builder, heading: Text, level: int = 2, *, new_page: bool = False) -> None:
    """The evidence photos as thumbnails, each with its point and file name (issue 15)."""
    b.tag("{%p if photos %}")
    b.heading(heading, level, new_page=new_page)
    b.tag("{%p for photo in photos %}")
    b.para("{{ photo.image }}")
    b.para("{{ photo.point }} · {{ photo.name }}", italic=True)
    b.tag("{%p endfor %}")
    b.tag("{%p endif %}")
