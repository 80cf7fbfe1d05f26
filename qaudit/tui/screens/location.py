"""A location's trajectory: the ten steps (blocked ones with their reason) and its actions."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from qaudit.domain.enums import StepStatus
from qaudit.i18n import N_, _
from qaudit.tui import format as fmt
from qaudit.tui.screens.base import BACK, WorkScreen, binding_maker, headed
from qaudit.tui.screens.form import ConfirmDialog, Field, FormDialog
from qaudit.tui.screens.location_text import (
    cancel_question,
    history_text,
    if_yes,
    readiness_text,
    refusal,
    reopen_question,
    start_question,
)
from qaudit.tui.widgets.key_bar import KeyBar
from qaudit.tui.widgets.title_bar import TitleBar

_b = binding_maker("location")


class LocationScreen(WorkScreen):
    AUTO_FOCUS = "#steps"
    BINDINGS = [
        BACK,
        _b(
            "s",
            "start('self_evaluation')",
            N_("Self-evaluation"),
            "self_evaluation",
            N_("Start a new self-evaluation of the Basis op orde"),
        ),
        _b(
            "a",
            "start('audit_visit')",
            N_("Audit visit"),
            "audit_visit",
            N_("Start the audit visit, beside the latest self-evaluation"),
        ),
        _b(
            "v",
            "start('visitation')",
            N_("Visitation"),
            "visitation",
            N_("Record an appreciative visitation (step 8)"),
        ),
        _b(
            "c",
            "start('cirkel')",
            N_("Cirkel"),
            "cirkel",
            N_("Record a Cirkel van Kwaliteit@ assessment (step 9)"),
        ),
        _b(
            "g",
            "start('readiness_scan')",
            N_("Readiness scan"),
            "readiness_scan",
            N_("Fill in the readiness scan with the board, before the MT decision (step 2)"),
        ),
        _b(
            "p",
            "rollout",
            N_("Promises"),
            "rollout",
            N_("The promise rollout: translations, training, visibility (steps 5–7)"),
        ),
        _b(
            "b",
            "step('in_progress')",
            N_("Start step"),
            "step_start",
            N_("Start the selected step (if the cycle's rules allow it)"),
        ),
        _b(
            "d",
            "step('done')",
            N_("Step done"),
            "step_done",
            N_("Mark the selected step as done (if the cycle's rules allow it)"),
        ),
        _b(
            "m",
            "decision",
            N_("MT decision"),
            "decision",
            N_("Record the board's and management team's decision (step 2)"),
        ),
        _b(
            "l",
            "membership",
            N_("Membership"),
            "membership",
            N_("Record the organisation's membership (step 3)"),
        ),
        _b(
            "o",
            "profile",
            N_("Profile"),
            "profile",
            N_("The location profile: which measurement points apply here"),
            show=False,
        ),
        _b(
            "x",
            "cancel_assessment",
            N_("Cancel assessment"),
            "cancel_assessment",
            N_("Cancel the selected open assessment, started by mistake (kept and logged)"),
        ),
        _b(
            "tab",
            "app.focus_next",
            N_("Next table"),
            "focus_next",
            N_("Move between the steps and the assessments"),
        ),
        _b(
            "k",
            "clientvoice",
            N_("Client's voice"),
            "clientvoice",
            N_("Feedback, complaints, actions and evaluations of this location (Cliëntstem)"),
        ),
    ]
    PALETTE = (
        ("start('self_evaluation')", N_("New self-evaluation"), N_("Start a self-evaluation here")),
        ("rollout", N_("Promise rollout"), N_("Open the promise rollout of this location")),
    )

    def __init__(self, location_id: int) -> None:
        super().__init__()
        self.location_id = location_id
        self.trajectory: Any = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="location-head")
        yield DataTable(id="steps", cursor_type="row")
        yield Static("", id="step-reason", classes="reason")
        yield Static(_("Assessments (Enter opens)"), classes="section")
        yield DataTable(id="assessments", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        headed(
            self.query_one("#steps", DataTable),
            "#",
            N_("step"),
            N_("status"),
            N_("started"),
            N_("completed"),
            N_("who"),
            N_("note"),
        )
        headed(
            self.query_one("#assessments", DataTable),
            N_("id"),
            N_("kind"),
            N_("status"),
            N_("started"),
            N_("answered"),
            N_("score"),
            N_("verdict"),
        )
        self.reload()
        self.query_one("#steps", DataTable).focus()

    def reload(self) -> None:
        from qaudit.services import trajectory

        t = self.trajectory = self.read(trajectory.trajectory, self.location_id)
        self.sub_title = f"{t.code} {t.name}"
        member = _("member") if t.member else _("not a member")
        self.query_one("#location-head", Static).update(
            f"[b]{t.code} {t.name}[/b] · {t.organisation} · {member} · "
            + _("current step: {step}").format(
                step=f"{int(t.state.current_step)} {t.state.current_step.label}"
            )
        )
        steps = self.query_one("#steps", DataTable)
        cursor = steps.cursor_row
        steps.clear()
        for row in t.steps:
            steps.add_row(
                str(int(row.step)),
                row.step.label,
                _status(row),
                fmt.day(row.started_on),
                fmt.day(row.completed_on),
                row.person,
                _note(row),
                key=str(int(row.step)),
            )
        steps.move_cursor(row=cursor)
        table = self.query_one("#assessments", DataTable)
        table.clear()
        for a in t.assessments:
            table.add_row(
                str(a.id),
                a.kind.label,
                a.status.label,
                fmt.day(a.started_on),
                f"{a.answered}/{a.total}",
                fmt.percent(a.percent),
                fmt.outcome(a.outcome),
                key=str(a.id),
            )
        self._show_reason()

    def selected_step(self) -> Any:
        steps = self.query_one("#steps", DataTable)
        return self.trajectory.steps[steps.cursor_row] if self.trajectory else None

    @on(DataTable.RowHighlighted, "#steps")
    def _show_reason(self) -> None:
        row = self.selected_step()
        lines = []
        if row is not None and not row.gate.allowed and row.status.value != "done":
            lines.append(_("Blocked: {reason}").format(reason=row.gate.reason))
        if row is not None and row.history:
            lines.append(_("History: {events}").format(events=history_text(row.history)))
        self.query_one("#step-reason", Static).update("\n".join(lines))

    @on(DataTable.RowSelected, "#assessments")
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.qapp.open_assessment(int(event.row_key.value))

    def action_start(self, kind: str) -> None:
        """Ask first: what starting will do, beside the open work; refuse a second one."""
        from qaudit.domain.enums import AssessmentKind
        from qaudit.services import starting

        preview = self.read(starting.preview, self.location_id, AssessmentKind(kind))
        if preview.blocked or preview.open_same is not None:
            self.notify(refusal(preview), title=_("Not started"), severity="error", timeout=10)
            return
        question = start_question(preview)
        if kind in ("self_evaluation", "readiness_scan"):  # filled in by the location itself
            self.ask(ConfirmDialog(question), if_yes(lambda: self._start(kind, "")))
            return
        field = Field("people", _("Who does the work (person ids, e.g. 1,4)"))
        title = question + "\n" + _("Who are the auditors, visitors or assessors?")
        self.ask(FormDialog(title, [field]), lambda values: self._start(kind, values["people"]))

    def _start(self, kind: str, people: str) -> None:
        from qaudit.domain.enums import AssessmentKind
        from qaudit.services import trajectory
        from qaudit.services.work_people import parse_ids

        new_id = self.act(
            lambda *a, **k: trajectory.start_assessment(*a, people=parse_ids(people), **k),
            self.engine,
            self.location_id,
            AssessmentKind(kind),
            today=self.qapp.today,
            catalogue=self.qapp.get_catalogue(),
        )
        if new_id is None:
            return
        if kind in ("visitation", "cirkel"):
            from qaudit.services.schedule_status import linked_event, started_message

            linked = linked_event(self.engine, new_id)
            if linked is not None:
                self.notify(started_message(linked))
        self.qapp.open_assessment(new_id)

    def selected_assessment(self) -> Any:
        table = self.query_one("#assessments", DataTable)
        if self.trajectory is None or not self.trajectory.assessments:
            return None
        return self.trajectory.assessments[min(table.cursor_row, len(table.rows) - 1)]

    def action_cancel_assessment(self) -> None:
        """Cancel the selected open assessment (started by mistake): kept and logged."""
        from qaudit.services import cancelling

        chosen = self.selected_assessment()
        if chosen is None or chosen.status.value != "open":
            self.notify(_("Select an open assessment in the lower table to cancel it."))
            return
        step = self.read(cancelling.step_after_cancel, chosen.id)
        question = cancel_question(chosen, self.trajectory.code, step)
        fields = [Field("reason", _("Why is it cancelled?"), required=True, guard=True)]

        def cancel(values: dict[str, Any]) -> None:
            done = self.act(cancelling.cancel, self.engine, chosen.id, values["reason"])
            if done is not None:
                told = _("Assessment {id} is cancelled.").format(id=chosen.id)
                self.notify(" ".join(filter(None, [told, done.step.result()])))

        self.ask(FormDialog(question, fields), cancel)

    def action_rollout(self) -> None:
        from qaudit.tui.screens.rollout import RolloutScreen

        self.app.push_screen(RolloutScreen(self.location_id))

    def action_clientvoice(self) -> None:
        from qaudit.tui.screens.clientvoice import ClientVoiceScreen

        self.app.push_screen(ClientVoiceScreen(self.location_id))

    def action_step(self, status: str) -> None:
        row = self.selected_step()
        if row is None:
            return
        if status == "in_progress" and row.status.value == "done":
            question = reopen_question(row, self.trajectory.code)
            self.ask(ConfirmDialog(question), if_yes(lambda: self._set_step(row, status)))
            return
        self._set_step(row, status)

    def _set_step(self, row: Any, status: str) -> None:
        from qaudit.domain.enums import StepStatus
        from qaudit.services import trajectory

        warnings = self.act(
            trajectory.set_step,
            self.engine,
            self.location_id,
            row.step,
            StepStatus(status),
            on=self.qapp.today,
        )
        if warnings:  # completing step 2 with a dimension of the readiness scan below
            self.notify("\n".join(warnings), severity="warning", timeout=15)

    def action_decision(self) -> None:
        from qaudit.domain.enums import MtDecision, Step, StepStatus
        from qaudit.services import readiness, trajectory

        options = [(d.label, d.value) for d in MtDecision]
        fields = [
            Field("decision", _("Decision"), "select", "go", options),
            Field("notes", _("Notes"), "area"),
        ]

        def save(values: dict[str, Any]) -> None:
            warnings = self.act(
                trajectory.set_step,
                self.engine,
                self.location_id,
                Step.MT_SESSION,
                StepStatus.DONE,
                on=self.qapp.today,
                decision=MtDecision(values["decision"]),
                notes=values["notes"],
            )
            if warnings:
                self.notify("\n".join(warnings), severity="warning", timeout=15)

        title = _("Decision of the board and management team")
        scan = self.read(readiness.result_of, self.location_id)
        self.ask(FormDialog(title + "\n\n" + readiness_text(scan), fields), save)

    def action_profile(self) -> None:
        from qaudit.services import profiles

        current = self.read(profiles.stored, self.location_id)
        yes_no = [(_("yes"), "ja"), (_("no"), "nee")]

        def flag(name: str, text: str, default: bool) -> Field:
            value = getattr(current, name) if current else default
            return Field(name, text, "select", "ja" if value else "nee", yes_no)

        fields = [
            flag("behandeling", _("Behandeling"), False),
            flag("psychogeriatric", _("Psychogeriatric units"), False),
            flag("wzd_accommodation", _("Wzd accommodation"), False),
            flag("verblijf", _("Verblijf (at least a day and night)"), True),
            Field(
                "care_providers",
                _("Care providers (Wtza)"),
                "int",
                current.care_providers or 0 if current else 0,
            ),
            Field("places", _("Places"), "int", current.places or 0 if current else 0),
        ]

        def save(values: dict[str, Any]) -> None:
            changes = {k: v == "ja" if isinstance(v, str) else v for k, v in values.items()}
            self.act(profiles.save_profile, self.engine, self.location_id, **changes)

        self.ask(FormDialog(_("Location profile"), fields), save)

    def action_membership(self) -> None:
        from qaudit.services import trajectory

        fields = [
            Field("number", _("Member number"), required=True),
            Field("start", _("Start date"), "date", self.qapp.today, required=True),
        ]

        def save(values: dict[str, Any]) -> None:
            self.act(
                trajectory.record_membership,
                self.engine,
                self.trajectory.organisation_id,
                values["number"],
                values["start"],
            )

        self.ask(FormDialog(_("Membership of the cooperative"), fields), save)

    def on_screen_resume(self) -> None:
        if self.trajectory is not None:
            self.reload()


def _status(row: Any) -> Text:
    if row.status.value == "done":
        return Text("✔ " + StepStatus.DONE.label, style="green")
    if not row.gate.allowed:
        return Text("⛔ " + _("blocked"), style="bold red")
    if row.status.value == "in_progress":
        return Text("▶ " + StepStatus.IN_PROGRESS.label, style="yellow")
    return Text(row.status.label, style="grey50")


def _note(row: Any) -> str:
    if not row.gate.allowed and row.status.value != "done":
        return row.gate.reason
    if row.decision is not None:
        return _("decision: {decision}").format(decision=row.decision.label)
    return row.notes.splitlines()[0] if row.notes else ""
