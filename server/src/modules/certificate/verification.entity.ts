import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { CertificateEntity } from './certificate.entity';
import { ShareLinkEntity } from './share-link.entity';

// One look-up of a certificate, for its holder to see (as the national title-record query
// shows employers' look-ups). The verifier is kept only as a keyed hash of their address.
@Entity('certificate_verification')
@Index('IDX_certificate_verification_certificate', ['certificateId', 'verifiedAt'])
export class VerificationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  certificateId: number;

  @ManyToOne(() => CertificateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'certificateId',
    foreignKeyConstraintName: 'FK_certificate_verification_certificateId',
  })
  certificate?: CertificateEntity;

  @Column({ type: 'int', nullable: true })
  shareLinkId: number | null;

  @ManyToOne(() => ShareLinkEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'shareLinkId',
    foreignKeyConstraintName: 'FK_certificate_verification_shareLinkId',
  })
  shareLink?: ShareLinkEntity;

  // qr | share
  @Column({ type: 'varchar', length: 8 })
  channel: string;

  @Column({ type: 'varchar', length: 16 })
  verifierTag: string;

  @Column({ type: 'datetime', precision: 0, default: () => 'CURRENT_TIMESTAMP' })
  verifiedAt: Date;
}
