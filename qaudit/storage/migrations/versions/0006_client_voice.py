"""the client's voice

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28

Units of a location, client-experience feedback, outside scores, complaints, suggestions and
evaluations (issue 12); improvement actions get a source, a unit, an origin, the measurement
of their effect and a creation date. Existing actions get their source from what they were
recorded with (the assessment's kind, or the promise).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_GROUP = sa.Enum('resident', 'family', 'representative', name='respondentgroup', native_enum=False, length=24)
_CHANNEL = sa.Enum('letter', 'email', 'phone', 'in_person', 'form', 'other', name='channel', native_enum=False, length=24)
_OUTCOME = sa.Enum('upheld', 'partly_upheld', 'not_upheld', 'settled', 'withdrawn', name='complaintoutcome', native_enum=False, length=24)
_ORIGIN = sa.Enum('staff', 'client', name='suggestionorigin', native_enum=False, length=24)
_SUGGESTION = sa.Enum('open', 'adopted', 'declined', name='suggestionstatus', native_enum=False, length=24)
_EVALUATION = sa.Enum('client', 'staff', 'third_party', 'client_panel', name='evaluationkind', native_enum=False, length=24)
_SOURCE = sa.Enum('audit_finding', 'feedback', 'complaint', 'suggestion', 'visitation_tip', 'cirkel_outcome', 'promise', name='actionsource', native_enum=False, length=24)


def _index(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)


def upgrade() -> None:
    op.create_table('clientunit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('location_id', 'name')
    )
    _index('clientunit', 'location_id')
    op.create_table('feedbackresponse',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('respondent_ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('responded_on', sa.Date(), nullable=False),
    sa.Column('group', _GROUP, nullable=False),
    sa.Column('recommend', sa.Integer(), nullable=True),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('influence', sa.Integer(), nullable=True),
    sa.Column('same_staff', sa.Integer(), nullable=True),
    sa.Column('on_time', sa.Integer(), nullable=True),
    sa.Column('self_reliance', sa.Integer(), nullable=True),
    sa.Column('dignity', sa.Integer(), nullable=True),
    sa.Column('promises', sa.JSON(), nullable=False),
    sa.Column('free_text', sa.Text(), nullable=False),
    sa.Column('imported_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['clientunit.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('location_id', 'respondent_ref')
    )
    _index('feedbackresponse', 'location_id', 'unit_id', 'responded_on')
    op.create_table('externalaggregate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('period', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('location_id', 'source', 'period')
    )
    _index('externalaggregate', 'location_id')
    op.create_table('complaint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('channel', _CHANNEL, nullable=False),
    sa.Column('promise_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('theme', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('acknowledged_on', sa.Date(), nullable=True),
    sa.Column('extension_weeks', sa.Integer(), nullable=False),
    sa.Column('extension_notice_on', sa.Date(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('outcome', _OUTCOME, nullable=True),
    sa.Column('follow_up', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['clientunit.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    _index('complaint', 'location_id', 'unit_id')
    op.create_table('suggestion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=True),
    sa.Column('origin', _ORIGIN, nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', _SUGGESTION, nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['clientunit.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    _index('suggestion', 'location_id', 'unit_id')
    op.create_table('evaluation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('kind', _EVALUATION, nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    _index('evaluation', 'location_id', 'held_on')
    with op.batch_alter_table('improvementaction', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', _SOURCE, nullable=True))
        batch_op.add_column(sa.Column('unit_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('origin_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('effect_measure', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('created_on', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_improvementaction_unit_id'), ['unit_id'], unique=False)
        batch_op.create_foreign_key('fk_improvementaction_unit_id_clientunit', 'clientunit', ['unit_id'], ['id'], ondelete='SET NULL')
    op.execute(
        "UPDATE improvementaction SET source = CASE "
        "(SELECT kind FROM assessment WHERE assessment.id = improvementaction.assessment_id) "
        "WHEN 'visitation' THEN 'visitation_tip' WHEN 'cirkel' THEN 'cirkel_outcome' "
        "ELSE 'audit_finding' END WHERE assessment_id IS NOT NULL"
    )
    op.execute(
        "UPDATE improvementaction SET source = 'promise' "
        "WHERE assessment_id IS NULL AND promise_id IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table('improvementaction', schema=None) as batch_op:
        batch_op.drop_constraint('fk_improvementaction_unit_id_clientunit', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_improvementaction_unit_id'))
        for column in ('created_on', 'effect_measure', 'origin_id', 'unit_id', 'source'):
            batch_op.drop_column(column)
    for table in ('evaluation', 'suggestion', 'complaint', 'externalaggregate', 'feedbackresponse', 'clientunit'):
        op.drop_table(table)
