"""The checklist screen's keys and palette entries (remappable by binding id)."""

from __future__ import annotations

from textual.binding import BindingType

from qaudit.i18n import N_
from qaudit.tui.screens.base import BACK, binding_maker

FILTER_LABELS = {
    "all": N_("all points"),
    "unanswered": N_("unanswered"),
    "critical": N_("critical"),
    "not_compliant": N_("not (fully) compliant"),
    "differs": N_("differs from self-evaluation"),
}


_b = binding_maker("checklist")


BINDINGS: list[BindingType] = [
    BACK,
    _b("1", "answer('voldoet')", N_("compliant"), "compliant", N_("Answer: compliant")),
    _b("2", "answer('voldoet_deels')", N_("partly"), "partly", N_("Answer: partly compliant")),
    _b("3", "answer('voldoet_niet')", N_("not"), "not_compliant", N_("Answer: not compliant")),
    _b("0", "answer('nvt')", N_("n/a"), "not_applicable", N_("Answer: not applicable")),
    _b(
        "n",
        "next_unanswered",
        N_("Next open"),
        "next",
        N_("Jump to the next point without an answer"),
    ),
    _b(
        "slash",
        "search",
        N_("Find"),
        "search",
        N_("Find a point by id (3.2, T03.02) or words, and jump to it"),
    ),
    _b("u,ctrl+z", "undo", N_("Undo"), "undo", N_("Undo the last answer")),
    _b(
        "f",
        "cycle_filter",
        N_("Filter"),
        "filter",
        N_("Show: all, unanswered, critical, not compliant, differs from self-evaluation"),
    ),
    _b(
        "b",
        "evidence",
        N_("Files"),
        "evidence",
        N_("Evidence files and photos of the selected point: attach from disk, open"),
    ),
    _b("e", "edit_note", N_("Note"), "note", N_("Write a note with the selected point")),
    _b(
        "h",
        "history",
        N_("History"),
        "history",
        N_("Who changed this point, when, and what"),
        show=False,
    ),
    _b(
        "right_square_bracket",
        "theme(1)",
        N_("Next theme"),
        "next_theme",
        N_("Go to the next theme"),
        show=False,
    ),
    _b(
        "left_square_bracket",
        "theme(-1)",
        N_("Previous theme"),
        "previous_theme",
        N_("Go to the previous theme"),
        show=False,
    ),
    _b(
        "a",
        "all_themes",
        N_("All themes"),
        "all_themes",
        N_("Show the points of all themes"),
        show=False,
    ),
    _b(
        "v",
        "visit",
        N_("Visit"),
        "visit",
        N_("Interviews, findings, recommendations, actions and the verdict"),
    ),
    _b("ctrl+e", "export", N_("Excel"), "export", N_("Export this assessment to Excel")),
    _b("ctrl+r", "report", N_("Report"), "report", N_("Write the Word report")),
    _b(
        "i",
        "import",
        N_("Import"),
        "import",
        N_("Import a filled-in Excel workbook: preview, choose, apply"),
    ),
]
PALETTE = (
    ("export", N_("Export to Excel"), N_("Export this assessment to an Excel workbook")),
    ("report", N_("Write report"), N_("Write the Word report of this assessment")),
    (
        "import",
        N_("Import from Excel"),
        N_("Preview a filled-in workbook of this assessment, then import it"),
    ),
    ("visit", N_("Visit records"), N_("Interviews, findings, actions and the verdict")),
)
