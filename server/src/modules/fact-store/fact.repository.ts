import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Repository } from 'typeorm';

import { FACT_SOURCE } from '@titletrack/shared/domain';
import type { FactName, FactSource } from '@titletrack/shared/domain';

import { placeholders, quote, readTime } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import { FACT_SUBJECT_KIND, FactEntity } from './fact.entity';

// One stored fact as the merge reads it (value still JSON).
export interface StoredFact {
  name: string;
  value: string;
  source: string;
  recordedAt: Date;
}

// The stored facts that bear on one application: the office's about it, and the declarations of
// the applicant bound to it.
export interface ApplicationStoredFacts {
  office: StoredFact[];
  declared: StoredFact[];
}

export interface FactWrite {
  name: FactName;
  // JSON; null deletes the fact.
  value: string | null;
}

const IDS_PER_QUERY = 500;

@Injectable()
export class FactRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  private get facts(): Repository<FactEntity> {
    return this.unitOfWork.repository(FactEntity);
  }

  getDeclaredByApplicant(applicantId: number): Promise<FactEntity[]> {
    return this.facts.findBy({
      subjectKind: FACT_SUBJECT_KIND.APPLICANT,
      subjectId: applicantId,
      source: FACT_SOURCE.DECLARED,
    });
  }

  getOfficeByApplication(applicationId: number): Promise<FactEntity[]> {
    return this.facts.findBy({
      subjectKind: FACT_SUBJECT_KIND.APPLICATION,
      subjectId: applicationId,
      source: FACT_SOURCE.OFFICE,
    });
  }

  getOfficeByApplications(applicationIds: number[]): Promise<FactEntity[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return this.facts.findBy({
      subjectKind: FACT_SUBJECT_KIND.APPLICATION,
      subjectId: In(applicationIds),
      source: FACT_SOURCE.OFFICE,
    });
  }

  // For a chunk of applications (the reminder planner's), in one query per chunk of ids: the
  // office's facts about each and the declarations of whoever is bound to it.
  async getByApplications(applicationIds: number[]): Promise<Map<number, ApplicationStoredFacts>> {
    const byApplication = new Map<number, ApplicationStoredFacts>();
    const manager = this.unitOfWork.manager;
    const q = (name: string): string => quote(manager, name);
    const columns = `f.${q('name')} AS ${q('name')}, f.${q('value')} AS ${q('value')}, f.${q('source')} AS ${q('source')}, f.${q('recordedAt')} AS ${q('recordedAt')}`;
    for (let i = 0; i < applicationIds.length; i += IDS_PER_QUERY) {
      const chunk = applicationIds.slice(i, i + IDS_PER_QUERY);
      const list = placeholders(chunk.length);
      const rows = await this.unitOfWork.readRows(
        `SELECT f.${q('subjectId')} AS ${q('applicationId')}, ${columns} FROM ${q('fact')} f` +
          ` WHERE f.${q('subjectKind')} = ? AND f.${q('source')} = ? AND f.${q('subjectId')} IN (${list})` +
          ` UNION ALL SELECT b.${q('applicationId')} AS ${q('applicationId')}, ${columns} FROM ${q('fact')} f` +
          ` JOIN ${q('application_binding')} b ON b.${q('applicantId')} = f.${q('subjectId')}` +
          ` WHERE f.${q('subjectKind')} = ? AND f.${q('source')} = ? AND b.${q('applicationId')} IN (${list})`,
        [
          FACT_SUBJECT_KIND.APPLICATION,
          FACT_SOURCE.OFFICE,
          ...chunk,
          FACT_SUBJECT_KIND.APPLICANT,
          FACT_SOURCE.DECLARED,
          ...chunk,
        ],
      );
      for (const row of rows) {
        const applicationId = Number(row.applicationId);
        const entry = byApplication.get(applicationId) ?? { office: [], declared: [] };
        const fact: StoredFact = {
          name: String(row.name),
          value: String(row.value),
          source: String(row.source),
          recordedAt: readTime(row.recordedAt) as Date,
        };
        if (fact.source === FACT_SOURCE.OFFICE) entry.office.push(fact);
        else entry.declared.push(fact);
        byApplication.set(applicationId, entry);
      }
    }
    return byApplication;
  }

  // Sets (or, with a null value, deletes) one subject's facts from one source, all or none.
  async write(
    subject: { kind: string; id: number },
    source: FactSource,
    writes: readonly FactWrite[],
    recordedAt: Date,
    staffUserId: number | null,
  ): Promise<void> {
    await this.unitOfWork.write(async () => {
      for (const { name, value } of writes) {
        const key = { subjectKind: subject.kind, subjectId: subject.id, name, source };
        if (value === null) {
          await this.facts.delete(key);
          continue;
        }
        const existing = await this.facts.findOneBy(key);
        if (existing)
          await this.facts.update({ id: existing.id }, { value, recordedAt, staffUserId });
        else await this.facts.insert({ ...key, value, recordedAt, staffUserId });
      }
    });
  }
}
