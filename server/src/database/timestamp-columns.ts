import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

// The createdAt/updatedAt pair every entity carries, declared the one way both databases and
// the migrations agree on: whole-second UTC datetimes defaulting to CURRENT_TIMESTAMP (MySQL's
// defaults would be datetime(6), which SQLite and the migrations do not use).
export const CreatedAtColumn = (): PropertyDecorator =>
  CreateDateColumn({ type: 'datetime', precision: 0, default: () => 'CURRENT_TIMESTAMP' });

export const UpdatedAtColumn = (): PropertyDecorator =>
  UpdateDateColumn({
    type: 'datetime',
    precision: 0,
    default: () => 'CURRENT_TIMESTAMP',
    onUpdate: 'CURRENT_TIMESTAMP',
  });
