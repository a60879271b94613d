import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';

@Entity('notice')
export class NoticeEntity {
  @PrimaryGeneratedColumn()
  id: number;

  // Stable key for seeding and imports, e.g. hotan-2023-1.
  @Index('IDX_notice_slug', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  slug: string;

  @Column({ type: 'varchar', length: 100 })
  documentNumber: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  issuer: string;

  // A Beijing calendar date (YYYY-MM-DD), as printed on the notice.
  @Column({ type: 'varchar', length: 10 })
  publishedOn: string;

  @Index('IDX_notice_year')
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 12, default: '6532' })
  regionCode: string;

  // The calendar published from this notice, when it went through the office console.
  @Column({ type: 'int', nullable: true })
  calendarYearId: number | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
