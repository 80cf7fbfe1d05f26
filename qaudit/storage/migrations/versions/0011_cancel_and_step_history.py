"""cancelled assessments and step history

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28

Issue 15: an assessment started by mistake is cancelled (kept, with when and why), and a
step's starts, completions and reopenings are kept, so completing a reopened step never
replaces its first completion date. Existing steps get their history from their dates.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('cancelled_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(
            sa.Column('cancel_reason', sa.Text(), nullable=False, server_default='')
        )
    op.create_table('stepevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=False),
    sa.Column('event', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('recorded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stepevent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stepevent_location_id'), ['location_id'], unique=False)
    for event, column in (('started', 'started_on'), ('completed', 'completed_on')):
        op.execute(
            sa.text(
                'INSERT INTO stepevent (location_id, step, event, day, actor, recorded_at) '
                f"SELECT location_id, step, '{event}', {column}, '', CURRENT_TIMESTAMP "
                f'FROM cyclestep WHERE {column} IS NOT NULL'
            )
        )


def downgrade() -> None:
    with op.batch_alter_table('stepevent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stepevent_location_id'))
    op.drop_table('stepevent')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_column('cancel_reason')
        batch_op.drop_column('cancelled_at')
