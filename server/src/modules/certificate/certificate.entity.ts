import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';
import { ApplicationEntity } from '../application/application.entity';

// An electronic title certificate as the platform issued it. The holder's details are copied at
// issue: a certificate states what was true when it was issued, whatever the application says
// later. The ID number is encrypted like the application's.
@Entity('certificate')
@Index('IDX_certificate_application', ['applicationId'])
export class CertificateEntity {
  @PrimaryGeneratedColumn()
  id: number;

  // Random, unguessable; what a verification code carries instead of the sequential id.
  @Index('IDX_certificate_public_id', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  publicId: string;

  @Index('IDX_certificate_no', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  certificateNo: string;

  @Column({ type: 'int', nullable: true })
  applicationId: number | null;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'applicationId', foreignKeyConstraintName: 'FK_certificate_applicationId' })
  application?: ApplicationEntity;

  @Column({ type: 'varchar', length: 100 })
  holderName: string;

  @Column({ type: 'text' })
  holderIdCipher: string;

  @Column({ type: 'varchar', length: 64 })
  holderIdBlindIndex: string;

  @Column({ type: 'varchar', length: 64 })
  series: string;

  @Column({ type: 'varchar', length: 100 })
  specialty: string;

  @Column({ type: 'varchar', length: 32 })
  level: string;

  // 任职资格文件文号 and its date (YYYY-MM-DD).
  @Column({ type: 'varchar', length: 100, nullable: true })
  qualificationDocumentNo: string | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  qualificationDocumentDate: string | null;

  // A calendar date in Beijing (YYYY-MM-DD), as printed on the certificate.
  @Column({ type: 'varchar', length: 10 })
  issuedOn: string;

  @Column({ type: 'varchar', length: 100 })
  issuingCommittee: string;

  // valid | revoked
  @Column({ type: 'varchar', length: 16 })
  state: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  revokedReason: string | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
