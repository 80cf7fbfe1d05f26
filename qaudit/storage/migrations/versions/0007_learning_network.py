"""learning network

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28

The learning network (step 10): a meeting's host location, what was shared and how many
came per location; the library of good practices, the locations' consent to share them,
and which practice was presented at which meeting.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK_HOST = 'fk_networkmeeting_host_location_id'


def upgrade() -> None:
    op.create_table('networkconsent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('given', sa.Boolean(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('decided_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('location_id')
    )
    op.create_table('goodpractice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=True),
    sa.Column('finding_id', sa.Integer(), nullable=True),
    sa.Column('recommendation_id', sa.Integer(), nullable=True),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('promise_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('theme_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('recorded_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['finding_id'], ['finding.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendation.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('finding_id'),
    sa.UniqueConstraint('recommendation_id')
    )
    with op.batch_alter_table('goodpractice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goodpractice_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goodpractice_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goodpractice_promise_id'), ['promise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goodpractice_theme_id'), ['theme_id'], unique=False)

    op.create_table('sharedpractice',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('practice_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['networkmeeting.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['practice_id'], ['goodpractice.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meeting_id', 'practice_id')
    )
    with op.batch_alter_table('sharedpractice', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sharedpractice_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sharedpractice_practice_id'), ['practice_id'], unique=False)

    with op.batch_alter_table('networkattendance', schema=None) as batch_op:
        batch_op.add_column(sa.Column('attendees', sa.Integer(), nullable=False, server_default='1'))

    with op.batch_alter_table('networkmeeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('host_location_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('shared', sa.Text(), nullable=False, server_default=''))
        batch_op.create_index(batch_op.f('ix_networkmeeting_host_location_id'), ['host_location_id'], unique=False)
        batch_op.create_foreign_key(FK_HOST, 'location', ['host_location_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('networkmeeting', schema=None) as batch_op:
        batch_op.drop_constraint(FK_HOST, type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_networkmeeting_host_location_id'))
        batch_op.drop_column('shared')
        batch_op.drop_column('host_location_id')

    with op.batch_alter_table('networkattendance', schema=None) as batch_op:
        batch_op.drop_column('attendees')

    with op.batch_alter_table('sharedpractice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sharedpractice_practice_id'))
        batch_op.drop_index(batch_op.f('ix_sharedpractice_meeting_id'))

    op.drop_table('sharedpractice')
    with op.batch_alter_table('goodpractice', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goodpractice_theme_id'))
        batch_op.drop_index(batch_op.f('ix_goodpractice_promise_id'))
        batch_op.drop_index(batch_op.f('ix_goodpractice_location_id'))
        batch_op.drop_index(batch_op.f('ix_goodpractice_assessment_id'))

    op.drop_table('goodpractice')
    op.drop_table('networkconsent')
