"""A DataTable that takes thousands of rows at once (the dashboard's 2,500 locations).

``DataTable.add_row`` does per row what only needs doing once per batch: it sorts the
columns, re-sets the cursor (a reactive with watchers) and checks for idleness. The
dashboard fills the table with every location when it opens, so :meth:`BulkTable.add_many`
adds a batch with that bookkeeping done once, leaving the table exactly as the same
``add_row`` calls would (Textual is pinned; ``tests/tui`` covers the result).

Before the first frame, DataTable measures every new cell to size its columns (a console
measurement per cell, 25,000 for the dashboard). A column given a width keeps that width
whatever its cells measure, so when every column has one and the new rows are plain
(height 1, no label), :meth:`_update_dimensions` only sets the scrollable size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets._data_table import DuplicateKey, Row, RowKey


class BulkTable(DataTable[Any]):
    def add_many(self, rows: Iterable[tuple[str, Sequence[Any]]]) -> None:
        """Add ``(key, cells)`` rows at the bottom, one row of height 1 per pair."""
        columns = [column.key for column in self.ordered_columns]
        was_empty = self.row_count == 0
        locations, data, table_rows = self._row_locations, self._data, self.rows
        new = self._new_rows
        added = 0
        for key, cells in rows:
            row_key = RowKey(key)
            if row_key in locations:
                raise DuplicateKey(f"The row key {row_key!r} already exists.")
            if len(cells) > len(columns):
                raise ValueError("More values provided than there are columns.")
            locations[row_key] = len(table_rows)
            data[row_key] = dict(zip(columns, cells, strict=False))
            for column in columns[len(cells) :]:
                data[row_key][column] = None
            table_rows[row_key] = Row(row_key, 1, None, False)
            new.add(row_key)
            added += 1
        if not added:
            return
        self._require_update_dimensions = True
        self.cursor_coordinate = self.cursor_coordinate
        if was_empty and len(self.columns) > 0 and self.show_cursor and self.cursor_type != "none":
            self._highlight_cursor()
        self._update_count += 1
        self.check_idle()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        new_rows = list(new_rows)
        measured = any(column.auto_width for column in self.columns.values())
        for row_key in new_rows:
            row = self.rows.get(row_key)
            if row is not None and (row.label is not None or row.auto_height):
                measured = True
                break
        if measured:
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )
