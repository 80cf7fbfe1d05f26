"""The promise rollout (steps 5–7): per promise the local translation, agreements and
actions; training sessions and the share of staff trained; visibility items."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from qaudit.i18n import N_, _
from qaudit.tui import format as fmt
from qaudit.tui.screens import record_forms as forms
from qaudit.tui.screens.base import BACK, WorkScreen, binding_maker, headed
from qaudit.tui.screens.form import Field, FormDialog
from qaudit.tui.widgets.key_bar import KeyBar
from qaudit.tui.widgets.title_bar import TitleBar

_b = binding_maker("rollout")


class RolloutScreen(WorkScreen):
    AUTO_FOCUS = "#promises"
    BINDINGS = [
        BACK,
        _b(
            "t",
            "translate",
            N_("Translate"),
            "translate",
            N_("Write the local translation and agreements of the selected promise"),
        ),
        _b("a", "action", N_("Action"), "action", N_("Add an action to the selected promise")),
        _b("n", "training", N_("Training"), "training", N_("Record a training session")),
        _b(
            "z",
            "visibility",
            N_("Visibility"),
            "visibility",
            N_("Record a banner, mirror, brochure, ... that was placed"),
        ),
        _b(
            "e",
            "edit",
            N_("Edit"),
            "edit",
            N_("Edit the selected training session or visibility item (open tab)"),
        ),
        _b(
            "delete",
            "delete",
            N_("Delete"),
            "delete",
            N_("Delete the selected translation, training session or visibility item (asks first)"),
        ),
        _b(
            "w",
            "promise_action('edit')",
            N_("Edit action"),
            "edit_action",
            N_("Edit an action of the selected promise"),
        ),
        _b(
            "x",
            "promise_action('delete')",
            N_("Delete action"),
            "delete_action",
            N_("Delete an action of the selected promise (asks first)"),
        ),
        _b("5,6,7", "noop", N_("Step done"), "step_done_hint", N_("Mark step 5, 6 or 7 as done")),
    ]

    def __init__(self, location_id: int) -> None:
        super().__init__()
        self.location_id = location_id
        self.data: Any = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static("", id="rollout-progress")
        with TabbedContent(id="rollout-tabs"):
            with TabPane(_("Promises"), id="tab-promises"):
                yield DataTable(id="promises", cursor_type="row")
                yield Static("", id="promise-detail")
            with TabPane(_("Training"), id="tab-training"):
                yield DataTable(id="trainings", cursor_type="row")
            with TabPane(_("Visibility"), id="tab-visibility"):
                yield DataTable(id="visibility", cursor_type="row")
        yield KeyBar()

    def on_mount(self) -> None:
        headed(
            self.query_one("#promises", DataTable),
            N_("promise"),
            N_("title"),
            N_("translated"),
            N_("actions"),
        )
        headed(
            self.query_one("#trainings", DataTable),
            N_("date"),
            N_("topic"),
            N_("attendees"),
            N_("staff"),
        )
        headed(
            self.query_one("#visibility", DataTable),
            N_("kind"),
            N_("placement"),
            N_("promise"),
            N_("placed on"),
        )
        self.reload()

    def on_key(self, event: Any) -> None:
        if event.key in ("5", "6", "7"):
            event.stop()
            self.complete_step(int(event.key))

    def privacy_subject(self) -> tuple[str, int | None]:
        return ("location", self.location_id)

    def reload(self) -> None:
        from qaudit.domain.enums import Step
        from qaudit.services import rollout, trajectory

        self.data = d = self.read(rollout.rollout, self.location_id, self.qapp.get_catalogue())
        t = self.read(trajectory.trajectory, self.location_id)
        self.sub_title = f"{t.code} {t.name} · " + _("promise rollout")
        lines = []
        for step in (Step.TRANSLATE_PROMISES, Step.TRAIN_STAFF, Step.MAKE_VISIBLE):
            row = t.steps[int(step) - 1]
            share = d.progress(step)
            status = "✔" if row.status.value == "done" else ("⛔" if not row.gate.allowed else "·")
            lines.append(
                f"{status} {int(step)} {step.label:<46} {fmt.bar(share)} {share:4.0%}"
                + (
                    f"  [red]{row.gate.reason}[/red]"
                    if not row.gate.allowed and row.status.value != "done"
                    else ""
                )
            )
        self.query_one("#rollout-progress", Static).update("\n".join(lines))
        self._fill(
            "#promises",
            [
                (p.promise.id, p.promise.title, "✔" if p.translated else "", str(len(p.actions)))
                for p in d.promises
            ],
        )
        self._fill(
            "#trainings",
            [
                (fmt.day(s.held_on), s.topic, str(s.attendees), str(s.staff_total))
                for s in d.trainings
            ],
        )
        self._fill(
            "#visibility",
            [(v.kind, v.placement, v.promise_id or "", fmt.day(v.placed_on)) for v in d.visibility],
        )
        self._show_promise()

    def _fill(self, selector: str, rows: list[tuple[Any, ...]]) -> None:
        table = self.query_one(selector, DataTable)
        cursor = table.cursor_row
        table.clear()
        for row in rows:
            table.add_row(*row)
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "promises":
            self._show_promise()

    def selected_promise(self) -> Any:
        if not self.data or not self.data.promises:
            return None
        return self.data.promises[self.query_one("#promises", DataTable).cursor_row]

    def _show_promise(self) -> None:
        p = self.selected_promise()
        if p is None:
            return
        actions = "\n".join(
            f"  • {a.title} ({a.owner or '–'}, {fmt.day(a.deadline) or '–'}, {a.status.label})"
            for a in p.actions
        )
        self.query_one("#promise-detail", Static).update(
            f"[b]{p.promise.id} {p.promise.title}[/b]\n{p.promise.text}\n\n"
            f"[b]{_('Local translation')}:[/b] {p.translation or '–'}\n"
            f"[b]{_('Agreements')}:[/b] {p.agreements or '–'}\n"
            f"[b]{_('Actions')}:[/b]\n{actions or '  –'}"
        )

    def action_noop(self) -> None:
        """The 5/6/7 keys are handled in on_key; this binding documents them."""

    def complete_step(self, number: int) -> None:
        from qaudit.domain.enums import Step, StepStatus
        from qaudit.services import trajectory

        self.act(
            trajectory.set_step,
            self.engine,
            self.location_id,
            Step(number),
            StepStatus.DONE,
            on=self.qapp.today,
        )

    def action_translate(self) -> None:
        from qaudit.services import rollout

        p = self.selected_promise()
        if p is None:
            return
        fields = [
            Field("translation", _("Local translation"), "area", p.translation),
            Field("agreements", _("Agreements"), "area", p.agreements),
        ]
        self.ask(
            FormDialog(f"{p.promise.id} {p.promise.title}", fields),
            lambda v: self.act(
                rollout.save_translation,
                self.engine,
                self.location_id,
                p.promise.id,
                v["translation"],
                v["agreements"],
                self.qapp.get_catalogue(),
            ),
        )

    def action_action(self) -> None:
        from qaudit.services import visits

        p = self.selected_promise()
        if p is None:
            return
        fields = [
            Field("title", _("Action"), required=True, guard=True),
            Field("owner", _("Owner")),
            Field("deadline", _("Deadline"), "date"),
        ]
        self.ask(
            FormDialog(f"{p.promise.id}: " + _("action"), fields),
            lambda v: self.act(
                visits.add_action,
                self.engine,
                self.location_id,
                v["title"],
                owner=v["owner"],
                deadline=v["deadline"],
                promise_id=p.promise.id,
            ),
        )

    def action_training(self) -> None:
        from qaudit.services import rollout

        self.query_one(TabbedContent).active = "tab-training"
        staff = self.data.staff if self.data else 0

        def save(v: dict[str, Any]) -> None:
            c = forms.training_changes(v)
            self.act(
                rollout.add_training,
                self.engine,
                self.location_id,
                c["held_on"],
                c["topic"],
                c["attendees"],
                c["staff_total"],
            )

        fields = forms.training_fields(self.qapp.today, staff)
        self.ask(FormDialog(_("Training session"), fields), save)

    def action_visibility(self) -> None:
        from qaudit.services import rollout

        self.query_one(TabbedContent).active = "tab-visibility"

        def save(v: dict[str, Any]) -> None:
            c = forms.visibility_changes(v)
            self.act(
                rollout.add_visibility,
                self.engine,
                self.location_id,
                c["kind"],
                c["placement"],
                c["placed_on"],
                c["promise_id"],
            )

        fields = self._visibility_fields()
        self.ask(FormDialog(_("Visibility item"), fields), save)

    def _visibility_fields(self, record: Any = None) -> list[Field]:
        from qaudit.services import rollout

        return forms.visibility_fields(
            self.qapp.today, rollout.VISIBILITY_KINDS, self.data.promises, record
        )

    def _selected(self, table_id: str, rows: Any) -> Any:
        if not rows:
            self.notify(_("There is nothing here yet to edit or delete."))
            return None
        return rows[min(self.query_one(table_id, DataTable).cursor_row, len(rows) - 1)]

    def action_edit(self) -> None:
        tab = self.query_one(TabbedContent).active
        if tab == "tab-promises":
            self.action_translate()
        elif tab == "tab-training" and (row := self._selected("#trainings", self.data.trainings)):
            fields = forms.training_fields(self.qapp.today, self.data.staff, row)
            what = _("Training session of {day}").format(day=fmt.day(row.held_on))
            forms.edit_record(self, "training", row.id, what, fields, forms.training_changes)
        elif tab == "tab-visibility" and (
            row := self._selected("#visibility", self.data.visibility)
        ):
            fields = self._visibility_fields(row)
            what = _("Visibility item: {kind}").format(kind=row.kind)
            forms.edit_record(self, "visibility", row.id, what, fields, forms.visibility_changes)

    def action_delete(self) -> None:
        tab = self.query_one(TabbedContent).active
        if tab == "tab-promises":
            p = self.selected_promise()
            if p is None or p.translation_id is None:
                self.notify(_("This promise has no translation to delete."))
                return
            what = _("the local translation of {promise}").format(promise=p.promise.id)
            forms.delete_record(self, "translation", p.translation_id, what)
        elif tab == "tab-training" and (row := self._selected("#trainings", self.data.trainings)):
            what = _("the training session of {day} ({topic})").format(
                day=fmt.day(row.held_on), topic=forms.short(row.topic)
            )
            forms.delete_record(self, "training", row.id, what)
        elif tab == "tab-visibility" and (
            row := self._selected("#visibility", self.data.visibility)
        ):
            what = _("the visibility item {kind} ({place})").format(
                kind=row.kind, place=row.placement or "–"
            )
            forms.delete_record(self, "visibility", row.id, what)

    def action_promise_action(self, what: str) -> None:
        """Edit or delete one of the selected promise's actions (chosen first when several)."""
        p = self.selected_promise()
        if p is None or not p.actions:
            self.notify(_("The selected promise has no actions."))
            return

        def chosen(action: Any) -> None:
            if what == "edit":
                title = f"{p.promise.id}: " + _("action")
                fields = forms.action_fields(action)
                forms.edit_record(self, "action", action.id, title, fields, forms.action_changes)
            else:
                text = _("the action \u201c{title}\u201d").format(title=forms.short(action.title))
                forms.delete_record(self, "action", action.id, text)

        if len(p.actions) == 1:
            chosen(p.actions[0])
            return
        options = [(forms.short(a.title), a.id) for a in p.actions]
        by_id = {a.id: a for a in p.actions}
        field = Field("action", _("Which action?"), "select", p.actions[0].id, options)
        self.ask(
            FormDialog(f"{p.promise.id} {p.promise.title}", [field]),
            lambda v: chosen(by_id[v["action"]]),
        )
