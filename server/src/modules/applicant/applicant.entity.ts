import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';

// A person who signs in to the mini-app. The openid is WeChat's per-app identifier: personal
// data, never logged and never returned.
@Entity('applicant')
export class ApplicantEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_applicant_open_id', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openId: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionId: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
