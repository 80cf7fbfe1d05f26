"""A dialog that asks for a few fields and returns them (``ModalScreen[dict | None]``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from qaudit.i18n import N_, _


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text, int, date, select, area
    default: Any = ""
    options: Sequence[tuple[str, Any]] = ()
    required: bool = False
    check: Callable[[str], str] | None = None
    """For text areas: a live warning for what was typed (default: the privacy check)."""
    extra: dict[str, Any] = field(default_factory=dict)
    guard: bool | None = None
    """Free text checked for personal data before saving (default: text areas)."""

    @property
    def guarded(self) -> bool:
        return self.kind == "area" if self.guard is None else self.guard

    @property
    def warning(self) -> Callable[[str], str] | None:
        from qaudit.tui.screens.privacy_gate import privacy_warning

        return self.check or (privacy_warning if self.guarded else None)


class FormDialog(ModalScreen[dict[str, Any] | None]):
    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            N_("Save"),
            id="form.save",
            priority=True,
            tooltip=N_("Save what you entered"),
        ),
        Binding(
            "escape", "cancel", N_("Cancel"), id="form.cancel", tooltip=N_("Close without saving")
        ),
    ]

    def __init__(
        self, title: str, fields: Sequence[Field], *, about: tuple[str, int | None] = ("", None)
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)
        self.about = about
        """What the form is about (entity, id), for the audit log of a privacy confirmation."""
        self.error = ""
        """Why the last save was refused (shown at once in a form opened again)."""

    def again(self, values: dict[str, Any], error: str) -> FormDialog:
        """The same form with what was typed and why saving it was refused."""
        fields = [replace(f, default=values.get(f.name, f.default)) for f in self.fields]
        dialog = FormDialog(self.title_text, fields, about=self.about)
        dialog.error = error
        return dialog

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(self.title_text, classes="form-title")
            for f in self.fields:
                yield Label(f.label + (" *" if f.required else ""))
                yield self._widget(f)
                if f.warning is not None:
                    yield Static("", id=f"warn-{f.name}", classes="warning")
            yield Static(self.error, id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(_("Save (ctrl+s)"), variant="primary", id="save")
                yield Button(_("Cancel (esc)"), id="cancel")

    def _widget(self, f: Field) -> Any:
        wid = f"f-{f.name}"
        if f.kind == "select":
            return Select(list(f.options), value=f.default, allow_blank=False, id=wid)
        if f.kind == "area":
            return TextArea(str(f.default or ""), id=wid, classes="area")
        if f.kind == "date":
            value = f.default.strftime("%d-%m-%Y") if isinstance(f.default, date) else f.default
            return Input(value or "", placeholder=_("dd-mm-yyyy"), id=wid)
        default = str(f.default if f.default is not None else "")
        if f.kind == "int":
            return Input(default, type="integer", id=wid)
        return Input(default, type="text", id=wid)

    def on_mount(self) -> None:
        for f in self.fields:
            if f.warning is not None:
                self._check(f)

    @on(TextArea.Changed)
    @on(Input.Changed)
    def _text_changed(self, event: TextArea.Changed | Input.Changed) -> None:
        widget = event.text_area if isinstance(event, TextArea.Changed) else event.input
        name = (widget.id or "")[2:]
        for f in self.fields:
            if f.name == name and f.warning is not None:
                self._check(f)

    def _check(self, f: Field) -> None:
        warning = f.warning
        assert warning is not None
        self.query_one(f"#warn-{f.name}", Static).update(warning(str(self._raw(f) or "")))

    def _raw(self, f: Field) -> Any:
        widget = self.query_one(f"#f-{f.name}")
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Input | Select):
            return widget.value
        raise TypeError(f"field {f.name}: not an input ({type(widget).__name__})")

    def values(self) -> dict[str, Any]:
        """The typed values; raises ValueError with a message naming the field."""
        out: dict[str, Any] = {}
        for f in self.fields:
            raw = self._raw(f)
            text = raw.strip() if isinstance(raw, str) else raw
            if f.required and text in ("", None):
                raise ValueError(_("{field} is required.").format(field=f.label))
            out[f.name] = _convert(f, text)
        return out

    def action_save(self) -> None:
        """Save, after the privacy gate: flagged free text is rewritten or confirmed first."""
        from qaudit.tui.screens.privacy_gate import guard_free_text

        try:
            values = self.values()
        except ValueError as error:
            self.query_one("#form-error", Static).update(str(error))
            return
        texts = {f.label: str(values[f.name] or "") for f in self.fields if f.guarded}
        guard_free_text(
            self.app,
            texts,
            lambda: self.dismiss(values),
            what=self.title_text,
            about=self.about,
            rewrite=self._rewrite,
        )

    def _rewrite(self) -> None:
        """Back in the form, on the first field that holds personal data."""
        from qaudit.tui.screens.privacy_gate import flagged_texts

        for f in self.fields:
            if f.guarded and flagged_texts({f.label: str(self._raw(f) or "")}):
                self.query_one(f"#f-{f.name}").focus()
                return

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


def _convert(f: Field, text: Any) -> Any:
    if f.kind == "int":
        try:
            return int(text or 0)
        except ValueError:
            raise ValueError(
                _("{field}: '{value}' is not a whole number.").format(field=f.label, value=text)
            ) from None
    if f.kind == "date":
        return parse_date(f.label, text)
    return text


def parse_date(label: str, text: str) -> date | None:
    if not text:
        return None
    for parse in (_dutch_date, date.fromisoformat):
        try:
            return parse(text)
        except ValueError:
            continue
    raise ValueError(
        _("{field}: '{value}' is not a date (dd-mm-yyyy).").format(field=label, value=text)
    )


def _dutch_date(text: str) -> date:
    day, month, year = (int(part) for part in text.replace("/", "-").split("-"))
    return date(year, month, day)


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,j", "answer(True)", N_("Yes"), id="confirm.yes", tooltip=N_("Yes, do it")),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no", tooltip=N_("No, go back")),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(self.question, classes="form-title")
            with Horizontal(classes="buttons"):
                yield Button(_("Yes (y)"), variant="warning", id="yes")
                yield Button(_("No (n)"), id="no")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
