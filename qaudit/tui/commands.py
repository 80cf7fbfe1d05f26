"""The command palette: the app's own commands next to Textual's."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from qaudit.i18n import _

if TYPE_CHECKING:
    from qaudit.tui.app import QAuditApp


class QAuditCommands(Provider):
    """Open a location, start a self-evaluation, export, write a report, open the planner."""

    def _commands(self) -> list[tuple[str, Any, str]]:
        app = cast("QAuditApp", self.app)
        commands: list[tuple[str, Any, str]] = [
            (_("Planner"), app.action_planner, _("Open the cycle planner")),
            (_("Help"), app.action_help, _("Show the keys of this screen")),
        ]
        from qaudit.i18n import LANGUAGES, get_language
        from qaudit.tui.app import LANGUAGE_NAMES

        for language in LANGUAGES:
            if language != get_language():
                name = _(LANGUAGE_NAMES[language])
                commands.append(
                    (
                        _("Language: {language}").format(language=name),
                        partial(app.run_action, f"language('{language}')"),
                        _("Show every screen in {language} from now on").format(language=name),
                    )
                )
        screen = self.screen
        for name, label, help_text in getattr(screen, "PALETTE", ()):
            commands.append((_(label), partial(screen.run_action, name), _(help_text)))
        for row in getattr(app, "dashboard_rows", ()):
            title = f"{row.code} {row.name}"
            commands.append(
                (
                    _("Open location {title}").format(title=title),
                    partial(app.open_location, row.id),
                    row.organisation,
                )
            )
            commands.append(
                (
                    _("New self-evaluation for {title}").format(title=title),
                    partial(_new_self_evaluation, app, row.id),
                    row.organisation,
                )
            )
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands()[:12]:
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


def _new_self_evaluation(app: QAuditApp, location_id: int) -> None:
    from qaudit.domain.enums import AssessmentKind
    from qaudit.services import trajectory

    new_id = app.call_service(
        trajectory.start_assessment,
        app.engine(),
        location_id,
        AssessmentKind.SELF_EVALUATION,
        today=app.today,
        catalogue=app.get_catalogue(),
    )
    if new_id is not None:
        app.open_assessment(new_id)
