"""recorded verdict

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Closes record their verdict and score; closed assessments from before are judged here from
their stored checklist version and answers, so every closed assessment has one.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from qaudit.checklists.spec import ChecklistSpec
from qaudit.domain.enums import Result
from qaudit.domain.verdict import verdict


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('outcome', sa.Enum('sufficient', 'insufficient', 'incomplete', name='outcome', native_enum=False, length=24), nullable=True))
        batch_op.add_column(sa.Column('score_percent', sa.Float(), nullable=True))
    _record_past_verdicts()



def downgrade() -> None:
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_column('score_percent')
        batch_op.drop_column('outcome')



def _record_past_verdicts() -> None:
    connection = op.get_bind()
    closed = connection.execute(sa.text(
        "SELECT a.id, v.spec_json FROM assessment a JOIN checklistversion v "
        "ON v.id = a.checklist_version_id WHERE a.status = 'closed'")).all()
    specs: dict[str, ChecklistSpec] = {}
    for assessment_id, spec_json in closed:
        spec = specs.get(spec_json) or specs.setdefault(
            spec_json, ChecklistSpec.model_validate_json(spec_json))
        answers = connection.execute(sa.text(
            "SELECT point_id, result FROM answer WHERE assessment_id = :id"), {"id": assessment_id})
        judged = verdict(spec, {point: Result(result) for point, result in answers})
        connection.execute(
            sa.text("UPDATE assessment SET outcome = :outcome, score_percent = :score "
                    "WHERE id = :id"),
            {"outcome": judged.outcome.value, "score": judged.score.overall.percent,
             "id": assessment_id})
