import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// Whose fact it is: the applicant's own declaration is about the person; the office's is about
// one application (its staff act on applications, within their scope).
export const FACT_SUBJECT_KIND = {
  APPLICANT: 'applicant',
  APPLICATION: 'application',
} as const;
export type FactSubjectKind = (typeof FACT_SUBJECT_KIND)[keyof typeof FACT_SUBJECT_KIND];

// One fact (FACT_NAME) from one source (FACT_SOURCE) about one subject; the platform's facts
// live on the application row instead (platformFacts), as the mirror writes them.
@Entity('fact')
@Index('IDX_fact_subject_name_source', ['subjectKind', 'subjectId', 'name', 'source'], {
  unique: true,
})
export class FactEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  subjectKind: string;

  @Column({ type: 'int' })
  subjectId: number;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  // JSON of the fact's value.
  @Column({ type: 'text' })
  value: string;

  @Column({ type: 'varchar', length: 16 })
  source: string;

  @Column({ type: 'datetime' })
  recordedAt: Date;

  // Who in the office set it (office facts only).
  @Column({ type: 'int', nullable: true })
  staffUserId: number | null;
}
