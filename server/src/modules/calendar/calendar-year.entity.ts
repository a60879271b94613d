import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';
import { CalendarEventEntity } from './calendar-event.entity';

@Entity('calendar_year')
@Index('IDX_calendar_year_region_year_route', ['regionCode', 'year', 'route'], { unique: true })
export class CalendarYearEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 32 })
  route: string;

  // GB/T 2260 code of the region whose notice this is ('65': the autonomous region).
  @Column({ type: 'varchar', length: 12, default: '6532' })
  regionCode: string;

  @Column({ type: 'varchar', length: 50 })
  region: string;

  // draft | published | withdrawn (NOTICE_STATE): only published ones reach applicants.
  @Column({ type: 'varchar', length: 16, default: 'published' })
  state: string;

  // The notice text the office drafted this calendar from.
  @Column({ type: 'text', nullable: true })
  noticeText: string | null;

  // The resolved NoticeRules (JSON), fixed when published or corrected.
  @Column({ type: 'text', nullable: true })
  rules: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  publishedByStaffId: number | null;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 100 })
  noticeDocumentNumber: string;

  @OneToMany(() => CalendarEventEntity, (event) => event.calendarYear)
  events?: CalendarEventEntity[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
