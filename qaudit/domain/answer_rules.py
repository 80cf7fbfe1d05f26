"""May this answer be given? n.v.t. and note rules from the checklist file. Pure functions.

The one check behind every way of answering (the checklist screen, ``qaudit answer``, the
Excel import): each calls :func:`answer_problem` and refuses the answer when it returns text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qaudit.domain.enums import Result
from qaudit.domain.profile import Profile, applies
from qaudit.i18n import _

if TYPE_CHECKING:  # annotations only: keeps pydantic off the UI's start-up path
    from qaudit.checklists.spec import Point


def answer_problem(
    point: Point, result: Result, note: str, profile: Profile | None = None
) -> str | None:
    """Why ``result`` with ``note`` may not be recorded for ``point`` (None: it may)."""
    has_note = bool(note.strip())
    if result is Result.NOT_APPLICABLE:
        return _nvt_problem(point, has_note, profile)
    if result is Result.NOT_COMPLIANT and point.note_required and not has_note:
        return _("point {point}: 'not compliant' needs a note saying what was found").format(
            point=point.id
        )
    return None


def _nvt_problem(point: Point, has_note: bool, profile: Profile | None) -> str | None:
    if point.nvt == "never":
        return _("point {point}: 'not applicable' is not allowed for this point").format(
            point=point.id
        )
    if point.nvt == "by_profile":
        if profile is None:
            return _(
                "point {point} is n.v.t. only by the location profile, and this location "
                "has none yet (qaudit location profile ID)"
            ).format(point=point.id)
        if applies(point, profile):
            return _(
                "point {point} applies to this location by its profile: "
                "'not applicable' is not allowed"
            ).format(point=point.id)
        return None
    needs_reason = point.nvt == "with_reason" or (point.critical and point.note_required)
    if needs_reason and not has_note:
        return _("point {point}: 'not applicable' needs a reason in the note").format(
            point=point.id
        )
    return None
