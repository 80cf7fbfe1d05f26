"""The row-level security policy of each table, chosen by what the table holds.

See :mod:`qaudit.storage.security` for how they are installed and :mod:`qaudit.domain.access`
for the rules they express.
"""

from __future__ import annotations

from qaudit.storage.security import (
    AUDITED_LOCATIONS,
    CONTACT_LOCATIONS,
    INTERVIEW_ASSESSMENTS,
    READ_ASSESSMENTS,
    READ_LOCATIONS,
    SELF_FILLED_SQL,
    STAFF,
    WHOLE_LOCATIONS,
    WRITE_ASSESSMENTS,
    WRITE_LOCATIONS,
)

READ_ONLY = {"alembic_version"}
"""Tables qaudit logins only read."""
APPEND_ONLY = {"auditlog", "stepevent"}
"""Kept as written: the audit log and a step's history (a reopening never overwrites it)."""
STAFF_WRITES_ONLY = {"scheduledevent", "eventassignment", "location"}
ANYONE_INSERTS = {"checklistversion"}
"""Starting an assessment registers the checklist version it pins."""

Policy = tuple[str, str]


def privileges_for(table: str) -> str:
    if table in READ_ONLY:
        return "SELECT"
    if table in APPEND_ONLY:
        return "SELECT, INSERT"
    return "SELECT, INSERT, UPDATE, DELETE"


def in_(column: str, ids: str) -> str:
    return f"({STAFF} OR {column} IN {ids})"


def _rules(table: str, columns: set[str]) -> tuple[str, str]:
    """(who may read a row, who may change it) as SQL conditions."""
    if table == "location":
        return in_("id", READ_LOCATIONS), STAFF
    if table == "assessment":
        # by location first: a row just inserted passes the check of INSERT ... RETURNING
        read = f"({in_('location_id', WHOLE_LOCATIONS)} OR id IN {READ_ASSESSMENTS})"
        return read, in_("id", WRITE_ASSESSMENTS)

    if table == "interview":
        return (
            in_("assessment_id", INTERVIEW_ASSESSMENTS),
            f"({in_('assessment_id', INTERVIEW_ASSESSMENTS)} "
            f"AND {in_('assessment_id', WRITE_ASSESSMENTS)})",
        )
    if table == "evidencefile":  # shared by the assessments of a location (issue 15)
        evidence_writers = (
            f"(location_id IN (SELECT a.location_id FROM assessment a "
            f"WHERE a.id IN {WRITE_ASSESSMENTS}))"
        )
        write = f"({in_('location_id', WRITE_LOCATIONS)} OR {evidence_writers})"
        return in_("location_id", READ_LOCATIONS), write
    if table == "stepevent":  # a step's history is its location's, whichever assessment
        return in_("location_id", READ_LOCATIONS), in_("location_id", WRITE_LOCATIONS)
    if table == "eventassignment":
        return "(event_id IN (SELECT id FROM scheduledevent))", STAFF
    if table in ("accessgrant", "login"):
        column = "login" if table == "accessgrant" else "name"
        return f"({STAFF} OR {column} = current_user::text)", STAFF
    if table == "auditlog":
        return _auditlog_read(), "false"
    if "assessment_id" in columns and "location_id" not in columns:
        return in_("assessment_id", READ_ASSESSMENTS), in_("assessment_id", WRITE_ASSESSMENTS)
    if "location_id" in columns:
        write = STAFF if table in STAFF_WRITES_ONLY else in_("location_id", WRITE_LOCATIONS)
        read = in_("location_id", READ_LOCATIONS)
        if "assessment_id" in columns:
            read = (
                f"({read} AND (assessment_id IS NULL OR {in_('assessment_id', READ_ASSESSMENTS)}))"
            )
        return read, write
    return "true", STAFF


def _insert_rule(table: str, write: str) -> str:
    if table in ANYONE_INSERTS | APPEND_ONLY:
        return "true"
    if table == "assessment":  # an auditor starts any, a location contact its self-filled ones
        return (
            f"({STAFF} OR location_id IN {AUDITED_LOCATIONS} OR (kind IN {SELF_FILLED_SQL} "
            f"AND location_id IN {CONTACT_LOCATIONS}))"
        )
    return write


def _auditlog_read() -> str:
    return (
        f"({STAFF} OR actor = current_user::text"
        f" OR (entity = 'assessment' AND entity_id IN {READ_ASSESSMENTS})"
        f" OR (entity = 'location' AND entity_id IN {READ_LOCATIONS}))"
    )


def policies_for(table: str, columns: set[str]) -> list[Policy]:
    """(policy name, CREATE POLICY statement) for the table."""
    read, write = _rules(table, columns)
    insert = _insert_rule(table, write)
    on = f'ON "{table}"'
    return [
        ("qaudit_select", f"CREATE POLICY qaudit_select {on} FOR SELECT USING ({read})"),
        ("qaudit_insert", f"CREATE POLICY qaudit_insert {on} FOR INSERT WITH CHECK ({insert})"),
        ("qaudit_update", f"CREATE POLICY qaudit_update {on} FOR UPDATE USING ({write})"),
        ("qaudit_delete", f"CREATE POLICY qaudit_delete {on} FOR DELETE USING ({write})"),
    ]
