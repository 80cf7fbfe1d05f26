"""event responses

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28

A person's answer to an event's invitation (accepted / declined), so a declined event is
planned again for that person's place.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('eventassignment', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('response', sa.String(), nullable=False, server_default='')
        )
        batch_op.add_column(
            sa.Column('responded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table('eventassignment', schema=None) as batch_op:
        batch_op.drop_column('responded_at')
        batch_op.drop_column('response')
