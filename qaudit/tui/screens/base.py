"""What the workbench's screens share: the app, the engine, running a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast
from weakref import WeakKeyDictionary

from textual.binding import Binding
from textual.screen import Screen

from qaudit.i18n import N_, _

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from qaudit.services.workbench import Database, Workbench
    from qaudit.tui.app import QAuditApp


_HEADERS: WeakKeyDictionary[Any, tuple[str, ...]] = WeakKeyDictionary()
"""Each table's column headers as message ids (see :func:`headed`)."""


def headed(table: DataTable[Any], *headers: str) -> None:
    """Give ``table`` its columns, the headers given as message ids (marked with ``N_``):
    translated now, and again after a switch of language (the table is emptied: its screen
    fills it again)."""
    table.clear(columns=True)
    table.add_columns(*(_(header) for header in headers))
    _HEADERS[table] = headers


def if_given(callback: Callable[[Any], object]) -> Callable[[Any], None]:
    """A dialog's result callback that ignores a cancelled dialog (``None``)."""

    def call(value: Any) -> None:
        if value is not None:
            callback(value)

    return call


BACK = Binding(
    "escape",
    "app.pop_screen",
    N_("Back"),
    id="screen.back",
    tooltip=N_("Go back to the previous screen"),
)


def binding_maker(screen: str) -> Callable[..., Binding]:
    """Bindings whose ids are ``<screen>.<name>``, so keys can be remapped per screen."""

    def make(key: str, action: str, text: str, name: str, tip: str, show: bool = True) -> Binding:
        return Binding(key, action, text, id=f"{screen}.{name}", tooltip=tip, show=show)

    return make


class WorkScreen(Screen[None]):
    """A screen that reads its data with :meth:`read` and refreshes on :meth:`reload`."""

    @property
    def qapp(self) -> QAuditApp:
        return cast("QAuditApp", self.app)

    @property
    def services(self) -> Workbench:
        """The one door to the core (``qaudit.services.workbench``)."""
        return self.qapp.services

    @property
    def engine(self) -> Database:
        """The database handle a service function takes (opaque to the screen)."""
        return self.qapp.engine()

    def read(self, function: Any, *args: Any) -> Any:
        """Run a read-only service function in one transaction (in the services layer)."""
        return self.services.read(function, *args)

    _from_form = False
    """Set while a form's save runs: a user mistake goes back to the form, text kept."""

    def act(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        """Run one user action, then reload the screen; a user error or a database fault
        (in either) is shown and the app keeps running."""
        if self._from_form:
            result = function(*args, **kwargs)  # a mistake is shown in the form (see ask)
        else:
            result = self.qapp.call_service(function, *args, **kwargs)
        self.qapp.call_service(self.reload)
        return result

    def reload(self) -> None:
        """Re-read and show the data (overridden by each screen)."""

    def language_changed(self) -> None:
        """After a switch of language: the column headers (:func:`headed`) and the rows are
        drawn again in the new one (the key bar follows by itself)."""
        from textual.widgets import DataTable

        for table in self.query(DataTable):
            headers = _HEADERS.get(table)
            if headers is not None:
                headed(table, *headers)
        self.qapp.call_service(self.reload)

    def ask(self, dialog: Any, callback: Any) -> None:
        """Show a dialog; its answer goes to ``callback``. A form whose save is refused
        (a user mistake or a database fault) opens again with what was typed and why."""
        from qaudit.tui.screens.form import FormDialog

        if getattr(dialog, "about", None) == ("", None):
            dialog.about = self.privacy_subject()
        if isinstance(dialog, FormDialog):
            callback = self._kept(dialog, callback)
        self.app.push_screen(dialog, if_given(callback))

    def _kept(self, dialog: Any, callback: Any) -> Callable[[Any], None]:
        from qaudit.errors import QauditError
        from qaudit.services.database import describe_fault

        def save(values: Any) -> None:
            self._from_form = True
            try:
                callback(values)
            except Exception as error:
                fault = describe_fault(error, self.qapp.database_url)
                if not isinstance(error, QauditError) and fault is None:
                    raise  # a bug, not a mistake
                message = fault or str(error)
                self.app.push_screen(dialog.again(values, message), if_given(save))
            finally:
                self._from_form = False

        return save

    def privacy_subject(self) -> tuple[str, int | None]:
        """What this screen's free text is about (entity, id), for the audit log entry of a
        "not personal" confirmation (see ``privacy_gate``)."""
        return ("", None)
