"""Read a filled-in client-experience workbook, refusing it with every problem named.

Columns are found by their header (Dutch or English) in the first rows of any sheet; each
row is checked completely (reference, date, unit, group, the scores, the promises and the
comment through the privacy detector) and every problem is reported with its sheet, row and
cell. Nothing here touches the database: the service decides what is new or changed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from qaudit.domain.clientvoice_enums import Parameter, RespondentGroup
from qaudit.domain.privacy import find_personal_data as check_note
from qaudit.excel import feedback_layout as fl
from qaudit.excel.cells import normalise_text
from qaudit.excel.files import read_checked
from qaudit.excel.meta_reader import cell_text
from qaudit.excel.problems import Problems
from qaudit.i18n import _

HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class FeedbackRow:
    ref: str
    row: int
    responded_on: date
    unit: str | None
    group: RespondentGroup
    recommend: int | None
    parameters: dict[Parameter, int | None]
    promises: dict[str, str]
    free_text: str


@dataclass(frozen=True)
class FeedbackWorkbook:
    file: Path
    sheet: str
    location_id: int | None
    """The location the template was made for (None: a template without one)."""
    rows: tuple[FeedbackRow, ...]


@dataclass
class _Sheet:
    name: str
    header_row: int
    columns: dict[str, int]
    promises: dict[str, int] = field(default_factory=dict)


UnitsFor = Callable[[int | None], Collection[str] | None]
"""Given the location the template names (None: none), the location's unit names; it may
refuse the file (another location, no location). None: unit names are not checked."""


def read_feedback(
    path: Path, promise_ids: Collection[str], units_for: UnitsFor, today: date
) -> FeedbackWorkbook:
    """Parse and check ``path`` whole, or refuse it naming every bad cell."""
    path = Path(path)
    ids = frozenset(promise_ids)
    return read_checked(
        path, lambda workbook: _read(path, workbook, ids, units_for, today), data_only=True
    )


def _read(
    path: Path,
    workbook: Any,
    promise_ids: frozenset[str],
    units_for: UnitsFor,
    today: date,
) -> FeedbackWorkbook:
    problems = Problems(path)
    location_id = _meta_location(workbook, problems)
    problems.raise_if_any()
    units = units_for(location_id)
    found = _find_sheet(workbook, promise_ids)
    if found is None:
        required = ", ".join(f"“{fl.COLUMN[k].header}”" for k in fl.REQUIRED)
        problems.add(
            _("no sheet has the columns {columns} in its first {n} rows").format(
                columns=required, n=HEADER_SEARCH_ROWS
            )
        )
        problems.raise_if_any()
    assert found is not None
    sheet, layout = found
    rows = _rows(sheet, layout, units, today, problems)
    problems.raise_if_any()
    return FeedbackWorkbook(path, layout.name, location_id, tuple(rows))


def _meta_location(workbook: Any, problems: Problems) -> int | None:
    if fl.META_SHEET not in workbook.sheetnames:
        return None
    values = {
        cell_text(row[0]): cell_text(row[1])
        for row in workbook[fl.META_SHEET].iter_rows(max_row=20, max_col=2, values_only=True)
        if row and len(row) > 1
    }
    if values.get("format") != fl.FORMAT:
        problems.add(
            _("the hidden sheet “{sheet}” is not of a client-experience workbook").format(
                sheet=fl.META_SHEET
            ),
            fl.META_SHEET,
        )
        return None
    text = values.get("location_id", "")
    return int(text) if text.isdigit() else None


def _find_sheet(workbook: Any, promise_ids: frozenset[str]) -> tuple[Any, _Sheet] | None:
    preferred = fl.responses_title()
    sheets = sorted(
        (s for s in workbook.worksheets if s.title not in (fl.META_SHEET, fl.LISTS_SHEET)),
        key=lambda s: s.title != preferred,
    )
    for sheet in sheets:
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # a re-saved file may state wrong dimensions
        head = sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True)
        for number, row in enumerate(head, start=1):
            layout = _header(sheet.title, number, row, promise_ids)
            if layout is not None:
                return sheet, layout
    return None


def _header(
    name: str, number: int, row: Sequence[object], promise_ids: frozenset[str]
) -> _Sheet | None:
    columns: dict[str, int] = {}
    promises: dict[str, int] = {}
    for index, value in enumerate(row):
        promise = fl.promise_of(value, promise_ids)
        if promise is not None:
            promises.setdefault(promise, index)
            continue
        for key, column in fl.COLUMN.items():
            if key not in columns and column.matches(value):
                columns[key] = index
                break
    if all(key in columns for key in fl.REQUIRED):
        return _Sheet(name, number, columns, promises)
    return None


def _rows(
    sheet: Any,
    layout: _Sheet,
    units: Collection[str] | None,
    today: date,
    problems: Problems,
) -> list[FeedbackRow]:
    rows: list[FeedbackRow] = []
    seen: dict[str, str] = {}
    width = max([*layout.columns.values(), *layout.promises.values()]) + 1
    checker = _RowChecker(layout, units, today, problems)
    for number, raw in enumerate(
        sheet.iter_rows(min_row=layout.header_row + 1, values_only=True),
        start=layout.header_row + 1,
    ):
        values = (*raw, *([None] * width))[:width]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        row = checker.check(number, values)
        if row is None:
            continue
        ref_cell = checker.cell("ref", number)
        if row.ref in seen:
            problems.add(
                _("respondent reference “{ref}” appears twice (also in cell {other})").format(
                    ref=row.ref, other=seen[row.ref]
                ),
                layout.name,
                ref_cell,
            )
            continue
        seen[row.ref] = ref_cell
        rows.append(row)
    return rows


class _RowChecker:
    """Checks one row at a time, adding a problem per bad cell."""

    def __init__(
        self, layout: _Sheet, units: Collection[str] | None, today: date, problems: Problems
    ) -> None:
        self.layout, self.today, self.problems = layout, today, problems
        self.units = {u.casefold(): u for u in units} if units is not None else None
        self.letters = {k: get_column_letter(i + 1) for k, i in layout.columns.items()}
        self.ok = True

    def cell(self, key: str, number: int) -> str:
        return f"{self.letters.get(key, 'A')}{number}"

    def bad(self, key: str, number: int, message: str) -> None:
        self.problems.add(message, self.layout.name, self.cell(key, number))
        self.ok = False

    def value(self, values: Sequence[object], key: str) -> object:
        index = self.layout.columns.get(key)
        return values[index] if index is not None else None

    def check(self, number: int, values: Sequence[object]) -> FeedbackRow | None:
        self.ok = True
        ref = self._ref(number, values)
        responded_on = self._date(number, values)
        group = self._group(number, values)
        unit = self._unit(number, values)
        recommend = self._score(number, values, "recommend", 0, 10)
        parameters = {
            p: self._score(number, values, c.key, 1, 5) for p, c in fl.PARAMETER_COLUMNS.items()
        }
        promises = self._promises(number, values)
        free_text = self._free_text(number, values)
        if not self.ok or ref is None or responded_on is None or group is None:
            return None
        return FeedbackRow(
            ref, number, responded_on, unit, group, recommend, parameters, promises, free_text
        )

    def _ref(self, number: int, values: Sequence[object]) -> str | None:
        ref = cell_text(self.value(values, "ref"))
        if not ref:
            self.bad("ref", number, _("this row has answers but no respondent reference"))
            return None
        if len(ref) > 64 or check_note(ref):
            self.bad(
                "ref",
                number,
                _("“{ref}” does not look like a reference: use a code, never a name").format(
                    ref=ref[:40]
                ),
            )
            return None
        return ref

    def _date(self, number: int, values: Sequence[object]) -> date | None:
        raw = self.value(values, "date")
        day = fl.parse_date(raw)
        if day is None:
            self.bad(
                "date",
                number,
                _("“{value}” is not a date; write e.g. 2026-03-05 or 5-3-2026").format(
                    value=cell_text(raw)
                ),
            )
        elif day > self.today:
            self.bad("date", number, _("the date {day} is in the future").format(day=day))
            return None
        return day

    def _group(self, number: int, values: Sequence[object]) -> RespondentGroup | None:
        raw = self.value(values, "group")
        group = fl.parse_group(raw)
        if group is None:
            self.bad(
                "group",
                number,
                _("“{value}” is not a respondent group; use one of: {options}").format(
                    value=cell_text(raw), options=", ".join(fl.group_choices())
                ),
            )
        return group

    def _unit(self, number: int, values: Sequence[object]) -> str | None:
        name = cell_text(self.value(values, "unit"))
        if not name:
            return None
        if self.units is None:
            return name
        known = self.units.get(name.casefold())
        if known is None:
            options = ", ".join(sorted(self.units.values())) or _("none yet")
            self.bad(
                "unit",
                number,
                _("unknown unit “{unit}”; the location's units: {options}").format(
                    unit=name, options=options
                ),
            )
        return known

    def _score(
        self, number: int, values: Sequence[object], key: str, low: int, high: int
    ) -> int | None:
        raw = self.value(values, key)
        score = fl.parse_score(raw, low, high)
        if score == "bad":
            self.bad(
                key,
                number,
                _("“{value}” is not a whole number from {low} to {high}").format(
                    value=cell_text(raw), low=low, high=high
                ),
            )
            return None
        return score if isinstance(score, int) else None

    def _promises(self, number: int, values: Sequence[object]) -> dict[str, str]:
        answers: dict[str, str] = {}
        for promise, index in self.layout.promises.items():
            raw = values[index]
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            perceived = fl.parse_perceived(raw)
            if perceived is None:
                self.problems.add(
                    _("“{value}” is not an answer for promise {promise}; use {options}").format(
                        value=cell_text(raw),
                        promise=promise,
                        options=", ".join(fl.perceived_choices()),
                    ),
                    self.layout.name,
                    f"{get_column_letter(index + 1)}{number}",
                )
                self.ok = False
                continue
            answers[promise] = perceived.value
        return answers

    def _free_text(self, number: int, values: Sequence[object]) -> str:
        text = normalise_text(self.value(values, "free_text"))
        hits = check_note(text) if text else []
        if hits:
            self.bad(
                "free_text",
                number,
                _(
                    "the comment looks like it names a person or a date of birth (“{text}”); "
                    "remove it before importing"
                ).format(text=hits[0].text),
            )
        return text
