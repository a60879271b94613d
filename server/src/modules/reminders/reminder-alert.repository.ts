import { Injectable } from '@nestjs/common';

import type { Alert } from '@titletrack/shared/domain';

import { insertIgnore, placeholders, readTime, sqlTime } from '../../database/sql-dialect';
import { UnitOfWork } from '../../database/unit-of-work';

const ROWS_PER_INSERT = 400;
const IDS_PER_SELECT = 1000;

// The applications one notice governs (null regionCode: every prefecture).
export interface AlertScope {
  regionCode: string | null;
  year: number;
  route: string;
}

// The applications of a scope, as a sub-select.
export function scopeSelect(scope: AlertScope): { sql: string; parameters: unknown[] } {
  const region = scope.regionCode === null ? '' : ' AND regionCode = ?';
  return {
    sql: `SELECT id FROM application WHERE year = ? AND route = ?${region}`,
    parameters:
      scope.regionCode === null
        ? [scope.year, scope.route]
        : [scope.year, scope.route, scope.regionCode],
  };
}

// News about the notice itself: a date-change message stays true when a later change follows.
const NOTICE_NEWS_KINDS = ['calendar_date_changed', 'notice_published'] as const;

// Alerts planned for one of these deadlines (every dated alert when null), news about the
// notice itself excepted.
export function deadlineFilter(deadlines: readonly Date[] | null): {
  sql: string;
  parameters: unknown[];
} {
  const news = `kind NOT IN (${placeholders(NOTICE_NEWS_KINDS.length)})`;
  if (deadlines === null)
    return { sql: `deadline IS NOT NULL AND ${news}`, parameters: [...NOTICE_NEWS_KINDS] };
  return {
    sql: `deadline IN (${placeholders(deadlines.length)}) AND ${news}`,
    parameters: [...deadlines.map(sqlTime), ...NOTICE_NEWS_KINDS],
  };
}

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
  createMany(alerts: readonly Alert[]): Promise<number> {
    return this.insert(
      alerts.map((alert) => ({ ...alert, applicationId: Number(alert.applicationId) })),
    );
  }

  // Alerts about no application (a notice was published): planned like the others, under
  // their dedupe key. Returns the rows inserted; a key written before is ignored.
  createWithoutApplication(alerts: ReadonlyArray<Omit<Alert, 'applicationId'>>): Promise<number> {
    return this.insert(alerts.map((alert) => ({ ...alert, applicationId: null })));
  }

  private async insert(
    alerts: ReadonlyArray<Omit<Alert, 'applicationId'> & { applicationId: number | null }>,
  ): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < alerts.length; i += ROWS_PER_INSERT) {
      const chunk = alerts.slice(i, i + ROWS_PER_INSERT);
      inserted += await this.unitOfWork.affected(
        `${insertIgnore(this.unitOfWork.manager)} reminder_alert (dedupeKey, applicationId, kind, ruleId, section, deadline, data) VALUES ${chunk
          .map(() => '(?, ?, ?, ?, ?, ?, ?)')
          .join(', ')}`,
        chunk.flatMap((a) => [
          a.dedupeKey,
          a.applicationId,
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

  // Alert ids by dedupe key (keys not planned are absent).
  async getIdsByDedupeKeys(dedupeKeys: readonly string[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (let i = 0; i < dedupeKeys.length; i += IDS_PER_SELECT) {
      const chunk = dedupeKeys.slice(i, i + IDS_PER_SELECT);
      const rows: Array<{ id: number | string; dedupeKey: string }> =
        await this.unitOfWork.manager.query(
          `SELECT id, dedupeKey FROM reminder_alert WHERE dedupeKey IN (${placeholders(chunk.length)})`,
          chunk,
        );
      for (const row of rows) ids.set(String(row.dedupeKey), Number(row.id));
    }
    return ids;
  }

  /**
   * Deletes the alerts of a notice's applications planned for these deadlines (the old dates of
   * corrected events; every dated alert when null) that no inbox message refers to any more:
   * run after InboxMessageRepository.deleteUnpushed, this withdraws the alerts nobody was pushed.
   * Deleting frees the alert's dedupe key, so the planner tells the corrected date under the
   * same key (fee_due and paper_materials_due are keyed by year). Reads application (the scope)
   * and inbox_message in the same statement. Returns the alerts deleted.
   */
  deleteUnreferenced(scope: AlertScope, deadlines: readonly Date[] | null): Promise<number> {
    if (deadlines !== null && deadlines.length === 0) return Promise.resolve(0);
    const applications = scopeSelect(scope);
    const dated = deadlineFilter(deadlines);
    return this.unitOfWork.affected(
      `DELETE FROM reminder_alert WHERE ${dated.sql}
         AND applicationId IN (${applications.sql})
         AND NOT EXISTS (SELECT 1 FROM inbox_message m WHERE m.alertId = reminder_alert.id)`,
      [...dated.parameters, ...applications.parameters],
    );
  }
}
