import { Column, Entity, PrimaryColumn } from 'typeorm';

import { UpdatedAtColumn } from '../../../database/timestamp-columns';

// Where a poller stands in a platform's change feed. It moves in the same transaction as the
// changes it covers, so a crash never loses or re-applies a page.
@Entity('poll_cursor')
export class PollCursorEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  // The platform's opaque cursor; null before the first page. A reserved word in MySQL:
  // TypeORM quotes it, hand-written SQL must too.
  @Column({ type: 'text', nullable: true })
  cursor: string | null;

  @UpdatedAtColumn()
  updatedAt: Date;
}
