import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { CreatedAtColumn, UpdatedAtColumn } from '../../database/timestamp-columns';

// The mirror of one application on the official platform (filled by imports, webhooks and
// polls). The ID-card number is stored only encrypted (idCardCipher, AES-256-GCM with
// its key id) and as a keyed hash for matching (idCardBlindIndex); never in clear.
@Entity('application')
@Index('IDX_application_blind_index', ['idCardBlindIndex'])
@Index('IDX_application_region_year_route', ['regionCode', 'year', 'route'])
export class ApplicationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index('IDX_application_application_no', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  applicationNo: string;

  @Column({ type: 'varchar', length: 100 })
  applicantName: string;

  @Column({ type: 'text' })
  idCardCipher: string;

  @Column({ type: 'varchar', length: 64 })
  idCardBlindIndex: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  employer: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  county: string | null;

  // GB/T 2260 code of the prefecture the application belongs to.
  @Column({ type: 'varchar', length: 12, default: '6532' })
  regionCode: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 32 })
  route: string;

  @Column({ type: 'varchar', length: 32 })
  level: string;

  @Column({ type: 'varchar', length: 64 })
  series: string;

  @Column({ type: 'varchar', length: 100 })
  specialty: string;

  @Column({ type: 'varchar', length: 40 })
  status: string;

  @Column({ type: 'datetime' })
  statusChangedAt: Date;

  // R4: submissions to the committee so far (at most 3); null when the source did not say.
  @Column({ type: 'int', nullable: true })
  submissionCount: number | null;

  // R17: null when the source did not say.
  @Column({ type: 'boolean', nullable: true })
  isFeePaid: boolean | null;

  // The platform's 退回意见 (why it was returned); null when it gave none.
  @Column({ type: 'text', nullable: true })
  returnReason: string | null;

  // The facts the platform stated (ApplicantFacts as JSON, each with source 'platform'); null:
  // none.
  @Column({ type: 'text', nullable: true })
  platformFacts: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
