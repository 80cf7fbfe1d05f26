"""What the checklist screen knows: the spec, answers, notes, filter and undo stack.

No Textual here: the screen shows this state, and the logic is testable on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qaudit.domain.enums import Result
from qaudit.domain.scoring import tally
from qaudit.services.answering import AnswerField
from qaudit.tui import format as fmt

if TYPE_CHECKING:
    from collections.abc import Mapping

    from qaudit.checklists import ChecklistSpec, Point
    from qaudit.services.live import AnswerView
    from qaudit.services.workbench import Workbench

FILTERS = ("all", "unanswered", "critical", "not_compliant", "differs")


@dataclass
class ChecklistState:
    spec: ChecklistSpec
    title: str
    closed: bool
    results: dict[str, Result]
    notes: dict[str, str]
    reference: dict[str, Result]
    has_reference: bool
    theme_index: int = -1
    """-1: all themes; else the index of the theme shown."""
    filter: str = "all"
    undo: list[tuple[str, AnswerField, Result | str]] = field(default_factory=list)
    """(point, field, the value before): undone by saving that value again."""
    versions: dict[str, int] = field(default_factory=dict)
    """The version of each answer this screen has seen; saves are based on it."""
    marks: dict[str, str] = field(default_factory=dict)
    """What the answer column adds: a save's state, or who else answered."""
    reference_notes: dict[str, str] = field(default_factory=dict)
    """The self-evaluation's own notes, shown beside its answers."""
    evidence: dict[str, int] = field(default_factory=dict)
    """Per point: how many evidence files are attached."""

    def record(self, point_id: str, result: Result, note: str) -> None:
        self.set_result(point_id, result)
        self.notes[point_id] = note

    def set_result(self, point_id: str, result: Result) -> None:
        if result is Result.NOT_ASSESSED:
            self.results.pop(point_id, None)
        else:
            self.results[point_id] = result

    def value(self, point_id: str, which: AnswerField) -> Result | str:
        if which is AnswerField.RESULT:
            return self.results.get(point_id, Result.NOT_ASSESSED)
        return self.notes.get(point_id, "") if which is AnswerField.NOTE else ""

    def set_value(self, point_id: str, which: AnswerField, value: Result | str) -> None:
        if isinstance(value, Result):
            self.set_result(point_id, value)
        elif which is AnswerField.NOTE:
            self.notes[point_id] = value

    def seen(self, point_id: str, version: int) -> None:
        self.versions[point_id] = max(version, self.versions.get(point_id, 0))

    def merge(self, answers: Mapping[str, AnswerView], busy: set[str], me: str) -> list[str]:
        """Take in answers others gave (newer than seen; not the points being saved here).

        The ids of the points whose answer or note changed elsewhere.
        """
        changed = []
        for point_id, view in answers.items():
            if point_id in busy or view.version <= self.versions.get(point_id, 0):
                continue
            self.record(point_id, view.result, view.note)
            self.versions[point_id] = view.version
            if view.changed_by != me:
                self.marks[point_id] = view.changed_by
            changed.append(point_id)
        return changed

    def keep(self, point: Point) -> bool:
        answer = self.results.get(point.id)
        if self.filter == "unanswered":
            return answer is None
        if self.filter == "critical":
            return point.critical
        if self.filter == "not_compliant":
            return answer in (Result.NOT_COMPLIANT, Result.PARTLY)
        if self.filter == "differs":
            other = self.reference.get(point.id)
            return answer is not None and other is not None and answer is not other
        return True

    def theme_points(self) -> tuple[Point, ...] | list[Point]:
        if self.theme_index < 0:
            return self.spec.points
        return self.spec.themes[self.theme_index].points

    def visible_points(self) -> list[Point]:
        return [p for p in self.theme_points() if self.keep(p)]

    def visible_ids(self) -> list[str]:
        return [p.id for p in self.visible_points()]

    def next_visible_after(self, point_id: str) -> str | None:
        """After answering under a filter: the next point still shown, in checklist order."""
        ids = [p.id for p in self.theme_points()]
        visible = set(self.visible_ids())
        start = ids.index(point_id) + 1 if point_id in ids else 0
        for candidate in ids[start:] + ids[:start]:
            if candidate in visible:
                return candidate
        return None

    def next_unanswered(self, after: str | None) -> str | None:
        ids = [p.id for p in self.spec.points]
        start = ids.index(after) + 1 if after in ids else 0
        for candidate in ids[start:] + ids[:start]:
            if candidate not in self.results:
                return candidate
        return None

    def reveal(self, point_id: str) -> None:
        """Make sure ``point_id`` is shown: its theme (if one theme is shown), filter off."""
        if self.theme_index >= 0:
            theme = self.spec.theme_of[point_id]
            self.theme_index = [t.id for t in self.spec.themes].index(theme.id)
        if not self.keep(self.spec.point_index[point_id]):
            self.filter = "all"

    def progress(self) -> tuple[int, int]:
        return len(self.results), len(self.spec.points)

    def theme_labels(self) -> list[str]:
        """The theme list: "all themes" first, then each theme with progress and score."""
        return [self.all_label()] + [self.theme_label(i) for i in range(len(self.spec.themes))]

    def all_label(self) -> str:
        from qaudit.i18n import _

        answered, total = self.progress()
        return _("All themes") + f"  {answered}/{total}"

    def theme_label(self, index: int) -> str:
        theme = self.spec.themes[index]
        t = tally(theme.points, self.results)
        return f"{theme.id} {theme.title}  {t.answered}/{t.total} {fmt.percent(t.percent)}"

    def theme_position(self, point_id: str) -> int:
        """The index of the point's theme in the checklist."""
        theme = self.spec.theme_of[point_id]
        return next(i for i, t in enumerate(self.spec.themes) if t.id == theme.id)


def load_state(services: Workbench, assessment_id: int) -> ChecklistState:
    """The screen's state over the checklist view the services read."""
    view = services.checklist(assessment_id)
    return ChecklistState(
        view.spec,
        view.title,
        view.closed,
        dict(view.results),
        dict(view.notes),
        dict(view.reference),
        view.has_reference,
        versions=dict(view.versions),
        reference_notes=dict(view.reference_notes),
        evidence=dict(view.evidence),
    )


def summary(state: ChecklistState) -> dict[str, Any]:
    answered, total = state.progress()
    return {"answered": answered, "total": total, "filter": state.filter}
