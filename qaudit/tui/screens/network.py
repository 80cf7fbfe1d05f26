"""The learning network (step 10): its meetings and the library of good practices."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from qaudit.i18n import N_, _
from qaudit.tui import format as fmt
from qaudit.tui.screens.base import BACK, WorkScreen, binding_maker, headed
from qaudit.tui.screens.form import Field, FormDialog
from qaudit.tui.widgets.key_bar import KeyBar
from qaudit.tui.widgets.title_bar import TitleBar

_b = binding_maker("network")


class NetworkScreen(WorkScreen):
    AUTO_FOCUS = "#meetings"
    BINDINGS = [
        BACK,
        _b("a", "add", N_("New meeting"), "add", N_("Record a network meeting")),
        _b(
            "c",
            "consent",
            N_("Consent"),
            "consent",
            N_("Give or withdraw the consent of the selected practice's location"),
        ),
        _b(
            "f",
            "filter",
            N_("Filter"),
            "filter",
            N_("Show only the practices of one promise or theme"),
        ),
        _b("e", "edit", N_("Edit meeting"), "edit", N_("Edit the selected meeting")),
        _b(
            "delete",
            "delete",
            N_("Delete meeting"),
            "delete",
            N_("Delete the selected meeting with its attendance (asks first)"),
        ),
        _b(
            "tab",
            "app.focus_next",
            N_("Next table"),
            "focus_next",
            N_("Move between the meetings and the practices"),
        ),
    ]
    PALETTE = (("add", N_("New network meeting"), N_("Record a meeting of the network")),)

    def __init__(self) -> None:
        super().__init__()
        self.promise = ""
        self.theme = ""
        self.rows: list[Any] = []
        self.meetings: list[Any] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(_("Network meetings"), classes="section")
        yield DataTable(id="meetings", cursor_type="row")
        yield Static("", id="practices-head", classes="section")
        yield DataTable(id="practices", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = _("Learning network")
        headed(
            self.query_one("#meetings", DataTable),
            N_("date"),
            N_("theme"),
            N_("host"),
            N_("attendance"),
            N_("shared"),
        )
        headed(
            self.query_one("#practices", DataTable),
            N_("id"),
            N_("location"),
            N_("consent"),
            N_("promise"),
            N_("theme"),
            N_("practice"),
            N_("spread"),
        )
        self.reload()

    def reload(self) -> None:
        from qaudit.services import network

        meetings = self.meetings = self.read(network.meetings) or []
        table = self.query_one("#meetings", DataTable)
        table.clear()
        for m in meetings or []:
            table.add_row(
                fmt.day(m.held_on),
                m.theme,
                m.host,
                ", ".join(f"{c} ({n})" for c, n in m.attendance),
                m.shared,
                key=str(m.id),
            )
        self.rows = network.library(self.engine, self.qapp.today, include_unshared=True)
        shown = [
            r
            for r in self.rows
            if (not self.promise or r.promise_id == self.promise)
            and (not self.theme or r.theme_id == self.theme)
        ]
        practices = self.query_one("#practices", DataTable)
        practices.clear()
        for r in shown:
            practices.add_row(
                str(r.id),
                r.location,
                "✔" if r.shared else "✘",
                r.promise_id or "",
                r.theme_id or "",
                r.text,
                _("{meetings} meetings, {reached} locations").format(
                    meetings=r.meetings, reached=r.reached
                ),
                key=str(r.id),
            )
        head = _("Good practices: {count}, of which {shared} shared with consent").format(
            count=len(shown), shared=sum(r.shared for r in shown)
        )
        if self.promise or self.theme:
            head += " · " + _("filter: {value}").format(value=self.promise or self.theme)
        self.query_one("#practices-head", Static).update(head)

    def action_add(self) -> None:
        from qaudit.services import network

        fields = [
            Field("date", _("Date"), "date", self.qapp.today, required=True),
            Field("theme", _("Theme"), required=True),
            Field("host", _("Host location (code)")),
            Field("attendance", _("Attendance (codes, e.g. L08:2, L09)")),
            Field("shared", _("What was shared"), "area"),
        ]

        def save(values: dict[str, Any]) -> None:
            self.act(
                network.add_meeting_by_codes,
                self.engine,
                held_on=values["date"],
                theme=values["theme"],
                host=values["host"],
                attendance=values["attendance"],
                shared=values["shared"],
            )

        self.ask(FormDialog(_("Network meeting"), fields), save)

    def action_consent(self) -> None:
        from qaudit.services import network

        table = self.query_one("#practices", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        row = next((r for r in self.rows if str(r.id) == key), None)
        if row is not None:
            self.act(
                network.set_consent,
                self.engine,
                row.location_id,
                not row.shared,
                on=self.qapp.today,
            )

    def action_filter(self) -> None:
        fields = [Field("value", _("Promise or theme id (empty: all)"), default="")]

        def apply(values: dict[str, Any]) -> None:
            value = (values["value"] or "").strip().upper()
            self.promise = value if value.startswith("KB") else ""
            self.theme = value if value and not value.startswith("KB") else ""
            self.reload()

        self.ask(FormDialog(_("Filter the practices"), fields), apply)

    def selected_meeting(self) -> Any:
        if not self.meetings:
            self.notify(_("There is no meeting yet (a records one)."))
            return None
        table = self.query_one("#meetings", DataTable)
        return self.meetings[min(table.cursor_row, len(self.meetings) - 1)]

    def action_edit(self) -> None:
        from qaudit.tui.screens import record_forms as forms

        m = self.selected_meeting()
        if m is None:
            return
        fields = [
            Field("date", _("Date"), "date", m.held_on, required=True),
            Field("theme", _("Theme"), default=m.theme, required=True),
            Field("shared", _("What was shared"), "area", m.shared),
        ]

        def changes(v: dict[str, Any]) -> dict[str, Any]:
            return {"held_on": v["date"], "topic": v["theme"], "shared": v["shared"]}

        title = _("Network meeting")
        forms.edit_record(self, "meeting", m.id, title, fields, changes)

    def action_delete(self) -> None:
        from qaudit.tui.screens import record_forms as forms

        m = self.selected_meeting()
        if m is not None:
            what = _("the meeting of {day} ({theme})").format(
                day=fmt.day(m.held_on), theme=forms.short(m.theme)
            )
            forms.delete_record(self, "meeting", m.id, what)
