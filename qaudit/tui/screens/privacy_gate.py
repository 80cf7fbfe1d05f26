"""The privacy gate: free text that looks like personal data is not saved until it is
rewritten or explicitly confirmed as not personal (the confirmation is logged).

Every place that saves free text goes through :func:`guard_free_text`: the form dialog for
all its text areas (and fields marked ``guard``), the checklist's note editor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from qaudit.i18n import N_, _

if TYPE_CHECKING:
    from qaudit.domain.privacy import Finding

Flagged = dict[str, tuple["Finding", ...]]
"""What was flagged, per field (its label)."""


def privacy_warning(text: str) -> str:
    """The live warning under a text that looks like it contains personal data."""
    from qaudit.services.privacy import check_free_text, describe

    found = check_free_text(text)
    if not found:
        return ""
    return "⚠ " + _("Looks like personal data; rewrite it before saving: {what}").format(
        what=describe(found)
    )


def flagged_texts(texts: Mapping[str, str]) -> Flagged:
    from qaudit.services.privacy import check_free_text

    found = {label: check_free_text(text) for label, text in texts.items()}
    return {label: hits for label, hits in found.items() if hits}


class PrivacyDialog(ModalScreen[bool]):
    """Rewrite the text (False) or confirm that it is not personal data (True)."""

    BINDINGS = [
        Binding(
            "r,escape",
            "answer(False)",
            N_("Rewrite"),
            id="privacy.rewrite",
            tooltip=N_("Go back and rewrite the text without personal data"),
        ),
        Binding(
            "c",
            "answer(True)",
            N_("Not personal"),
            id="privacy.confirm",
            tooltip=N_("Save as it is: you confirm it is not personal data (logged)"),
        ),
    ]

    def __init__(self, flagged: Flagged) -> None:
        super().__init__()
        self.flagged = flagged

    def compose(self) -> ComposeResult:
        from qaudit.services.privacy import describe

        with VerticalScroll(id="form"):
            yield Static(_("This text looks like it contains personal data"), classes="form-title")
            for label, found in self.flagged.items():
                yield Static(f"{label}: {describe(found)}", classes="warning")
            yield Static(
                _(
                    "Notes, findings and advice must not name residents or give their date "
                    "of birth, BSN, phone number or e-mail address. Rewrite the text, or "
                    "confirm that it is not personal data; the confirmation is recorded in "
                    "the audit log."
                )
            )
            with Horizontal(classes="buttons"):
                yield Button(_("Rewrite (r)"), variant="primary", id="rewrite")
                yield Button(_("Not personal, save (c)"), variant="warning", id="confirm")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")


def guard_free_text(
    app: Any,
    texts: Mapping[str, str],
    save: Callable[[], object],
    *,
    what: str = "",
    about: tuple[str, int | None] = ("", None),
    rewrite: Callable[[], object] | None = None,
) -> None:
    """Call ``save`` now when ``texts`` (label -> text) hold no personal data; otherwise ask.

    Confirmed as not personal: the confirmation is logged (kinds and count, never the text)
    and ``save`` is called. Rewrite: ``rewrite`` is called and nothing is saved.
    """
    flagged = flagged_texts(texts)
    if not flagged:
        save()
        return

    def decided(confirmed: bool | None) -> None:
        if confirmed and _log(app, flagged, what, about):
            save()
        elif not confirmed and rewrite is not None:
            rewrite()

    app.push_screen(PrivacyDialog(flagged), decided)


def _log(app: Any, flagged: Flagged, what: str, about: tuple[str, int | None]) -> bool:
    from qaudit.services.privacy import confirm_not_personal

    findings = [f for found in flagged.values() for f in found]
    fields = ", ".join(flagged)
    result = app.call_service(
        confirm_not_personal,
        app.engine(),
        what=f"{what}: {fields}" if what else fields,
        findings=findings,
        entity=about[0],
        entity_id=about[1],
    )
    return result is not None
