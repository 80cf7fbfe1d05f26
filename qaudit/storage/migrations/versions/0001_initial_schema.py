"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('auditlog',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('entity', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('auditlog', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_auditlog_at'), ['at'], unique=False)

    op.create_table('checklistversion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('checklist_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('content_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('spec_json', sa.Text(), nullable=False),
    sa.Column('registered_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('checklist_id', 'version'),
    sa.UniqueConstraint('content_hash')
    )
    with op.batch_alter_table('checklistversion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklistversion_checklist_id'), ['checklist_id'], unique=False)

    op.create_table('networkmeeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('topic', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('city', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('region', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_region'), ['region'], unique=False)

    op.create_table('location',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('city', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('region', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('residents', sa.Integer(), nullable=False),
    sa.Column('staff', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('location', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_location_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_location_region'), ['region'], unique=False)

    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('member_number', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('member_number')
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('region', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('max_per_year', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('self_evaluation', 'audit_visit', 'visitation', 'cirkel', name='assessmentkind', native_enum=False, length=24), nullable=False),
    sa.Column('checklist_version_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('open', 'closed', name='assessmentstatus', native_enum=False, length=24), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('closed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('lead_person_id', sa.Integer(), nullable=True),
    sa.Column('reference_assessment_id', sa.Integer(), nullable=True),
    sa.Column('visiting_organisation_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('quality_advice', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['checklist_version_id'], ['checklistversion.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['lead_person_id'], ['person.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reference_assessment_id'], ['assessment.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['visiting_organisation_id'], ['organisation.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_checklist_version_id'), ['checklist_version_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_lead_person_id'), ['lead_person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_reference_assessment_id'), ['reference_assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessment_visiting_organisation_id'), ['visiting_organisation_id'], unique=False)

    op.create_table('conflictofinterest',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('employed', 'advises', 'audited', 'other', name='conflictkind', native_enum=False, length=24), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conflictofinterest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflictofinterest_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflictofinterest_person_id'), ['person_id'], unique=False)

    op.create_table('cyclestep',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('not_started', 'in_progress', 'done', name='stepstatus', native_enum=False, length=24), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('decision', sa.Enum('go', 'no_go', 'later', name='mtdecision', native_enum=False, length=24), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('location_id', 'step')
    )
    with op.batch_alter_table('cyclestep', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cyclestep_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cyclestep_person_id'), ['person_id'], unique=False)

    op.create_table('networkattendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['networkmeeting.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meeting_id', 'location_id')
    )
    with op.batch_alter_table('networkattendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_networkattendance_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_networkattendance_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('promisetranslation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('promise_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('translation', sa.Text(), nullable=False),
    sa.Column('agreements', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('location_id', 'promise_id')
    )
    with op.batch_alter_table('promisetranslation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_promisetranslation_location_id'), ['location_id'], unique=False)

    op.create_table('roleassignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('auditor', 'peer_visitor', 'assessor', 'location_contact', 'cooperative_staff', name='role', native_enum=False, length=24), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('person_id', 'role', 'location_id')
    )
    with op.batch_alter_table('roleassignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roleassignment_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_roleassignment_person_id'), ['person_id'], unique=False)

    op.create_table('trainingsession',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('topic', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('attendees', sa.Integer(), nullable=False),
    sa.Column('staff_total', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('trainingsession', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_trainingsession_location_id'), ['location_id'], unique=False)

    op.create_table('visibilityitem',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('placement', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('promise_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('placed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('visibilityitem', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visibilityitem_location_id'), ['location_id'], unique=False)

    op.create_table('answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('point_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('result', sa.Enum('voldoet', 'voldoet_deels', 'voldoet_niet', 'nvt', 'nog_niet', name='result', native_enum=False, length=24), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['answered_by_id'], ['person.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('assessment_id', 'point_id')
    )
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_answer_answered_by_id'), ['answered_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_answer_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('finding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('strength', 'improvement', name='findingkind', native_enum=False, length=24), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('point_ids', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_finding_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('improvementaction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=True),
    sa.Column('promise_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('owner', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('open', 'in_progress', 'done', 'cancelled', name='actionstatus', native_enum=False, length=24), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('improvementaction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_improvementaction_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_improvementaction_location_id'), ['location_id'], unique=False)

    op.create_table('interview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('group', sa.Enum('residents', 'staff', 'family', 'management', name='interviewgroup', native_enum=False, length=24), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_assessment_id'), ['assessment_id'], unique=False)

    op.create_table('scheduledevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('location_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('intake', 'mt_session', 'audit_visit', 'training', 'visitation', 'cirkel', 'network_meeting', name='eventkind', native_enum=False, length=24), nullable=False),
    sa.Column('status', sa.Enum('planned', 'done', 'missed', 'cancelled', name='eventstatus', native_enum=False, length=24), nullable=False),
    sa.Column('due_year', sa.Integer(), nullable=True),
    sa.Column('window_start', sa.Date(), nullable=True),
    sa.Column('window_end', sa.Date(), nullable=True),
    sa.Column('planned_on', sa.Date(), nullable=True),
    sa.Column('manual', sa.Boolean(), nullable=False),
    sa.Column('visiting_organisation_id', sa.Integer(), nullable=True),
    sa.Column('assessment_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['location_id'], ['location.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['visiting_organisation_id'], ['organisation.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uid')
    )
    with op.batch_alter_table('scheduledevent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scheduledevent_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scheduledevent_location_id'), ['location_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scheduledevent_visiting_organisation_id'), ['visiting_organisation_id'], unique=False)

    op.create_table('eventassignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['scheduledevent.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id', 'person_id')
    )
    with op.batch_alter_table('eventassignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_eventassignment_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_eventassignment_person_id'), ['person_id'], unique=False)

    op.create_table('recommendation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['finding_id'], ['finding.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendation_finding_id'), ['finding_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_finding_id'))
        batch_op.drop_index(batch_op.f('ix_recommendation_assessment_id'))

    op.drop_table('recommendation')
    with op.batch_alter_table('eventassignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_eventassignment_person_id'))
        batch_op.drop_index(batch_op.f('ix_eventassignment_event_id'))

    op.drop_table('eventassignment')
    with op.batch_alter_table('scheduledevent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scheduledevent_visiting_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_scheduledevent_location_id'))
        batch_op.drop_index(batch_op.f('ix_scheduledevent_assessment_id'))

    op.drop_table('scheduledevent')
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_assessment_id'))

    op.drop_table('interview')
    with op.batch_alter_table('improvementaction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_improvementaction_location_id'))
        batch_op.drop_index(batch_op.f('ix_improvementaction_assessment_id'))

    op.drop_table('improvementaction')
    with op.batch_alter_table('finding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_finding_assessment_id'))

    op.drop_table('finding')
    with op.batch_alter_table('answer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_answer_assessment_id'))
        batch_op.drop_index(batch_op.f('ix_answer_answered_by_id'))

    op.drop_table('answer')
    with op.batch_alter_table('visibilityitem', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visibilityitem_location_id'))

    op.drop_table('visibilityitem')
    with op.batch_alter_table('trainingsession', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_trainingsession_location_id'))

    op.drop_table('trainingsession')
    with op.batch_alter_table('roleassignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roleassignment_person_id'))
        batch_op.drop_index(batch_op.f('ix_roleassignment_location_id'))

    op.drop_table('roleassignment')
    with op.batch_alter_table('promisetranslation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_promisetranslation_location_id'))

    op.drop_table('promisetranslation')
    with op.batch_alter_table('networkattendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_networkattendance_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_networkattendance_location_id'))

    op.drop_table('networkattendance')
    with op.batch_alter_table('cyclestep', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cyclestep_person_id'))
        batch_op.drop_index(batch_op.f('ix_cyclestep_location_id'))

    op.drop_table('cyclestep')
    with op.batch_alter_table('conflictofinterest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflictofinterest_person_id'))
        batch_op.drop_index(batch_op.f('ix_conflictofinterest_organisation_id'))

    op.drop_table('conflictofinterest')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_visiting_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_assessment_reference_assessment_id'))
        batch_op.drop_index(batch_op.f('ix_assessment_location_id'))
        batch_op.drop_index(batch_op.f('ix_assessment_lead_person_id'))
        batch_op.drop_index(batch_op.f('ix_assessment_checklist_version_id'))

    op.drop_table('assessment')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_organisation_id'))

    op.drop_table('person')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_organisation_id'))

    op.drop_table('membership')
    with op.batch_alter_table('location', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_location_region'))
        batch_op.drop_index(batch_op.f('ix_location_organisation_id'))

    op.drop_table('location')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_region'))

    op.drop_table('organisation')
    op.drop_table('networkmeeting')
    with op.batch_alter_table('checklistversion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklistversion_checklist_id'))

    op.drop_table('checklistversion')
    with op.batch_alter_table('auditlog', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_auditlog_at'))

    op.drop_table('auditlog')

