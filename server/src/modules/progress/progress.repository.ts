import { Injectable } from '@nestjs/common';

import { FACT_SOURCE } from '@titletrack/shared/domain';

import { quote, readTime } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';
import type { ApplicationStoredFacts } from '../fact-store/fact.repository';
import { FACT_SUBJECT_KIND } from '../fact-store/fact.entity';
import type { StatusHistoryEntity } from '../mirror/status-history.entity';

export type HistoryStep = Pick<StatusHistoryEntity, 'toStatus' | 'changedAt'>;

// Everything the progress screen needs besides the application row itself.
export interface ProgressParts {
  history: HistoryStep[];
  certificateIssuedOn: string | null;
  facts: ApplicationStoredFacts;
}

const PART = {
  HISTORY: 'history',
  CERTIFICATE: 'certificate',
  OFFICE_FACT: 'office',
  DECLARED_FACT: 'declared',
} as const;

interface PartRow {
  part: string;
  name: string;
  value: string | null;
  source: string | null;
  at: unknown;
  rowId: number | string;
}

/**
 * The read model of the applicant's progress screen: its status history, the date on its
 * certificate and the facts that bear on it (the office's about the application, the
 * declarations of whoever is bound to it), read in ONE statement. The screen is refreshed again
 * and again on deadline days, and on MySQL each statement is a round trip and a turn of the
 * pool: read table by table through their own repositories (mirror, certificate, fact store)
 * it took three. The tables stay written only by those repositories; this one only reads, with
 * the same filters and order they use (history by time; the latest certificate wins).
 */
@Injectable()
export class ProgressRepository {
  private sql: string | null = null;

  constructor(private readonly unitOfWork: UnitOfWork) {}

  async getParts(applicationId: number): Promise<ProgressParts> {
    const rows = await this.unitOfWork.readRows<PartRow>(this.statement(), [
      applicationId,
      applicationId,
      FACT_SUBJECT_KIND.APPLICATION,
      FACT_SOURCE.OFFICE,
      applicationId,
      FACT_SUBJECT_KIND.APPLICANT,
      FACT_SOURCE.DECLARED,
      applicationId,
    ]);
    const parts: ProgressParts = {
      history: [],
      certificateIssuedOn: null,
      facts: { office: [], declared: [] },
    };
    // Ordered here rather than by the database: a sort over the union would have it materialise
    // the rows first, for the few rows one application has.
    const history: Array<HistoryStep & { rowId: number }> = [];
    let certificateRowId = -Infinity;
    for (const row of rows) {
      const rowId = Number(row.rowId);
      if (row.part === PART.HISTORY) {
        history.push({ toStatus: row.name, changedAt: readTime(row.at) as Date, rowId });
      } else if (row.part === PART.CERTIFICATE) {
        // The latest certificate wins, as the certificate repository's own read has it.
        if (rowId > certificateRowId) {
          certificateRowId = rowId;
          parts.certificateIssuedOn = row.name;
        }
      } else {
        const fact = {
          name: row.name,
          value: String(row.value),
          source: String(row.source),
          recordedAt: readTime(row.at) as Date,
        };
        (row.part === PART.OFFICE_FACT ? parts.facts.office : parts.facts.declared).push(fact);
      }
    }
    history.sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime() || a.rowId - b.rowId);
    parts.history = history.map(({ toStatus, changedAt }) => ({ toStatus, changedAt }));
    return parts;
  }

  // Built once: the identifiers are quoted as the connected database wants them.
  private statement(): string {
    if (this.sql !== null) return this.sql;
    const q = (name: string): string => quote(this.unitOfWork.manager, name);
    const select = (
      part: string,
      columns: Record<Exclude<keyof PartRow, 'part'> | 'rowId', string>,
    ) =>
      `SELECT '${part}' AS ${q('part')}, ` +
      Object.entries(columns)
        .map(([alias, expression]) => `${expression} AS ${q(alias)}`)
        .join(', ');
    const fact = (part: string) =>
      select(part, {
        name: `f.${q('name')}`,
        value: `f.${q('value')}`,
        source: `f.${q('source')}`,
        at: `f.${q('recordedAt')}`,
        rowId: `f.${q('id')}`,
      });
    const history = select(PART.HISTORY, {
      name: q('toStatus'),
      value: 'NULL',
      source: 'NULL',
      at: q('changedAt'),
      rowId: q('id'),
    });
    const certificate = select(PART.CERTIFICATE, {
      name: q('issuedOn'),
      value: 'NULL',
      source: 'NULL',
      at: 'NULL',
      rowId: q('id'),
    });
    this.sql =
      `${history} FROM ${q('status_history')} WHERE ${q('applicationId')} = ?` +
      ` UNION ALL ${certificate} FROM ${q('certificate')} WHERE ${q('applicationId')} = ?` +
      ` UNION ALL ${fact(PART.OFFICE_FACT)} FROM ${q('fact')} f` +
      ` WHERE f.${q('subjectKind')} = ? AND f.${q('source')} = ? AND f.${q('subjectId')} = ?` +
      ` UNION ALL ${fact(PART.DECLARED_FACT)} FROM ${q('fact')} f` +
      ` JOIN ${q('application_binding')} b ON b.${q('applicantId')} = f.${q('subjectId')}` +
      ` WHERE f.${q('subjectKind')} = ? AND f.${q('source')} = ? AND b.${q('applicationId')} = ?`;
    return this.sql;
  }
}
