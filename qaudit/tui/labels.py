"""Labels for stored values that the core enums do not label themselves."""

from __future__ import annotations

from qaudit.i18n import N_, _

EVENT_LABELS = {
    "intake": N_("intake"),
    "mt_session": N_("MT session"),
    "audit_visit": N_("audit visit"),
    "training": N_("training"),
    "visitation": N_("visitation"),
    "cirkel": N_("Cirkel assessment"),
    "network_meeting": N_("network meeting"),
}

STEP_STATUS = {
    "not_started": N_("not started"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
}

GROUPS = {
    "residents": N_("residents"),
    "staff": N_("staff"),
    "family": N_("family"),
    "management": N_("management"),
    "client_council": N_("client council"),
    "volunteers": N_("volunteers"),
}

FINDING_KINDS = {"strength": N_("strength"), "improvement": N_("point of improvement")}

ACTION_STATUS = {
    "open": N_("open"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "cancelled": N_("cancelled"),
}

ASSESSMENT_STATUS = {"open": N_("open"), "closed": N_("closed")}

DECISIONS = {"go": N_("go"), "no_go": N_("no go"), "later": N_("later")}


def label(table: dict[str, str], value: str | None) -> str:
    return _(table[value]) if value in table else (value or "")
