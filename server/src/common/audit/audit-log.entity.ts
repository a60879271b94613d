import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn } from '../../database/timestamp-columns';

// What staff did to records people rely on (a certificate revoked, …): who, what, to which
// record, why. Rows are only ever added.
@Entity('audit_log')
@Index('IDX_audit_log_target', ['targetType', 'targetId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  staffUserId: number | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  targetType: string;

  @Column({ type: 'varchar', length: 64 })
  targetId: string;

  // JSON; never personal data beyond what staff typed as the reason.
  @Column({ type: 'text' })
  detail: string;

  @CreatedAtColumn()
  createdAt: Date;
}
