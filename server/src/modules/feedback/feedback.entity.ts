import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';
import { ApplicantEntity } from '../applicant/applicant.entity';

// 投诉建议: what an applicant wrote to a region's title office, and the office's answer. The
// contact is personal data: stored sealed (FieldCipher), shown masked in lists, never logged.
@Entity('feedback')
@Index('IDX_feedback_applicant', ['applicantId', 'id'])
@Index('IDX_feedback_region_state', ['regionCode', 'state', 'id'])
export class FeedbackEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicantId: number;

  // An applicant's submissions go with the applicant: they are personal data.
  @ManyToOne(() => ApplicantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicantId', foreignKeyConstraintName: 'FK_feedback_applicant' })
  applicant?: ApplicantEntity;

  // The region whose office it is addressed to (GB/T 2260).
  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'varchar', length: 20 })
  category: string;

  @Column({ type: 'text' })
  text: string;

  // FieldCipher token of the contact, or null when none was given.
  @Column({ type: 'text', nullable: true })
  contactSealed: string | null;

  // open | replied | handled
  @Column({ type: 'varchar', length: 12 })
  state: string;

  // The latest reply; each reply also went to the applicant's inbox.
  @Column({ type: 'text', nullable: true })
  reply: string | null;

  // Replies sent so far: keys each reply's inbox message.
  @Column({ type: 'int', default: 0 })
  replyCount: number;

  @Column({ type: 'datetime', nullable: true })
  repliedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  repliedByStaffUserId: number | null;

  @Column({ type: 'datetime', nullable: true })
  handledAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
