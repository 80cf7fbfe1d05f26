"""The constraints of assignment, each with the sentence that explains an exclusion."""

from __future__ import annotations

from enum import StrEnum

from qaudit.domain.enums import ConflictKind
from qaudit.i18n import N_, _


class Constraint(StrEnum):
    # peer organisations (visitation)
    OWN_ORGANISATION = "own_organisation"
    NOT_MEMBER = "not_member"
    SAME_PEER = "same_peer_as_last_visitation"
    RECIPROCAL = "reciprocal_same_year"
    ORGANISATION_LOAD = "organisation_load"
    NO_PEER_VISITOR = "no_available_peer_visitor"
    # people (assessors and peer visitors)
    EMPLOYED = "employed"
    ADVISES = "advises"
    AUDITED = "audited"
    OTHER_CONFLICT = "other_conflict"
    UNAVAILABLE = "unavailable"
    PERSON_LOAD = "person_load"
    TEAM_INCOMPLETE = "team_incomplete"
    NO_CANDIDATES = "no_candidates"
    # days
    DOUBLE_BOOKED = "double_booked"
    WEEK_LOAD = "week_load"
    TRAVEL = "travel_between_regions"
    NO_FREE_DAY = "no_free_day"
    # kept (manual) events
    NOT_PEER_VISITOR = "not_a_peer_visitor_of_the_visitor"
    NOT_ASSESSOR = "not_an_assessor"
    LOCATION_NOT_MEMBER = "location_not_member"
    ALTERNATION = "alternation"
    TOO_SOON = "too_soon"

    @property
    def explanation(self) -> str:
        """Completes "excluded: <candidates> ...", e.g. "... is the location's own organisation"."""
        return _(_EXPLANATIONS[self])


_EXPLANATIONS = {
    Constraint.OWN_ORGANISATION: N_("is the location's own organisation"),
    Constraint.NOT_MEMBER: N_("is not a member of the cooperative that year"),
    Constraint.SAME_PEER: N_("visited this location at its previous visitation"),
    Constraint.RECIPROCAL: N_("is visited by the location's organisation the same year"),
    Constraint.ORGANISATION_LOAD: N_(
        "already carries out the maximum number of visitations that year"
    ),
    Constraint.NO_PEER_VISITOR: N_("has no peer visitor who is free and independent"),
    Constraint.EMPLOYED: N_(
        "is or was employed by the location's organisation within the independence period"
    ),
    Constraint.ADVISES: N_(
        "advises or advised the location's organisation within the independence period"
    ),
    Constraint.AUDITED: N_("audited the location's organisation within the independence period"),
    Constraint.OTHER_CONFLICT: N_(
        "declared another conflict of interest with the location's organisation"
    ),
    Constraint.UNAVAILABLE: N_("is not available on that date"),
    Constraint.PERSON_LOAD: N_("already has the maximum number of visits that year"),
    Constraint.TEAM_INCOMPLETE: N_("too few independent assessors remain for a full team"),
    Constraint.NO_CANDIDATES: N_(
        "there are no candidates at all (no organisation with peer visitors, or no assessors)"
    ),
    Constraint.DOUBLE_BOOKED: N_("already has another event that day"),
    Constraint.WEEK_LOAD: N_("already has the maximum number of events that week"),
    Constraint.TRAVEL: N_(
        "has an event in another region too close to that day to travel between them"
    ),
    Constraint.NO_FREE_DAY: N_(
        "no working day in the window is free for everyone (one event a day, the weekly "
        "maximum, travel between regions, absences)"
    ),
    Constraint.NOT_PEER_VISITOR: N_("is not a peer visitor of the visiting organisation"),
    Constraint.NOT_ASSESSOR: N_("is not an independent assessor"),
    Constraint.LOCATION_NOT_MEMBER: N_(
        "takes place while the location's organisation is not a member of the cooperative"
    ),
    Constraint.ALTERNATION: N_("breaks the alternation: the previous event was of the same kind"),
    Constraint.TOO_SOON: N_(
        "comes sooner than the rhythm allows (the year after the previous "
        "event, two years after the previous one of its kind)"
    ),
}

CONFLICT_CONSTRAINT = {
    ConflictKind.EMPLOYED: Constraint.EMPLOYED,
    ConflictKind.ADVISES: Constraint.ADVISES,
    ConflictKind.AUDITED: Constraint.AUDITED,
    ConflictKind.OTHER: Constraint.OTHER_CONFLICT,
}
