import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Fixed-window attempt counters in the database, so every server instance counts together.
@Entity('rate_limit_counter')
export class RateLimitCounterEntity {
  @PrimaryGeneratedColumn()
  id: number;

  // `<scope>:<subject>:<window index>`, e.g. bind:applicant:12:2891234
  @Index('IDX_rate_limit_counter_bucket', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  bucket: string;

  @Column({ type: 'int' })
  hits: number;

  @Index('IDX_rate_limit_counter_expires_at')
  @Column({ type: 'datetime' })
  expiresAt: Date;
}
