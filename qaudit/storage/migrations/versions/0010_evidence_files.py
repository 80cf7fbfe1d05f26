"""evidence files and photos

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28

Issue 15: files and photos attached to answers. The bytes are stored once per location,
addressed by their sha256 (evidencefile); each answer citing a file has a link
(answerevidence) with the name it was attached under.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('evidencefile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('media_type', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('stored_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('location_id', 'sha256')
    )
    with op.batch_alter_table('evidencefile', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidencefile_location_id'), ['location_id'], unique=False)

    op.create_table('answerevidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('point_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('file_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('attached_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('attached_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['file_id'], ['evidencefile.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('assessment_id', 'point_id', 'file_id')
    )
    with op.batch_alter_table('answerevidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answerevidence_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_answerevidence_file_id'), ['file_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('answerevidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answerevidence_file_id'))
        batch_op.drop_index(batch_op.f('ix_answerevidence_assessment_id'))

    op.drop_table('answerevidence')
    with op.batch_alter_table('evidencefile', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidencefile_location_id'))

    op.drop_table('evidencefile')
