"""The Textual application (a minimal first screen; the workbench proper is built on it)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

from qaudit.config import Settings
from qaudit.i18n import _


class QAuditApp(App[None]):
    """The auditor's workbench. It receives its settings and database; it opens nothing itself."""

    TITLE = "qaudit"

    def __init__(self, settings: Settings, database_url: str) -> None:
        super().__init__()
        self.settings = settings
        self.database_url = database_url

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="locations", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        from qaudit.services import locations
        from qaudit.services.database import open_database
        from qaudit.storage import transaction

        self.sub_title = _("Locations")
        table = self.query_one(DataTable)
        table.add_columns(_("code"), _("location"), _("organisation"), _("step"))
        with transaction(open_database(self.database_url)) as session:
            for row in locations.list_locations(session):
                table.add_row(row.code, row.name, row.organisation,
                              f"{int(row.step)} {row.step.label}")


def run(settings: Settings, database_url: str) -> None:
    QAuditApp(settings, database_url).run()
