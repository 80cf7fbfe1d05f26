"""answer versions and reference snapshots

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

Every answer carries a version (and the version at which its result, note and evidence last
changed) and who changed it last, so a save based on an older version cannot overwrite
someone else's change. A closed audit keeps the self-evaluation answers it was compared with;
audits closed before this revision get the self-evaluation as it is now.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('result_version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('note_version', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('evidence_version', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('changed_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
    op.execute("UPDATE answer SET note_version = 1 WHERE note <> ''")
    op.execute("UPDATE answer SET evidence_version = 1 WHERE evidence <> ''")
    op.create_table('referenceanswer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('point_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('result', sa.Enum('voldoet', 'voldoet_deels', 'voldoet_niet', 'nvt', 'nog_niet', name='result', native_enum=False, length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('assessment_id', 'point_id')
    )
    with op.batch_alter_table('referenceanswer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referenceanswer_assessment_id'), ['assessment_id'], unique=False)
    op.execute(
        "INSERT INTO referenceanswer (assessment_id, point_id, result, note, evidence) "
        "SELECT a.id, r.point_id, r.result, r.note, r.evidence FROM assessment a "
        "JOIN answer r ON r.assessment_id = a.reference_assessment_id "
        "WHERE a.status = 'closed'"
    )


def downgrade() -> None:
    with op.batch_alter_table('referenceanswer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referenceanswer_assessment_id'))
    op.drop_table('referenceanswer')
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_column('changed_by')
        batch_op.drop_column('evidence_version')
        batch_op.drop_column('note_version')
        batch_op.drop_column('result_version')
        batch_op.drop_column('version')
