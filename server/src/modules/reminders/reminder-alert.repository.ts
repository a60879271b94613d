import { Injectable } from '@nestjs/common';

import type { Alert } from '@titletrack/shared/domain';

import { insertIgnore, placeholders, readTime, sqlTime } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';

const ROWS_PER_INSERT = 400;
const IDS_PER_SELECT = 1000;

export interface AlertRow {
  id: number;
  kind: string;
  dedupeKey: string;
  deadline: Date | null;
  createdAt: Date;
}

// The one owner of `reminder_alert`, the outbox of the reminder pipeline: one row per alert,
// under a unique dedupe key that makes planning idempotent.
@Injectable()
export class ReminderAlertRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  // Dedupe keys already planned for applications in an id range (the scan reads in id order).
  async getKeysInApplicationRange(fromId: number, toId: number): Promise<Set<string>> {
    const rows: Array<{ dedupeKey: string }> = await this.unitOfWork.manager.query(
      'SELECT dedupeKey FROM reminder_alert WHERE applicationId BETWEEN ? AND ?',
      [fromId, toId],
    );
    return new Set(rows.map((row) => String(row.dedupeKey)));
  }

  async getKeysByApplicationIds(applicationIds: readonly number[]): Promise<Set<string>> {
    const keys = new Set<string>();
    for (let i = 0; i < applicationIds.length; i += IDS_PER_SELECT) {
      const chunk = applicationIds.slice(i, i + IDS_PER_SELECT);
      const rows: Array<{ dedupeKey: string }> = await this.unitOfWork.manager.query(
        `SELECT dedupeKey FROM reminder_alert WHERE applicationId IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) keys.add(String(row.dedupeKey));
    }
    return keys;
  }

  async getByApplicationId(applicationId: number): Promise<AlertRow[]> {
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      'SELECT id, kind, dedupeKey, deadline, createdAt FROM reminder_alert WHERE applicationId = ? ORDER BY id',
      [applicationId],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      kind: String(row.kind),
      dedupeKey: String(row.dedupeKey),
      deadline: readTime(row.deadline),
      createdAt: readTime(row.createdAt) as Date,
    }));
  }

  // A key planned before (by this or another instance) is ignored. Returns the rows inserted.
  async createMany(alerts: readonly Alert[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < alerts.length; i += ROWS_PER_INSERT) {
      const chunk = alerts.slice(i, i + ROWS_PER_INSERT);
      inserted += await this.unitOfWork.affected(
        `${insertIgnore(this.unitOfWork.manager)} reminder_alert (dedupeKey, applicationId, kind, ruleId, section, deadline, data) VALUES ${chunk
          .map(() => '(?, ?, ?, ?, ?, ?, ?)')
          .join(', ')}`,
        chunk.flatMap((a) => [
          a.dedupeKey,
          Number(a.applicationId),
          a.kind,
          a.ruleId,
          a.section,
          a.deadline === null ? null : sqlTime(a.deadline),
          JSON.stringify(a.data),
        ]),
      );
    }
    return inserted;
  }
}
