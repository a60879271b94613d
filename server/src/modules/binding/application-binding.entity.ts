import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn } from '../../database/timestamp-columns';
import { ApplicantEntity } from '../applicant/applicant.entity';
import { ApplicationEntity } from '../application/application.entity';

// Which applicant may see which application. An application belongs to one applicant.
@Entity('application_binding')
@Index('IDX_application_binding_applicant', ['applicantId'])
export class ApplicationBindingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicantId: number;

  @ManyToOne(() => ApplicantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicantId', foreignKeyConstraintName: 'FK_application_binding_applicant' })
  applicant?: ApplicantEntity;

  @Index('IDX_application_binding_application', { unique: true })
  @Column({ type: 'int' })
  applicationId: number;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'applicationId',
    foreignKeyConstraintName: 'FK_application_binding_application',
  })
  application?: ApplicationEntity;

  @CreatedAtColumn()
  createdAt: Date;
}
