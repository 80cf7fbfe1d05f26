"""The audit visit: interviews, findings, recommendations, quality advice, improvement
actions, the verdict with its explanation, and closing the visit (locks its answers)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from qaudit.domain.verdict import Outcome
from qaudit.errors import QauditError
from qaudit.i18n import N_, _
from qaudit.tui import format as fmt
from qaudit.tui.screens import record_forms as forms
from qaudit.tui.screens.base import BACK, WorkScreen, binding_maker, headed
from qaudit.tui.screens.form import ConfirmDialog, Field, FormDialog
from qaudit.tui.screens.privacy_gate import privacy_warning
from qaudit.tui.widgets.key_bar import KeyBar
from qaudit.tui.widgets.title_bar import TitleBar

_b = binding_maker("visit")


class VisitScreen(WorkScreen):
    AUTO_FOCUS = "#visit-tabs"
    BINDINGS = [
        BACK,
        _b("i", "interview", N_("Interview"), "interview", N_("Record an interview")),
        _b(
            "f",
            "finding",
            N_("Finding"),
            "finding",
            N_("Record a strength or point of improvement"),
        ),
        _b(
            "r",
            "recommendation",
            N_("Recommendation"),
            "recommendation",
            N_("Record a recommendation"),
        ),
        _b("q", "advice", N_("Quality advice"), "advice", N_("Write the quality advice")),
        _b("s", "summary", N_("Summary"), "summary", N_("Write the summary of the visit")),
        _b("a", "action", N_("Action"), "action", N_("Add an improvement action")),
        _b(
            "t",
            "action_status",
            N_("Action status"),
            "action_status",
            N_("Set the status of the selected improvement action"),
        ),
        _b(
            "e",
            "edit",
            N_("Edit"),
            "edit",
            N_("Edit the selected interview, finding, ... (open tab)"),
        ),
        _b(
            "delete",
            "delete",
            N_("Delete"),
            "delete",
            N_("Delete the selected interview, finding, ... (asks first)"),
        ),
        _b("c", "checklist", N_("Checklist"), "checklist", N_("Back to the answers")),
        _b(
            "x",
            "close_visit",
            N_("Close visit"),
            "close",
            N_("Close the visit: its answers are locked and the verdict recorded"),
        ),
    ]

    def __init__(self, assessment_id: int) -> None:
        super().__init__()
        self.assessment_id = assessment_id
        self.record: Any = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="visit-head")
        with TabbedContent(id="visit-tabs"):
            with TabPane(_("Verdict"), id="tab-verdict"):
                yield Static("", id="verdict")
            with TabPane(_("Interviews"), id="tab-interviews"):
                yield DataTable(id="interviews", cursor_type="row")
            with TabPane(_("Findings"), id="tab-findings"):
                yield DataTable(id="findings", cursor_type="row")
            with TabPane(_("Recommendations"), id="tab-recommendations"):
                yield DataTable(id="recommendations", cursor_type="row")
                yield Static("", id="advice")
            with TabPane(_("Actions"), id="tab-actions"):
                yield DataTable(id="actions", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        headed(
            self.query_one("#interviews", DataTable),
            N_("date"),
            N_("group"),
            N_("participants"),
            N_("notes (pseudonymised)"),
        )
        headed(self.query_one("#findings", DataTable), N_("kind"), N_("points"), N_("finding"))
        headed(self.query_one("#recommendations", DataTable), N_("finding"), N_("recommendation"))
        headed(
            self.query_one("#actions", DataTable),
            N_("action"),
            N_("owner"),
            N_("deadline"),
            N_("status"),
        )
        self.reload()

    def privacy_subject(self) -> tuple[str, int | None]:
        return ("assessment", self.assessment_id)

    def reload(self) -> None:
        from qaudit.services import visits

        r = self.record = self.read(visits.visit_record, self.assessment_id)
        a = r.assessment
        state = _("closed (answers locked)") if a.status.value == "closed" else _("open")
        self.sub_title = f"{r.location.code} {r.location.name} · {a.kind.label}"
        self.query_one("#visit-head", Static).update(
            f"[b]{r.location.code} {r.location.name}[/b] · {a.kind.label} #{a.id} · "
            f"{fmt.day(a.started_on)} · {state}"
        )
        self._verdict(r)
        self._fill(
            "#interviews",
            [
                (fmt.day(i.held_on), i.group.label, str(i.participants), i.notes)
                for i in r.interviews
            ],
        )
        self._fill(
            "#findings",
            [(f.kind.label, ", ".join(f.point_ids), f.text) for f in r.findings],
        )
        self._fill(
            "#recommendations", [(str(x.finding_id or ""), x.text) for x in r.recommendations]
        )
        self.query_one("#advice", Static).update(
            Text.assemble((_("Quality advice") + ": ", "bold"), a.quality_advice or "–")
        )
        self._fill(
            "#actions",
            [(x.title, x.owner, fmt.day(x.deadline), x.status.label) for x in r.actions],
        )

    def _fill(self, selector: str, rows: list[tuple[Any, ...]]) -> None:
        table = self.query_one(selector, DataTable)
        cursor = table.cursor_row
        table.clear()
        for row in rows:
            table.add_row(*row)
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))

    def _verdict(self, r: Any) -> None:
        v = r.verdict
        kind = r.assessment.kind.checklist_kind
        outcome, explanation = shown_outcome(v, kind)
        title = _("Outcome") if kind == "visitation" else _("Verdict")
        lines = [
            Text.assemble((title + ": ", "bold"), fmt.outcome_for(outcome, kind)),
            Text(explanation),
            Text(""),
            Text.assemble(
                (_("Overall") + ": ", "bold"),
                f"{fmt.percent(v.score.overall.percent)} · "
                f"{v.score.overall.answered}/{v.score.overall.total}",
            ),
        ]
        for t in v.score.themes:
            lines.append(
                Text(
                    f"  {t.theme.id} {t.theme.title}: {fmt.percent(t.tally.percent)} "
                    f"({t.tally.answered}/{t.tally.total})"
                )
            )
        if r.assessment.summary:
            lines += [Text(""), Text.assemble((_("Summary") + ": ", "bold"), r.assessment.summary)]
        from rich.console import Group

        self.query_one("#verdict", Static).update(Group(*lines))

    def _tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_interview(self) -> None:
        from qaudit.services import visits

        self._tab("tab-interviews")

        def save(v: dict[str, Any]) -> None:
            c = forms.interview_changes(v)
            self.act(
                visits.add_interview,
                self.engine,
                self.assessment_id,
                c["group"],
                c["participants"],
                c["held_on"],
                c["notes"],
            )

        self.ask(FormDialog(_("Interview"), forms.interview_fields(self.qapp.today)), save)

    def action_finding(self) -> None:
        from qaudit.services import visits

        self._tab("tab-findings")

        def save(v: dict[str, Any]) -> None:
            c = forms.finding_changes(v)
            self.act(
                visits.add_finding,
                self.engine,
                self.assessment_id,
                c["kind"],
                c["text"],
                c["point_ids"],
            )

        self.ask(FormDialog(_("Finding"), forms.finding_fields()), save)

    def action_recommendation(self) -> None:
        from qaudit.services import visits

        self._tab("tab-recommendations")

        def save(v: dict[str, Any]) -> None:
            c = forms.recommendation_changes(v)
            self.act(
                visits.add_recommendation,
                self.engine,
                self.assessment_id,
                c["text"],
                c["finding_id"],
            )

        fields = forms.recommendation_fields(self.record.findings)
        self.ask(FormDialog(_("Recommendation"), fields), save)

    def action_advice(self) -> None:
        from qaudit.services import visits

        self._tab("tab-recommendations")
        fields = [Field("text", _("Quality advice"), "area", self.record.assessment.quality_advice)]
        self.ask(
            FormDialog(_("Quality advice"), fields),
            lambda v: self.act(
                visits.set_quality_advice, self.engine, self.assessment_id, v["text"]
            ),
        )

    def action_summary(self) -> None:
        from qaudit.services import visits

        self._tab("tab-verdict")
        fields = [
            Field(
                "text", _("Summary"), "area", self.record.assessment.summary, check=privacy_warning
            )
        ]
        self.ask(
            FormDialog(_("Summary"), fields),
            lambda v: self.act(visits.set_summary, self.engine, self.assessment_id, v["text"]),
        )

    def action_action(self) -> None:
        from qaudit.services import visits

        self._tab("tab-actions")

        def save(v: dict[str, Any]) -> None:
            c = forms.action_changes(v)
            self.act(
                visits.add_action,
                self.engine,
                self.record.location.id,
                c["title"],
                owner=c["owner"],
                deadline=c["deadline"],
                assessment_id=self.assessment_id,
            )

        self.ask(FormDialog(_("Improvement action"), forms.action_fields()), save)

    def selected_record(self) -> tuple[str, Any] | None:
        """The record under the cursor of the open tab: (kind, record), or None."""
        tab = self.query_one(TabbedContent).active
        kind, rows = {
            "tab-interviews": ("interview", self.record.interviews),
            "tab-findings": ("finding", self.record.findings),
            "tab-recommendations": ("recommendation", self.record.recommendations),
            "tab-actions": ("action", self.record.actions),
        }.get(tab, ("", ()))
        if not rows:
            self.notify(_("Open a tab with records and choose one to edit or delete."))
            return None
        table = self.query_one("#" + tab.removeprefix("tab-"), DataTable)
        return kind, rows[min(table.cursor_row, len(rows) - 1)]

    def action_edit(self) -> None:
        chosen = self.selected_record()
        if chosen is None:
            return
        kind, row = chosen
        if kind == "interview":
            fields, changes = forms.interview_fields(self.qapp.today, row), forms.interview_changes
        elif kind == "finding":
            fields, changes = forms.finding_fields(row), forms.finding_changes
        elif kind == "recommendation":
            fields = forms.recommendation_fields(self.record.findings, row)
            changes = forms.recommendation_changes
        else:
            fields, changes = forms.action_fields(row), forms.action_changes
        forms.edit_record(self, kind, row.id, self._what(kind, row), fields, changes)

    def action_delete(self) -> None:
        chosen = self.selected_record()
        if chosen is not None:
            kind, row = chosen
            forms.delete_record(self, kind, row.id, self._what(kind, row))

    def _what(self, kind: str, row: Any) -> str:
        if kind == "interview":
            return _("the interview with {group} of {day}").format(
                group=row.group.label, day=fmt.day(row.held_on)
            )
        text = row.title if kind == "action" else row.text
        names = {
            "finding": _("the finding"),
            "recommendation": _("the recommendation"),
            "action": _("the improvement action"),
        }
        return f"{names[kind]} \u201c{forms.short(text)}\u201d"

    def action_action_status(self) -> None:
        from qaudit.domain.enums import ActionStatus
        from qaudit.services import visits

        self._tab("tab-actions")
        table = self.query_one("#actions", DataTable)
        if not self.record.actions:
            self.notify(_("There is no improvement action yet (a adds one)."))
            return
        action = self.record.actions[table.cursor_row]
        statuses = [(s.label, s.value) for s in ActionStatus]
        fields = [Field("status", _("Status"), "select", action.status.value, statuses)]
        self.ask(
            FormDialog(action.title, fields),
            lambda v: self.act(
                visits.set_action_status, self.engine, action.id, ActionStatus(v["status"])
            ),
        )

    def action_checklist(self) -> None:
        from qaudit.tui.screens.checklist import ChecklistScreen

        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        if isinstance(below, ChecklistScreen) and below.assessment_id == self.assessment_id:
            self.app.pop_screen()
        else:
            self.qapp.open_assessment(self.assessment_id)

    def action_close_visit(self) -> None:
        from qaudit.services import visits

        if not self.qapp.wait_for_writes(5):
            self.qapp.report_error(
                QauditError(
                    _("Answers are still waiting for the database; close when they are in.")
                )
            )
            return
        self.reload()  # judge what is stored now
        kind = self.record.assessment.kind.checklist_kind
        outcome = shown_outcome(self.record.verdict, kind)[0].label_for(kind)
        question = _("Close this visit? Its answers are locked; the verdict is: {outcome}.").format(
            outcome=outcome
        )
        overall = self.record.verdict.score.overall
        if overall.total > overall.answered:
            unanswered = _("{count} points have no answer yet.")
            question += "\n" + unanswered.format(count=overall.total - overall.answered)

        def close(yes: bool) -> None:
            if (
                yes
                and self.act(
                    visits.close_visit, self.engine, self.assessment_id, today=self.qapp.today
                )
                is not None
            ):
                self.notify(_("The visit is closed; its answers are locked."))

        self.ask(ConfirmDialog(question), close)


def shown_outcome(v: Any, checklist_kind: str) -> tuple[Outcome, str]:
    """The outcome to show and its explanation, in the words of the checklist's kind. A
    visitation judges nothing until every point is answered: before that it shows how far
    it is, never "in order" (an appreciative one never passes or fails at all)."""
    overall = v.score.overall
    progress = _("{answered} of {total} points answered.").format(
        answered=overall.answered, total=overall.total
    )
    if checklist_kind != "visitation":
        return v.outcome, v.explanation
    if v.outcome is Outcome.NOT_JUDGED:
        return v.outcome, progress
    if overall.answered < overall.total:
        return Outcome.INCOMPLETE, progress
    return v.outcome, v.explanation
