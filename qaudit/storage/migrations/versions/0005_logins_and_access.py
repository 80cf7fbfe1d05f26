"""logins and access

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

Logins mapped to people, grants of roles with a scope, the people doing each assessment;
on PostgreSQL also the group role, row-level security on every table, and an append-only
audit log whose actor is the authenticated login (qaudit.storage.security).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from qaudit.storage import security

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('login',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=63), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('added_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('name')
    )
    with op.batch_alter_table('login', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_person_id'), ['person_id'], unique=False)

    op.create_table('accessgrant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sqlmodel.sql.sqltypes.AutoString(length=63), nullable=False),
    sa.Column('role', sa.Enum('staff', 'auditor', 'location-contact', 'peer-visitor', 'assessor', 'board', name='accessrole', native_enum=False, length=24, create_constraint=False), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('assessment_id', sa.Integer(), nullable=True),
    sa.Column('granted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('login', 'role', 'location_id', 'organisation_id', 'assessment_id')
    )
    with op.batch_alter_table('accessgrant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accessgrant_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accessgrant_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_accessgrant_login'), ['login'], unique=False)
        batch_op.create_index(batch_op.f('ix_accessgrant_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('assessmentperson',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('assessment_id', 'person_id')
    )
    with op.batch_alter_table('assessmentperson', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessmentperson_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessmentperson_person_id'), ['person_id'], unique=False)

    security.install(op.get_bind())


def downgrade() -> None:
    security.uninstall(op.get_bind())
    with op.batch_alter_table('assessmentperson', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessmentperson_person_id'))
        batch_op.drop_index(batch_op.f('ix_assessmentperson_assessment_id'))
    op.drop_table('assessmentperson')
    with op.batch_alter_table('accessgrant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accessgrant_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_accessgrant_login'))
        batch_op.drop_index(batch_op.f('ix_accessgrant_location_id'))
        batch_op.drop_index(batch_op.f('ix_accessgrant_assessment_id'))
    op.drop_table('accessgrant')
    with op.batch_alter_table('login', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_person_id'))
    op.drop_table('login')
