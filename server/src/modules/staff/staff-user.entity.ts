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

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
