"""location profile, re-checks, learning question

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28

Issue 17: a location's profile (which points apply), the re-check after a conditional
verdict (only the failed points) and a visitation's learning question (leervraag).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('locationprofile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('behandeling', sa.Boolean(), nullable=False),
    sa.Column('psychogeriatric', sa.Boolean(), nullable=False),
    sa.Column('wzd_accommodation', sa.Boolean(), nullable=False),
    sa.Column('verblijf', sa.Boolean(), nullable=False),
    sa.Column('care_providers', sa.Integer(), nullable=True),
    sa.Column('places', sa.Integer(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('location_id')
    )
    op.create_table('learningquestion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('recorded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('assessment_id')
    )
    op.create_table('recheck',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('of_assessment_id', sa.Integer(), nullable=False),
    sa.Column('point_ids', sa.JSON(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['of_assessment_id'], ['assessment.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('assessment_id')
    )
    with op.batch_alter_table('recheck', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recheck_of_assessment_id'), ['of_assessment_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('recheck', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recheck_of_assessment_id'))

    op.drop_table('recheck')
    op.drop_table('learningquestion')
    op.drop_table('locationprofile')
