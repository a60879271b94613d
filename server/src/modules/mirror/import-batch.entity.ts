import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn } from '../../database/timestamp-columns';

// One applied export file and what it did.
@Entity('import_batch')
@Index('IDX_import_batch_sha256', ['sha256'])
export class ImportBatchEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 8 })
  format: string;

  @Column({ type: 'int' })
  rowCount: number;

  @Column({ type: 'int' })
  createdCount: number;

  @Column({ type: 'int' })
  changedCount: number;

  @Column({ type: 'int' })
  unchangedCount: number;

  // JSON list of rows not applied and why (stale, forbidden transition).
  @Column({ type: 'text' })
  skipped: string;

  // The staff account that uploaded it; null from the command line.
  @Column({ type: 'int', nullable: true })
  staffUserId: number | null;

  @CreatedAtColumn()
  createdAt: Date;
}
