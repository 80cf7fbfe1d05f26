"""Enumerations of the client's voice (issue 12). Values are stable strings in the database."""

from __future__ import annotations

from enum import StrEnum

from qaudit.i18n import N_, _


class RespondentGroup(StrEnum):
    RESIDENT = "resident"
    FAMILY = "family"
    REPRESENTATIVE = "representative"

    @property
    def label(self) -> str:
        return _(_GROUP_LABELS[self])


_GROUP_LABELS = {
    RespondentGroup.RESIDENT: N_("resident"),
    RespondentGroup.FAMILY: N_("family"),
    RespondentGroup.REPRESENTATIVE: N_("representative"),
}


class Perceived(StrEnum):
    """Did the respondent notice that a client promise was kept?"""

    YES = "ja"
    PARTLY = "deels"
    NO = "nee"
    NOT_APPLICABLE = "nvt"

    @property
    def label(self) -> str:
        return _(_PERCEIVED_LABELS[self])


_PERCEIVED_LABELS = {
    Perceived.YES: N_("yes, kept"),
    Perceived.PARTLY: N_("partly kept"),
    Perceived.NO: N_("not kept"),
    Perceived.NOT_APPLICABLE: N_("n/a"),
}


class Parameter(StrEnum):
    """The six parameters of citizen-experienced quality (seed 004, Pleje.dk), each 1–5."""

    SATISFACTION = "satisfaction"
    INFLUENCE = "influence"
    SAME_STAFF = "same_staff"
    ON_TIME = "on_time"
    SELF_RELIANCE = "self_reliance"
    DIGNITY = "dignity"

    @property
    def label(self) -> str:
        return _(_PARAMETER_LABELS[self])


_PARAMETER_LABELS = {
    Parameter.SATISFACTION: N_("Overall satisfaction"),
    Parameter.INFLUENCE: N_("Influence on one's own care"),
    Parameter.SAME_STAFF: N_("The same staff"),
    Parameter.ON_TIME: N_("Visits at the agreed time"),
    Parameter.SELF_RELIANCE: N_("Becoming more self-reliant"),
    Parameter.DIGNITY: N_("Care given with dignity"),
}


class Channel(StrEnum):
    """How a complaint came in."""

    LETTER = "letter"
    EMAIL = "email"
    PHONE = "phone"
    IN_PERSON = "in_person"
    FORM = "form"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(_CHANNEL_LABELS[self])


_CHANNEL_LABELS = {
    Channel.LETTER: N_("letter"),
    Channel.EMAIL: N_("e-mail"),
    Channel.PHONE: N_("phone"),
    Channel.IN_PERSON: N_("in person"),
    Channel.FORM: N_("form"),
    Channel.OTHER: N_("other"),
}


class ComplaintOutcome(StrEnum):
    UPHELD = "upheld"
    PARTLY_UPHELD = "partly_upheld"
    NOT_UPHELD = "not_upheld"
    SETTLED = "settled"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _(_OUTCOME_LABELS[self])


_OUTCOME_LABELS = {
    ComplaintOutcome.UPHELD: N_("upheld"),
    ComplaintOutcome.PARTLY_UPHELD: N_("partly upheld"),
    ComplaintOutcome.NOT_UPHELD: N_("not upheld"),
    ComplaintOutcome.SETTLED: N_("settled"),
    ComplaintOutcome.WITHDRAWN: N_("withdrawn"),
}


class SuggestionOrigin(StrEnum):
    STAFF = "staff"
    CLIENT = "client"

    @property
    def label(self) -> str:
        return _(N_("staff") if self is SuggestionOrigin.STAFF else N_("client"))


class SuggestionStatus(StrEnum):
    OPEN = "open"
    ADOPTED = "adopted"
    DECLINED = "declined"

    @property
    def label(self) -> str:
        return _(_SUGGESTION_LABELS[self])


_SUGGESTION_LABELS = {
    SuggestionStatus.OPEN: N_("open"),
    SuggestionStatus.ADOPTED: N_("adopted"),
    SuggestionStatus.DECLINED: N_("declined"),
}


class ActionSource(StrEnum):
    """Where an improvement action comes from."""

    AUDIT_FINDING = "audit_finding"
    FEEDBACK = "feedback"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    VISITATION_TIP = "visitation_tip"
    CIRKEL_OUTCOME = "cirkel_outcome"
    PROMISE = "promise"
    """An action of the promise rollout (steps 5–7)."""

    @property
    def label(self) -> str:
        return _(_SOURCE_LABELS[self])


_SOURCE_LABELS = {
    ActionSource.AUDIT_FINDING: N_("audit finding"),
    ActionSource.FEEDBACK: N_("client feedback"),
    ActionSource.COMPLAINT: N_("complaint"),
    ActionSource.SUGGESTION: N_("suggestion"),
    ActionSource.VISITATION_TIP: N_("visitation tip"),
    ActionSource.CIRKEL_OUTCOME: N_("Cirkel outcome"),
    ActionSource.PROMISE: N_("promise rollout"),
}


class EvaluationKind(StrEnum):
    """The evaluations of seed 003 (7.3) and the client panel of seed 002."""

    CLIENT = "client"
    STAFF = "staff"
    THIRD_PARTY = "third_party"
    CLIENT_PANEL = "client_panel"

    @property
    def label(self) -> str:
        return _(_EVALUATION_LABELS[self])


_EVALUATION_LABELS = {
    EvaluationKind.CLIENT: N_("client evaluation"),
    EvaluationKind.STAFF: N_("staff evaluation"),
    EvaluationKind.THIRD_PARTY: N_("third-party evaluation"),
    EvaluationKind.CLIENT_PANEL: N_("client-panel statement"),
}
