"""Read and check the hidden metadata sheet of a returned workbook."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qaudit.excel import layout
from qaudit.excel.metadata import (
    KEYS,
    READ_ONLY,
    ExportMeta,
    integrity_of,
    parse_time,
    point_ids_digest,
)
from qaudit.excel.problems import Problems
from qaudit.i18n import _


def cell_text(value: object) -> str:
    """A cell value as text; whole numbers without ".0" (a spreadsheet may retype them)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def find_meta_sheet(workbook: Any) -> Any | None:
    for sheet in workbook.worksheets:
        if sheet.title.casefold() == layout.META_SHEET:
            return sheet
    return None


def read_meta(rows: Iterable[tuple[object, ...]], problems: Problems) -> ExportMeta | None:
    """The metadata, or None after adding the problems that make it unusable."""
    values: dict[str, str] = {}
    base: dict[str, str] = {}
    for row in rows:
        cells = [cell_text(v) for v in (*row, None, None, None, None, None)[:5]]
        if cells[0]:
            values[cells[0]] = cells[1]
        if cells[3] and (cells[3], cells[4]) != ("point", "exported"):
            base[cells[3]] = cells[4]
    sheet = layout.META_SHEET
    missing = [key for key in (*KEYS, "integrity") if not values.get(key)]
    if missing:
        problems.add(
            _(
                "the metadata is incomplete (missing: {keys}); export the workbook "
                "again from qaudit"
            ).format(keys=", ".join(missing)),
            sheet,
        )
        return None
    if values["format"] != layout.FORMAT:
        problems.add(
            _("this workbook has format “{found}”, qaudit reads “{expected}”").format(
                found=values["format"], expected=layout.FORMAT
            ),
            sheet,
        )
        return None
    checked = {key: values[key] for key in (*KEYS, READ_ONLY) if key in values}
    if integrity_of(checked, base) != values["integrity"] or (
        point_ids_digest(base) != values["point_ids"]
    ):
        problems.add(
            _(
                "the hidden metadata was changed after the export; export the workbook "
                "again from qaudit"
            ),
            sheet,
        )
        return None
    if values.get(READ_ONLY):
        problems.add(
            _(
                "this workbook is a read-only copy of closed assessment {id}: the answers of a "
                "closed assessment are locked and cannot be imported"
            ).format(id=values["assessment_id"]),
            sheet,
        )
        return None
    return _meta(values, base, problems)


def _meta(values: dict[str, str], base: dict[str, str], problems: Problems) -> ExportMeta | None:
    try:
        return ExportMeta(
            format=values["format"],
            checklist_id=values["checklist_id"],
            checklist_version=values["checklist_version"],
            content_hash=values["content_hash"],
            location_id=int(values["location_id"]),
            location_code=values["location_code"],
            location_name=values["location_name"],
            assessment_id=int(values["assessment_id"]),
            assessment_kind=values["assessment_kind"],
            exported_at=parse_time(values["exported_at"]),
            exported_by=values["exported_by"],
            points_sheet=values["points_sheet"],
            base=base,
        )
    except ValueError:
        problems.add(_("the metadata holds an invalid id or time"), layout.META_SHEET)
        return None
