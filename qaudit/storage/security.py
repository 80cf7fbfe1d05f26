"""What PostgreSQL itself enforces: row-level security, privileges and an append-only log.

Every qaudit login is a member of the group role :data:`GROUP`, which holds the table
privileges. Row-level security policies limit each login to the rows its grants allow
(``accessgrant``, read through ``current_user``), with the rules of
:mod:`qaudit.domain.access` written once more in SQL, so a login used directly with
``psql`` sees and changes exactly what qaudit would let it. The table owner (the
administrator who runs the migrations) and superusers bypass the policies; the audit log
refuses UPDATE and DELETE from everyone through a trigger, and its actor is always the
authenticated login (``session_user``).

Tables are secured by what they hold, so tables added by later migrations are covered
too: :func:`secure_tables` runs at the end of every upgrade. A table with an
``assessment_id`` or ``location_id`` column is limited to the assessments or locations a
login may read (and write); a table without either is readable by every login and
changed by cooperative staff only.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from qaudit.domain.access import SELF_FILLED_KINDS

SELF_FILLED_SQL = "(" + ", ".join(f"'{kind}'" for kind in sorted(SELF_FILLED_KINDS)) + ")"
"""The kinds a location contact fills in, as an SQL list (mirrors ``SELF_FILLED_KINDS``)."""

GROUP = "qaudit_users"
"""The group role every qaudit login is a member of; it holds the table privileges."""

STAFF = "(SELECT qaudit_staff(current_user::text))"
READ_LOCATIONS = "(SELECT qaudit_read_locations(current_user::text))"
WRITE_LOCATIONS = "(SELECT qaudit_write_locations(current_user::text))"
READ_ASSESSMENTS = "(SELECT qaudit_read_assessments(current_user::text))"
WRITE_ASSESSMENTS = "(SELECT qaudit_write_assessments(current_user::text))"
INTERVIEW_ASSESSMENTS = "(SELECT qaudit_interview_assessments(current_user::text))"
WHOLE_LOCATIONS = "(SELECT qaudit_whole_locations(current_user::text))"
AUDITED_LOCATIONS = "(SELECT qaudit_audited_locations(current_user::text))"
CONTACT_LOCATIONS = "(SELECT qaudit_role_locations(current_user::text, 'location-contact'))"
"""Locations whose every assessment a login reads (board, contact, auditor)."""

_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT"

_COVERS = """(
       (g.assessment_id IS NOT NULL AND g.assessment_id = a.id)
    OR (g.assessment_id IS NULL AND g.location_id IS NOT NULL AND g.location_id = a.location_id)
    OR (g.assessment_id IS NULL AND g.location_id IS NULL AND g.organisation_id IS NOT NULL
        AND g.organisation_id = a.organisation_id)
    OR (g.assessment_id IS NULL AND g.location_id IS NULL AND g.organisation_id IS NULL))"""

FUNCTIONS = (
    f"""CREATE OR REPLACE FUNCTION qaudit_staff(who text) RETURNS boolean {_DEFINER} AS $$
    SELECT EXISTS (SELECT 1 FROM accessgrant g WHERE g.login = who AND g.role = 'staff')
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_assessment_facts()
    RETURNS TABLE(id int, location_id int, organisation_id int, kind text,
                  window_start date, closed boolean) {_DEFINER} AS $$
    SELECT a.id, a.location_id, l.organisation_id, a.kind::text,
           COALESCE((SELECT min(e.window_start) FROM scheduledevent e
                     WHERE e.assessment_id = a.id), a.started_on),
           a.closed_at IS NOT NULL
    FROM assessment a JOIN location l ON l.id = a.location_id
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_targets(who text)
    RETURNS TABLE(role text, assessment_id int, location_id int) {_DEFINER} AS $$
    SELECT g.role::text, a.id, a.location_id
    FROM accessgrant g JOIN qaudit_assessment_facts() a ON {_COVERS}
    WHERE g.login = who AND (
        g.role = 'auditor'
        OR (NOT a.closed AND current_date >= (a.window_start - interval '1 month')::date
            AND ((g.role = 'peer-visitor' AND a.kind = 'visitation')
              OR (g.role = 'assessor' AND a.kind = 'cirkel'))))
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_role_locations(who text, wanted text)
    RETURNS SETOF int {_DEFINER} AS $$
    SELECT l.id FROM accessgrant g JOIN location l ON (
           (g.assessment_id IS NOT NULL
            AND l.id = (SELECT a.location_id FROM assessment a WHERE a.id = g.assessment_id))
        OR (g.assessment_id IS NULL AND g.location_id IS NOT NULL AND l.id = g.location_id)
        OR (g.assessment_id IS NULL AND g.location_id IS NULL
            AND g.organisation_id IS NOT NULL AND l.organisation_id = g.organisation_id)
        OR (g.assessment_id IS NULL AND g.location_id IS NULL AND g.organisation_id IS NULL))
    WHERE g.login = who AND g.role = wanted
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_audited_locations(who text)
    RETURNS SETOF int {_DEFINER} AS $$
    SELECT qaudit_role_locations(who, 'auditor')
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_read_locations(who text)
    RETURNS SETOF int {_DEFINER} AS $$
    SELECT qaudit_role_locations(who, 'board')
    UNION SELECT qaudit_role_locations(who, 'location-contact')
    UNION SELECT t.location_id FROM qaudit_targets(who) t
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_write_locations(who text)
    RETURNS SETOF int {_DEFINER} AS $$
    SELECT qaudit_role_locations(who, 'location-contact')
    UNION SELECT qaudit_audited_locations(who)
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_whole_locations(who text)
    RETURNS SETOF int {_DEFINER} AS $$
    SELECT qaudit_role_locations(who, 'board')
    UNION SELECT qaudit_role_locations(who, 'location-contact')
    UNION SELECT qaudit_audited_locations(who)
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_read_assessments(who text)
    RETURNS SETOF int {_DEFINER} AS $$
    SELECT a.id FROM assessment a WHERE a.location_id IN (SELECT qaudit_whole_locations(who))
    UNION SELECT t.assessment_id FROM qaudit_targets(who) t WHERE t.role <> 'auditor'
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_write_assessments(who text)
    RETURNS SETOF int {_DEFINER} AS $$
    SELECT t.assessment_id FROM qaudit_targets(who) t
    UNION SELECT a.id FROM assessment a WHERE a.kind IN {SELF_FILLED_SQL}
        AND a.location_id IN (SELECT qaudit_role_locations(who, 'location-contact'))
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_interview_assessments(who text)
    RETURNS SETOF int {_DEFINER} AS $$
    SELECT a.id FROM assessment a
    WHERE a.location_id IN (SELECT qaudit_audited_locations(who))
    UNION SELECT t.assessment_id FROM qaudit_targets(who) t WHERE t.role <> 'auditor'
    $$""",
    f"""CREATE OR REPLACE FUNCTION qaudit_location_code(loc int) RETURNS text {_DEFINER} AS $$
    SELECT l.code FROM location l WHERE l.id = loc
    $$""",
    """CREATE OR REPLACE FUNCTION qaudit_auditlog_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            NEW.actor := session_user;
            RETURN NEW;
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'the audit log is append-only: ' || TG_OP || ' refused';
    END
    $$""",
)

_GROUP_ROLE = f"""DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{GROUP}') THEN
        BEGIN
            CREATE ROLE {GROUP} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
    END IF;
END
$$"""

_TRIGGERS = (
    "DROP TRIGGER IF EXISTS qaudit_auditlog_insert ON auditlog",
    "CREATE TRIGGER qaudit_auditlog_insert BEFORE INSERT ON auditlog "
    "FOR EACH ROW EXECUTE FUNCTION qaudit_auditlog_guard()",
    "DROP TRIGGER IF EXISTS qaudit_auditlog_append_only ON auditlog",
    "CREATE TRIGGER qaudit_auditlog_append_only BEFORE UPDATE OR DELETE ON auditlog "
    "FOR EACH ROW EXECUTE FUNCTION qaudit_auditlog_guard()",
)


def install(connection: Connection) -> None:
    """Create the group role (when allowed), the functions, the audit-log trigger and the
    policies. PostgreSQL only; idempotent."""
    if connection.dialect.name != "postgresql":
        return
    if _can_create_roles(connection):
        connection.exec_driver_sql(_GROUP_ROLE)
    for statement in (*FUNCTIONS, *_TRIGGERS):
        connection.exec_driver_sql(statement)
    secure_tables(connection)


def _can_create_roles(connection: Connection) -> bool:
    sql = "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"
    return bool(connection.execute(text(sql)).scalar())


def group_exists(connection: Connection) -> bool:
    sql = "SELECT 1 FROM pg_roles WHERE rolname = :name"
    return connection.execute(text(sql), {"name": GROUP}).first() is not None


def secure_tables(connection: Connection) -> None:
    """Privileges for the group and policies on every table of the current schema."""
    if connection.dialect.name != "postgresql" or not _installed(connection):
        return
    from qaudit.storage.policies import policies_for, privileges_for

    grant = group_exists(connection)
    if grant:
        connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA {_schema(connection)} TO {GROUP}")
        connection.exec_driver_sql(
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_schema(connection)} TO {GROUP}"
        )
    for table, columns in _tables(connection).items():
        if grant:
            connection.exec_driver_sql(f'GRANT {privileges_for(table)} ON "{table}" TO {GROUP}')
        if table == "alembic_version":
            continue
        connection.exec_driver_sql(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
        for name, statement in policies_for(table, columns):
            connection.exec_driver_sql(f'DROP POLICY IF EXISTS {name} ON "{table}"')
            connection.exec_driver_sql(statement)


def _installed(connection: Connection) -> bool:
    sql = "SELECT 1 FROM pg_proc WHERE proname = 'qaudit_staff'"
    return connection.execute(text(sql)).first() is not None


def _schema(connection: Connection) -> str:
    name = connection.execute(text("SELECT current_schema()")).scalar()
    return '"' + str(name).replace('"', '""') + '"'


def _tables(connection: Connection) -> dict[str, set[str]]:
    sql = (
        "SELECT c.table_name, c.column_name FROM information_schema.columns c "
        "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
        "AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
        "WHERE c.table_schema = current_schema()"
    )
    tables: dict[str, set[str]] = {}
    for table, column in connection.execute(text(sql)):
        tables.setdefault(table, set()).add(column)
    return tables


def uninstall(connection: Connection) -> None:
    """Remove what :func:`install` created (for a downgrade)."""
    if connection.dialect.name != "postgresql":
        return
    for table in _tables(connection):
        connection.exec_driver_sql(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
        for (name,) in connection.execute(
            text(
                "SELECT policyname FROM pg_policies WHERE tablename = :t AND schemaname = "
                "current_schema() AND policyname LIKE 'qaudit_%'"
            ),
            {"t": table},
        ):
            connection.exec_driver_sql(f'DROP POLICY IF EXISTS {name} ON "{table}"')
    connection.exec_driver_sql("DROP TRIGGER IF EXISTS qaudit_auditlog_insert ON auditlog")
    connection.exec_driver_sql("DROP TRIGGER IF EXISTS qaudit_auditlog_append_only ON auditlog")
    for name in _FUNCTION_NAMES:
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name} CASCADE")


_FUNCTION_NAMES = (
    "qaudit_auditlog_guard()",
    "qaudit_location_code(int)",
    "qaudit_interview_assessments(text)",
    "qaudit_write_assessments(text)",
    "qaudit_read_assessments(text)",
    "qaudit_write_locations(text)",
    "qaudit_whole_locations(text)",
    "qaudit_read_locations(text)",
    "qaudit_audited_locations(text)",
    "qaudit_role_locations(text, text)",
    "qaudit_targets(text)",
    "qaudit_assessment_facts()",
    "qaudit_staff(text)",
)
