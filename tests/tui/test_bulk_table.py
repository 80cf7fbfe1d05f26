"""The dashboard's table takes its rows in one batch: the table ends up as with add_row."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable
from textual.widgets._data_table import DuplicateKey

from qaudit.tui.widgets.bulk_table import BulkTable


class Tables(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(id="one", cursor_type="row")
        yield BulkTable(id="many", cursor_type="row")


ROWS = [(str(i), [Text(f"L{i:03d}"), Text(f"Locatie {i}")]) for i in range(1, 60)]


async def test_add_many_leaves_the_table_as_add_row_does() -> None:
    app = Tables()
    async with app.run_test(size=(80, 30)) as pilot:
        one, many = app.query_one("#one", DataTable), app.query_one("#many", BulkTable)
        for table in (one, many):
            table.add_column("code", key="code")
            table.add_column("name", key="name")
            table.add_column("extra", key="extra")
        for key, cells in ROWS:
            one.add_row(*cells, key=key)
        many.add_many(ROWS)
        await pilot.pause()
        assert many.row_count == one.row_count == len(ROWS)
        assert many.cursor_coordinate == one.cursor_coordinate
        for index in (0, 30, len(ROWS) - 1):
            assert many.get_row_at(index) == one.get_row_at(index)
            assert many.coordinate_to_cell_key((index, 0)) == one.coordinate_to_cell_key((index, 0))
        assert many.get_cell("7", "extra") is None  # a missing cell, as add_row leaves it
        assert many.virtual_size == one.virtual_size
        many.move_cursor(row=12)
        await pilot.pause()
        assert many.coordinate_to_cell_key(many.cursor_coordinate).row_key.value == "13"
        with pytest.raises(DuplicateKey):
            many.add_many([("5", [Text("again")])])
        with pytest.raises(ValueError):
            many.add_many([("new", [Text("a"), Text("b"), Text("c"), Text("d")])])
