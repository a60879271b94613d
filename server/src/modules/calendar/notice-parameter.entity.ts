import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';
import { CalendarYearEntity } from './calendar-year.entity';

// One rule parameter a notice sets (a fee, the revision window…), with the sentence it came
// from; one the notice does not state is copied from the region's previous notice and says so.
@Entity('notice_parameter')
@Index('IDX_notice_parameter_year_name', ['calendarYearId', 'name'], { unique: true })
export class NoticeParameterEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  calendarYearId: number;

  @ManyToOne(() => CalendarYearEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'calendarYearId',
    foreignKeyConstraintName: 'FK_notice_parameter_calendar_year',
  })
  calendarYear?: CalendarYearEntity;

  // NOTICE_PARAMETER_NAME
  @Column({ type: 'varchar', length: 60 })
  name: string;

  // JSON: a number or a string.
  @Column({ type: 'varchar', length: 500 })
  value: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  unit: string | null;

  @Column({ type: 'text', nullable: true })
  quote: string | null;

  @Column({ type: 'boolean', default: false })
  isConfirmed: boolean;

  @Column({ type: 'int', nullable: true })
  inheritedFromCalendarYearId: number | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
