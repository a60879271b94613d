import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn } from '../../database/timestamp-columns';
import { CertificateEntity } from './certificate.entity';

// A link the holder made for one purpose, showing the details they chose until it expires or
// they revoke it. Only the SHA-256 of its token is stored: the database alone cannot open it.
@Entity('certificate_share_link')
@Index('IDX_certificate_share_link_certificate', ['certificateId'])
export class ShareLinkEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  certificateId: number;

  @ManyToOne(() => CertificateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'certificateId',
    foreignKeyConstraintName: 'FK_certificate_share_link_certificateId',
  })
  certificate?: CertificateEntity;

  @Index('IDX_certificate_share_link_token', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 200 })
  purpose: string;

  // Comma-separated ShareableField values.
  @Column({ type: 'varchar', length: 200 })
  fields: string;

  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}
