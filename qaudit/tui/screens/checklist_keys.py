"""The checklist screen's keys and palette entries (remappable by binding id)."""

from __future__ import annotations

from textual.binding import BindingType

from qaudit.i18n import N_, _
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
    _b("1", "answer('voldoet')", _("compliant"), "compliant", _("Answer: compliant")),
    _b("2", "answer('voldoet_deels')", _("partly"), "partly", _("Answer: partly compliant")),
    _b("3", "answer('voldoet_niet')", _("not"), "not_compliant", _("Answer: not compliant")),
    _b("0", "answer('nvt')", _("n/a"), "not_applicable", _("Answer: not applicable")),
    _b(
        "n",
        "next_unanswered",
        _("Next open"),
        "next",
        _("Jump to the next point without an answer"),
    ),
    _b(
        "slash",
        "search",
        _("Find"),
        "search",
        _("Find a point by id (3.2, T03.02) or words, and jump to it"),
    ),
    _b("u,ctrl+z", "undo", _("Undo"), "undo", _("Undo the last answer")),
    _b(
        "f",
        "cycle_filter",
        _("Filter"),
        "filter",
        _("Show: all, unanswered, critical, not compliant, differs from self-evaluation"),
    ),
    _b(
        "b",
        "evidence",
        _("Files"),
        "evidence",
        _("Evidence files and photos of the selected point: attach from disk, open"),
    ),
    _b("e", "edit_note", _("Note"), "note", _("Write a note with the selected point")),
    _b(
        "h",
        "history",
        _("History"),
        "history",
        _("Who changed this point, when, and what"),
        show=False,
    ),
    _b(
        "right_square_bracket",
        "theme(1)",
        _("Next theme"),
        "next_theme",
        _("Go to the next theme"),
        show=False,
    ),
    _b(
        "left_square_bracket",
        "theme(-1)",
        _("Previous theme"),
        "previous_theme",
        _("Go to the previous theme"),
        show=False,
    ),
    _b(
        "a",
        "all_themes",
        _("All themes"),
        "all_themes",
        _("Show the points of all themes"),
        show=False,
    ),
    _b(
        "v",
        "visit",
        _("Visit"),
        "visit",
        _("Interviews, findings, recommendations, actions and the verdict"),
    ),
    _b("ctrl+e", "export", _("Excel"), "export", _("Export this assessment to Excel")),
    _b("ctrl+r", "report", _("Report"), "report", _("Write the Word report")),
    _b(
        "i",
        "import",
        _("Import"),
        "import",
        _("Import a filled-in Excel workbook: preview, choose, apply"),
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
