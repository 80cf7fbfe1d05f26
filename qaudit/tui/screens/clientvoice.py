"""The "Cliëntstem" screen of a location: the client's voice at a glance.

Figures of this year against the targets (NPS, satisfaction, the six parameters, with their
95 % intervals; indicative below the minimum number of responses), the NPS per quarter, the
promises as perceived, the evaluation rhythm, open complaints and open actions. The data is
read in a worker thread and arrives as one typed view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from qaudit.i18n import N_, _
from qaudit.tui import format as fmt
from qaudit.tui.screens.base import BACK, WorkScreen, binding_maker, headed
from qaudit.tui.widgets.key_bar import KeyBar
from qaudit.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from qaudit.domain.clientvoice import Figure
    from qaudit.services.voice_view import ClientVoiceView

_b = binding_maker("clientvoice")


def figure_text(figure: Figure, digits: int = 1) -> Text:
    """``4.3 (3.9–4.6)`` in green above target, red below, grey when only indicative."""
    if figure.value is None:
        return Text("–", style="grey50")
    text = f"{figure.value:.{digits}f}"
    if figure.low is not None and figure.high is not None:
        text += f"  ({figure.low:.{digits}f}–{figure.high:.{digits}f})"
    if figure.indicative:
        return Text(text + "  " + _("indicative"), style="grey50")
    meets = figure.meets_target
    return Text(text, style="" if meets is None else "green" if meets else "bold red")


class ClientVoiceScreen(WorkScreen):
    AUTO_FOCUS = "#cv-figures"
    BINDINGS = [
        BACK,
        _b("r", "reload", N_("Reload"), "reload", N_("Read the client's voice again")),
        _b("e", "evaluation", N_("Evaluation"), "evaluation", N_("Record a held evaluation")),
        _b("c", "complaint", N_("Complaint"), "complaint", N_("Record a complaint (a reference)")),
        _b("[", "year(-1)", N_("Year before"), "previous_year", N_("Show the year before")),
        _b("]", "year(1)", N_("Year after"), "next_year", N_("Show the year after")),
        _b(
            "w",
            "edit_action",
            N_("Edit action"),
            "edit_action",
            N_("Edit the selected open action"),
        ),
        _b(
            "delete",
            "delete_action",
            N_("Delete action"),
            "delete_action",
            N_("Delete the selected open action (asks first)"),
        ),
    ]

    class Loaded(Message):
        def __init__(self, view: ClientVoiceView) -> None:
            super().__init__()
            self.view = view

    class Failed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    def __init__(self, location_id: int) -> None:
        super().__init__()
        self.location_id = location_id
        self.view: ClientVoiceView | None = None
        self.year: int | None = None
        """The year shown (None: the current one)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(_("Loading…"), id="cv-head")
        with TabbedContent(id="cv-tabs"):
            with TabPane(_("Figures"), id="cv-tab-figures"):
                yield DataTable(id="cv-figures", cursor_type="row")
                yield Static("", id="cv-trend")
            with TabPane(_("Promises"), id="cv-tab-promises"):
                yield DataTable(id="cv-promises", cursor_type="row")
            with TabPane(_("Units"), id="cv-tab-units"):
                yield DataTable(id="cv-units", cursor_type="row")
            with TabPane(_("Complaints and actions"), id="cv-tab-open"):
                yield Static("", id="cv-rhythm")
                yield DataTable(id="cv-complaints", cursor_type="row")
                yield DataTable(id="cv-actions", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = _("Client's voice")
        columns = {
            "#cv-figures": (
                N_("figure"),
                N_("value (95% interval)"),
                N_("target"),
                N_("responses"),
            ),
            "#cv-promises": (N_("promise"), N_("title"), N_("noticed kept %"), N_("answers")),
            "#cv-units": (N_("unit"), N_("responses"), "NPS", N_("actions from feedback"), "1–5"),
            "#cv-complaints": (N_("reference"), N_("received"), N_("subject"), N_("decision due")),
            "#cv-actions": (N_("action"), N_("source"), N_("unit"), N_("owner"), N_("deadline")),
        }
        for selector, headers in columns.items():
            headed(self.query_one(selector, DataTable), *headers)
        self.load()

    @work(thread=True, exclusive=True, group="clientvoice")
    def load(self) -> None:
        from qaudit.domain.clientvoice_rhythm import Period
        from qaudit.services.voice_summary import targets_of
        from qaudit.services.voice_view import client_voice

        try:
            targets = targets_of(self.qapp.settings.clientvoice)
            period = Period(self.year) if self.year is not None else None
            today = self.qapp.today
            view = client_voice(self.engine, self.location_id, targets, period, today)
            self.post_message(self.Loaded(view))
        except Exception as error:  # shown to the user; the app stays usable
            self.post_message(self.Failed(error))

    def on_client_voice_screen_failed(self, message: Failed) -> None:
        self.query_one("#cv-head", Static).update(str(message.error))
        self.qapp.report_error(message.error)

    def on_client_voice_screen_loaded(self, message: Loaded) -> None:
        self.view = v = message.view
        figures = v.summary.figures
        self.sub_title = f"{v.code} {v.name} · " + _("Client's voice")
        self.query_one("#cv-head", Static).update(
            Text(
                _(
                    "{code} {name} · {period}: {n} responses (at least {min} for a firm figure)"
                ).format(
                    code=v.code,
                    name=v.name,
                    period=v.summary.period,
                    n=figures.responses,
                    min=v.targets.min_responses,
                )
            )
        )
        rows: list[tuple[Any, ...]] = [
            ("NPS", figure_text(figures.nps, 0), f"> {v.targets.nps:g}", str(figures.nps.n))
        ]
        for parameter, figure in figures.parameters.items():
            target = f"> {figure.target:g}" if figure.target is not None else ""
            rows.append((parameter.label, figure_text(figure, 2), target, str(figure.n)))
        self._fill("#cv-figures", rows)
        self.query_one("#cv-trend", Static).update(_trend(v))
        self._fill(
            "#cv-promises",
            [
                (p.promise_id, v.summary.titles.get(p.promise_id, ""), figure_text(p.kept, 0),
                 str(p.kept.n))
                for p in figures.promises
            ],
        )  # fmt: skip
        self._fill("#cv-units", [_unit_row(u) for u in v.summary.units])
        self.query_one("#cv-rhythm", Static).update(_rhythm(v))
        self._fill("#cv-complaints", [_complaint_row(c) for c in v.open_complaints])
        self._fill(
            "#cv-actions",
            [
                (a.action.title, a.source.label if a.source else "", a.unit, a.action.owner,
                 fmt.day(a.action.deadline))
                for a in v.actions
            ],
        )  # fmt: skip

    def _fill(self, selector: str, rows: list[tuple[Any, ...]]) -> None:
        table = self.query_one(selector, DataTable)
        table.clear()
        for row in rows:
            table.add_row(*(Text(c) if isinstance(c, str) else c for c in row))

    def action_reload(self) -> None:
        self.load()

    def reload(self) -> None:
        self.load()

    def action_evaluation(self) -> None:
        from qaudit.domain.clientvoice_enums import EvaluationKind
        from qaudit.services.voice_rhythm import add_evaluation
        from qaudit.tui.screens.form import Field, FormDialog

        kinds = [(k.label, k.value) for k in EvaluationKind]
        fields = [
            Field("kind", _("Kind"), "select", EvaluationKind.CLIENT.value, kinds),
            Field("held", _("Held on"), "date", self.qapp.today, required=True),
            Field("participants", _("Participants"), "int", 0),
        ]

        def save(values: dict[str, Any]) -> None:
            kind = EvaluationKind(values["kind"])
            self.act(
                add_evaluation,
                self.engine,
                self.location_id,
                kind,
                values["held"],
                values["participants"],
                today=self.qapp.today,
            )

        self.ask(FormDialog(_("A held evaluation"), fields), save)

    def action_complaint(self) -> None:
        from qaudit.checklists import shipped_catalogue
        from qaudit.domain.clientvoice_enums import Channel
        from qaudit.services.voice_register import add_complaint
        from qaudit.tui.screens.form import Field, FormDialog

        promises = [(_("no promise"), "")] + [
            (f"{p.id} {p.title}", p.id) for p in shipped_catalogue().promises.promises
        ]
        fields = [
            Field("reference", _("Complainant's reference (never a name)"), required=True),
            Field("received", _("Received on"), "date", self.qapp.today, required=True),
            Field("channel", _("Channel"), "select", Channel.EMAIL.value,
                  [(c.label, c.value) for c in Channel]),
            Field("promise", _("About promise"), "select", "", promises),
            Field("summary", _("Summary"), "area"),
        ]  # fmt: skip

        def save(values: dict[str, Any]) -> None:
            self.act(
                add_complaint,
                self.engine,
                self.location_id,
                values["reference"],
                values["received"],
                channel=Channel(values["channel"]),
                promise_id=values["promise"] or None,
                summary=values["summary"],
                today=self.qapp.today,
            )

        self.ask(FormDialog(_("A complaint"), fields), save)

    def selected_action(self) -> Any:
        view = self.view
        if view is None or not view.actions:
            self.notify(_("There is no open action to edit or delete."))
            return None
        table = self.query_one("#cv-actions", DataTable)
        return view.actions[min(table.cursor_row, len(view.actions) - 1)].action

    def action_edit_action(self) -> None:
        from qaudit.tui.screens import record_forms as forms

        action = self.selected_action()
        if action is not None:
            fields = forms.action_fields(action)
            title = _("Improvement action")
            forms.edit_record(self, "action", action.id, title, fields, forms.action_changes)

    def action_delete_action(self) -> None:
        from qaudit.tui.screens import record_forms as forms

        action = self.selected_action()
        if action is not None:
            what = _("the action \u201c{title}\u201d").format(title=forms.short(action.title))
            forms.delete_record(self, "action", action.id, what)

    def action_year(self, step: int) -> None:
        year = (self.year or self.qapp.today.year) + step
        if year <= self.qapp.today.year:
            self.year = year
            self.load()


def _trend(v: ClientVoiceView) -> Text:
    text = Text(_("NPS per quarter") + ": ", style="bold")
    for period, figure in v.trend:
        value = "–" if figure.value is None else f"{figure.value:.0f}"
        style = "grey50" if figure.indicative else ("green" if figure.meets_target else "red")
        text.append(f"{period} ", style="bold")
        text.append(f"{value} (n={figure.n})   ", style=style)
    return text


def _unit_row(u: Any) -> tuple[Any, ...]:
    from qaudit.domain.clientvoice import action_check_label

    check = Text(action_check_label(u.action_check))
    if u.action_check != "in_range":
        check.stylize("bold red")
    return (u.name, str(u.figures.responses), figure_text(u.figures.nps, 0),
            str(u.feedback_actions), check)  # fmt: skip


def _complaint_row(c: Any) -> tuple[Any, ...]:
    due: Text | str = fmt.day(c.due)
    if c.overdue:
        due = Text(f"⚠ {due} " + _("overdue"), style="bold red")
    subject = c.complaint.promise_id or c.complaint.theme
    return (c.complaint.reference, fmt.day(c.complaint.received_on), subject, due)


def _rhythm(v: ClientVoiceView) -> Text:
    from qaudit.domain.clientvoice_rhythm import state_label

    text = Text(_("Evaluations") + ": ", style="bold")
    if not v.rhythm:
        text.append(_("none recorded yet"), style="grey50")
    for status in v.rhythm:
        style = {"overdue": "bold red", "due": "yellow"}.get(status.state, "green")
        text.append(f"{status.kind.label} ")
        text.append(f"{state_label(status.state)} ({status.window})   ", style=style)
    return text


def promise_perception(app: Any, assessment_id: int) -> dict[str, Figure]:
    """For the visitation and Cirkel forms: per promise, how clients perceived it."""
    from qaudit.services.voice_summary import targets_of
    from qaudit.services.voice_view import promise_perception as perception

    return perception(app.engine(), assessment_id, targets_of(app.settings.clientvoice))


def perception_line(point: Any, perceived: dict[str, Figure]) -> Text | None:
    """``Ervaren door cliënten: KB01 56% (31–78%, n=9)`` for a point about a promise."""
    promises = [p for p in getattr(point, "promises", ()) or () if p in perceived]
    if not promises:
        return None
    line = Text(_("Perceived by clients") + ": ", style="bold")
    for promise_id in promises:
        line.append(f"{promise_id} ")
        line.append_text(figure_text(perceived[promise_id], 0))
        line.append(f"  n={perceived[promise_id].n}   ")
    return line
