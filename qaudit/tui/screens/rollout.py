"""The promise rollout (steps 5–7): per promise the local translation, agreements and
actions; training sessions and the share of staff trained; visibility items."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from qaudit.i18n import _
from qaudit.tui import format as fmt
from qaudit.tui.screens.base import BACK, WorkScreen, binding_maker
from qaudit.tui.screens.form import Field, FormDialog
from qaudit.tui.widgets.key_bar import KeyBar

_b = binding_maker("rollout")


class RolloutScreen(WorkScreen):
    AUTO_FOCUS = "#promises"
    BINDINGS = [
        BACK,
        _b(
            "t",
            "translate",
            _("Translate"),
            "translate",
            _("Write the local translation and agreements of the selected promise"),
        ),
        _b("a", "action", _("Action"), "action", _("Add an action to the selected promise")),
        _b("n", "training", _("Training"), "training", _("Record a training session")),
        _b(
            "z",
            "visibility",
            _("Visibility"),
            "visibility",
            _("Record a banner, mirror, brochure, ... that was placed"),
        ),
        _b("5,6,7", "noop", _("Step done"), "step_done_hint", _("Mark step 5, 6 or 7 as done")),
    ]

    def __init__(self, location_id: int) -> None:
        super().__init__()
        self.location_id = location_id
        self.data: Any = None

    def compose(self) -> ComposeResult:
        yield Header()
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
        self.query_one("#promises", DataTable).add_columns(
            _("promise"), _("title"), _("translated"), _("actions")
        )
        self.query_one("#trainings", DataTable).add_columns(
            _("date"), _("topic"), _("attendees"), _("staff")
        )
        self.query_one("#visibility", DataTable).add_columns(
            _("kind"), _("placement"), _("promise"), _("placed on")
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
        fields = [
            Field("held_on", _("Date"), "date", self.qapp.today, required=True),
            Field(
                "topic", _("Topic"), default=_("Working with the client promises"), required=True
            ),
            Field("attendees", _("Attendees"), "int", 0),
            Field("staff", _("Staff at the location"), "int", staff),
        ]
        self.ask(
            FormDialog(_("Training session"), fields),
            lambda v: self.act(
                rollout.add_training,
                self.engine,
                self.location_id,
                v["held_on"],
                v["topic"],
                v["attendees"],
                v["staff"],
            ),
        )

    def action_visibility(self) -> None:
        from qaudit.services import rollout

        self.query_one(TabbedContent).active = "tab-visibility"
        kinds = [(k, k) for k in rollout.VISIBILITY_KINDS] + [(_("other"), "anders")]
        promises = [(_("(all promises)"), "")] + [
            (f"{p.promise.id} {p.promise.title}", p.promise.id) for p in self.data.promises
        ]
        fields = [
            Field("kind", _("Kind"), "select", "banner", kinds),
            Field("placement", _("Where")),
            Field("promise", _("Promise"), "select", "", promises),
            Field("placed_on", _("Placed on"), "date", self.qapp.today),
        ]
        self.ask(
            FormDialog(_("Visibility item"), fields),
            lambda v: self.act(
                rollout.add_visibility,
                self.engine,
                self.location_id,
                v["kind"],
                v["placement"],
                v["placed_on"],
                v["promise"],
            ),
        )
