"""The client-experience report (clientervaring): figures, charts, complaints and actions."""

from __future__ import annotations

from docx_builder import Builder


def clientvoice(b: Builder) -> None:
    b.title(
        ("Cliëntervaring", "Client experience"),
        (
            "{{ location.name }}, {{ location.city }} · {{ period_from }} – {{ period_until }}",
            "{{ location.name }}, {{ location.city }} · {{ period_from }} – {{ period_until }}",
        ),
    )
    b.draft_block()
    b.facts(
        [
            (("Locatie", "Location"), "{{ location.code }} {{ location.name }}"),
            (("Organisatie", "Organisation"), "{{ organisation.name }}"),
            (("Periode", "Period"), "{{ period }}"),
            (("Reacties", "Responses"), "{{ responses }} ({{ groups }})"),
            (
                ("Aanbeveling (NPS)", "Would recommend (NPS)"),
                "{{ nps.value }} ({{ nps.interval }}) · {{ nps.verdict }}",
            ),
            (
                ("Algemene tevredenheid", "Overall satisfaction"),
                "{{ satisfaction.value }} ({{ satisfaction.interval }}) · "
                "{{ satisfaction.verdict }}",
            ),
            (
                ("Klachten te laat beslist", "Complaints decided late"),
                "{{ complaints_overdue }}",
            ),
        ]
    )
    b.tag("{%p if indicative %}")
    b.para(
        (
            "Met {{ responses }} reacties (minder dan {{ min_responses }}) zijn de cijfers "
            "indicatief: lees ze met hun 95%-interval, niet als oordeel.",
            "With {{ responses }} responses (fewer than {{ min_responses }}) the figures are "
            "indicative: read them with their 95% interval, not as a verdict.",
        ),
        italic=True,
    )
    b.tag("{%p endif %}")
    b.heading(("Aanbeveling per kwartaal", "Would recommend, per quarter"))
    b.para(
        (
            "De net promoter score (NPS): het aandeel dat 9 of 10 geeft min het aandeel dat 0 "
            "tot en met 6 geeft, in punten. De streep geeft het 95%-interval; grijs is "
            "indicatief.",
            "The net promoter score (NPS): the share giving 9 or 10 minus the share giving 0 to "
            "6, in points. The whisker shows the 95% interval; grey is indicative.",
        )
    )
    b.para("{{ chart_trend }}")
    b.heading(("Zes parameters", "Six parameters"))
    b.para("{{ chart_parameters }}")
    b.table(
        [
            ("Parameter", "Parameter"),
            ("Gemiddelde (1–5)", "Mean (1–5)"),
            ("95%-interval", "95% interval"),
            ("Doel", "Target"),
            ("n", "n"),
            ("Oordeel", "Verdict"),
        ],
        "p in parameters",
        ["{{ p.label }}", "{{ p.value }}", "{{ p.interval }}", "{{ p.target }}", "{{ p.n }}",
         "{{ p.verdict }}"],
        [5, 2, 3, 2, 1, 4],
    )  # fmt: skip
    b.heading(("Klantbeloften zoals ervaren", "Client promises as perceived"), new_page=True)
    b.para(
        (
            "Per belofte het aandeel respondenten dat merkte dat ze werd nagekomen (ja), van "
            "wie de belofte gold (ja, deels of nee).",
            "Per promise the share of respondents who noticed it kept (yes), of those it "
            "applied to (yes, partly or no).",
        )
    )
    b.para("{{ chart_promises }}")
    b.table(
        [
            ("Belofte", "Promise"),
            ("Nagekomen", "Kept"),
            ("95%-interval", "95% interval"),
            ("ja / deels / nee / n.v.t.", "yes / partly / no / n/a"),
            ("Oordeel", "Verdict"),
        ],
        "p in promises",
        ["{{ p.id }} {{ p.title }}", "{{ p.value }}", "{{ p.interval }}",
         "{{ p.yes }} / {{ p.partly }} / {{ p.no }} / {{ p.not_applicable }}", "{{ p.verdict }}"],
        [6, 2, 3, 3, 4],
    )  # fmt: skip
    b.heading(("Afdelingen", "Units"))
    b.tag("{%p if units %}")
    b.table(
        [
            ("Afdeling", "Unit"),
            ("Reacties", "Responses"),
            ("NPS", "NPS"),
            ("Acties uit feedback", "Actions from feedback"),
            ("1–5 acties", "1–5 actions"),
        ],
        "u in units",
        ["{{ u.name }}", "{{ u.responses }}", "{{ u.nps.value }} ({{ u.nps.interval }})",
         "{{ u.actions }}", "{{ u.check }}"],
        [4, 2, 4, 3, 3],
    )  # fmt: skip
    b.tag("{%p else %}")
    b.para(("Geen afdelingen vastgelegd.", "No units recorded."), italic=True)
    b.tag("{%p endif %}")
    b.heading(("Evaluaties", "Evaluations"))
    b.tag("{%p if rhythm %}")
    b.table(
        [
            ("Evaluatie", "Evaluation"),
            ("Laatst gehouden", "Last held"),
            ("Volgende in", "Next due in"),
            ("Stand", "Status"),
        ],
        "r in rhythm",
        ["{{ r.kind }}", "{{ r.last_held }}", "{{ r.window }}", "{{ r.state }}"],
        [5, 4, 3, 3],
    )
    b.tag("{%p else %}")
    b.para(("Nog geen evaluaties vastgelegd.", "No evaluations recorded yet."), italic=True)
    b.tag("{%p endif %}")
    b.heading(("Klachten", "Complaints"))
    b.tag("{%p if complaints %}")
    b.table(
        [
            ("Referentie", "Reference"),
            ("Ontvangen", "Received"),
            ("Onderwerp", "Subject"),
            ("Beslissing uiterlijk", "Decision due"),
            ("Stand", "Status"),
        ],
        "c in complaints",
        ["{{ c.reference }}", "{{ c.received }}", "{{ c.subject }}", "{{ c.due }}",
         "{{ c.status }}"],
        [3, 3, 4, 3, 3],
    )  # fmt: skip
    b.tag("{%p else %}")
    b.para(("Geen klachten in deze periode.", "No complaints in this period."), italic=True)
    b.tag("{%p endif %}")
    b.heading(("Openstaande verbeteracties", "Open improvement actions"))
    b.tag("{%p if actions %}")
    b.table(
        [
            ("Actie", "Action"),
            ("Bron", "Source"),
            ("Afdeling", "Unit"),
            ("Eigenaar", "Owner"),
            ("Deadline", "Deadline"),
            ("Effect gemeten met", "Effect measured by"),
        ],
        "a in actions",
        ["{{ a.title }}", "{{ a.source }}", "{{ a.unit }}", "{{ a.owner }}", "{{ a.deadline }}",
         "{{ a.effect }}"],
        [5, 3, 2, 2, 2, 4],
    )  # fmt: skip
    b.tag("{%p else %}")
    b.para(("Geen openstaande acties.", "No open actions."), italic=True)
    b.tag("{%p endif %}")
    b.tag("{%p if aggregates %}")
    b.heading(("Scores van elders", "Scores published elsewhere"))
    b.table(
        [("Bron", "Source"), ("Periode", "Period"), ("Score", "Score"), ("Aantal", "Count")],
        "g in aggregates",
        ["{{ g.source }}", "{{ g.period }}", "{{ g.score }}", "{{ g.count }}"],
        [5, 3, 3, 3],
    )
    b.tag("{%p endif %}")
