import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn } from '../../database/timestamp-columns';

// "通知发布时提醒我": an applicant waiting for a region's notice of a year; notifiedAt is set
// once the notice_published alert for it is written.
@Entity('notice_watch')
@Index('IDX_notice_watch_applicant_region_year', ['applicantId', 'regionCode', 'year'], {
  unique: true,
})
@Index('IDX_notice_watch_region_year', ['regionCode', 'year', 'notifiedAt'])
export class NoticeWatchEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  applicantId: number;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'datetime', nullable: true })
  notifiedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
