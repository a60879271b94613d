import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';

@Entity('staff_user')
export class StaffUserEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_staff_user_username', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  username: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 32 })
  role: string;

  // bcrypt, cost 12; the clear password is never stored or logged.
  @Column({ type: 'varchar', length: 100 })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  // The prefecture (GB/T 2260) the account acts for; a county HR bureau also for one county
  // (named as the platform writes it), a series authority for one series.
  @Column({ type: 'varchar', length: 12, default: '6532' })
  regionCode: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  county: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  series: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
