"""a step's start linked to the assessment that made it

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-28

Issue 15: cancelling an assessment started by mistake undoes the step start it made. The
history event of that start names the assessment and keeps the step as it was before and
after, so the undo restores exactly the earlier state, and only when nothing else has
happened to the step since.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK_ASSESSMENT = 'fk_stepevent_assessment_id_assessment'


def upgrade() -> None:
    with op.batch_alter_table('stepevent', schema=None) as batch_op:
        batch_op.add_column(sa.Column('assessment_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('before', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('after', sa.JSON(), nullable=True))
        batch_op.create_index(
            batch_op.f('ix_stepevent_assessment_id'), ['assessment_id'], unique=False
        )
        batch_op.create_foreign_key(
            FK_ASSESSMENT,
            'assessment',
            ['assessment_id'],
            ['id'],
            ondelete='SET NULL',
        )


def downgrade() -> None:
    with op.batch_alter_table('stepevent', schema=None) as batch_op:
        batch_op.drop_constraint(FK_ASSESSMENT, type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_stepevent_assessment_id'))
        batch_op.drop_column('after')
        batch_op.drop_column('before')
        batch_op.drop_column('assessment_id')
