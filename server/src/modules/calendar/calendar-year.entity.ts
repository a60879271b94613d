import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';
import { CalendarEventEntity } from './calendar-event.entity';

@Entity('calendar_year')
@Index('IDX_calendar_year_year_route', ['year', 'route'], { unique: true })
export class CalendarYearEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 32 })
  route: string;

  @Column({ type: 'varchar', length: 50 })
  region: string;

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
