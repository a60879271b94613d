import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';
import { CalendarYearEntity } from './calendar-year.entity';

@Entity('calendar_event')
@Index('IDX_calendar_event_year_kind', ['calendarYearId', 'kind'], { unique: true })
export class CalendarEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  calendarYearId: number;

  @ManyToOne(() => CalendarYearEntity, (year) => year.events, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'calendarYearId',
    foreignKeyConstraintName: 'FK_calendar_event_calendar_year',
  })
  calendarYear?: CalendarYearEntity;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  // UTC instants; null when the notice gives only a deadline.
  @Column({ type: 'datetime', nullable: true })
  startsAt: Date | null;

  @Index('IDX_calendar_event_ends_at')
  @Column({ type: 'datetime' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 20 })
  section: string;

  @Column({ type: 'text' })
  wording: string;

  @Column({ type: 'text', nullable: true })
  interpretation: string | null;

  // How the draft read the wording (DATE_READING); null for hand-made calendars.
  @Column({ type: 'varchar', length: 20, nullable: true })
  reading: string | null;

  // A person checked this date against the notice; drafts start unconfirmed.
  @Column({ type: 'boolean', default: true })
  isConfirmed: boolean;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
