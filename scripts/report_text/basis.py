"""The Basis op orde audit report."""

from __future__ import annotations

from docx_builder import Builder

from report_text.sections import (
    NOTE_PARAS,
    PHOTOS,
    actions_section,
    cover_facts,
    critical_section,
    next_steps_section,
    photos_section,
    privacy_note,
    themes_section,
    verdict_section,
)


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
    b.toc()
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
    b.tag("{%p elif verdict.insufficient %}")
    b.para(
        (
            "Zolang de basis niet voldoende op orde is, mogen de klantbeloften nog niet worden "
            "ingevoerd.",
            "As long as the basis is not sufficiently in order, the client promises "
            "may not be introduced yet.",
        ),
        bold=True,
    )
    b.tag("{%p else %}")
    b.para(
        (
            "Of de basis voldoende op orde is, is nog niet te beoordelen: nog niet alle "
            "meetpunten zijn beoordeeld.",
            "Whether the basis is sufficiently in order cannot be judged yet: not every "
            "measurement point has been assessed.",
        ),
        italic=True,
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
    b.para("{{ differences_text }}")
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
    b.para("{{ interviewed_text }}")
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
    privacy_note(b)
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
    photos_section(b, PHOTOS)
