import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn } from '../../database/timestamp-columns';
import { ApplicantEntity } from '../applicant/applicant.entity';
import { ApplicationEntity } from '../application/application.entity';

// One attachment-checklist item (its stable key) an applicant ticked for an application.
@Entity('checklist_tick')
@Index(
  'IDX_checklist_tick_applicant_application_item',
  ['applicantId', 'applicationId', 'itemKey'],
  {
    unique: true,
  },
)
export class ChecklistTickEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicantId: number;

  @ManyToOne(() => ApplicantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicantId', foreignKeyConstraintName: 'FK_checklist_tick_applicant' })
  applicant?: ApplicantEntity;

  @Index('IDX_checklist_tick_application')
  @Column({ type: 'int' })
  applicationId: number;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicationId', foreignKeyConstraintName: 'FK_checklist_tick_application' })
  application?: ApplicationEntity;

  @Column({ type: 'varchar', length: 80 })
  itemKey: string;

  @CreatedAtColumn()
  createdAt: Date;
}
