import { Injectable } from '@nestjs/common';
import type { Alert } from '@titletrack/shared/domain';
import type { EntityManager } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { ACTIVE_STATUSES, OUTCOME_STATUSES } from './application-to-domain';
import type { MirroredRow } from './application-to-domain';
import { insertIgnore, placeholders, readTime, sqlTime } from '../../database/sql-dialect';

const ROWS_PER_INSERT = 400;
// A binding made later still gets the alert in its inbox; it is pushed only while it matters:
// its deadline is ahead, or (no deadline) it was planned less than this long ago.
export const LATE_PUSH_WINDOW_MS = 72 * 3_600_000;

@Injectable()
export class PlannerRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.unitOfWork.write(work);
  }

  async getCursor(name: string): Promise<number> {
    const rows: Array<{ position: number }> = await this.unitOfWork.manager.query('SELECT position FROM reminder_cursor WHERE name = ?', [name]);
    return rows.length === 0 ? 0 : Number(rows[0]?.position);
  }

  async setCursor(name: string, position: number): Promise<void> {
    const manager = this.unitOfWork.manager;
    await this.unitOfWork.affected(`${insertIgnore(manager)} reminder_cursor (name, position) VALUES (?, 0)`, [name]);
    await this.unitOfWork.affected('UPDATE reminder_cursor SET position = ? WHERE name = ? AND position < ?', [position, name, position]);
  }

  async getStatusEventsAfter(position: number, limit: number): Promise<Array<{ id: number; applicationId: number }>> {
    const rows: Array<{ id: number; applicationId: number }> = await this.unitOfWork.manager.query(
      `SELECT id, applicationId FROM domain_event WHERE kind = 'status_changed' AND id > ? ORDER BY id LIMIT ${Number(limit)}`,
      [position],
    );
    return rows.map((row) => ({ id: Number(row.id), applicationId: Number(row.applicationId) }));
  }

  getApplications(ids: number[]): Promise<MirroredRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.readApplications(`id IN (${placeholders(ids.length)})`, ids);
  }

  // Applications that may still produce an alert, in id order after `afterId`.
  getOpenApplicationsAfter(afterId: number, limit: number, freshSince: Date): Promise<MirroredRow[]> {
    return this.readApplications(
      `id > ? AND (status IN (${placeholders(ACTIVE_STATUSES.length)}) OR (status IN (${placeholders(OUTCOME_STATUSES.length)}) AND statusChangedAt >= ?)) ORDER BY id LIMIT ${Number(limit)}`,
      [afterId, ...ACTIVE_STATUSES, ...OUTCOME_STATUSES, sqlTime(freshSince)],
    );
  }

  private async readApplications(where: string, parameters: unknown[]): Promise<MirroredRow[]> {
    const rows: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      `SELECT id, year, route, level, series, specialty, status, statusChangedAt, submissionCount, isFeePaid FROM application WHERE ${where}`,
      parameters,
    );
    return rows.map((row) => ({
      id: Number(row.id),
      year: Number(row.year),
      route: String(row.route),
      level: String(row.level),
      series: String(row.series),
      specialty: String(row.specialty),
      status: String(row.status),
      statusChangedAt: readTime(row.statusChangedAt) as Date,
      submissionCount: row.submissionCount === null ? null : Number(row.submissionCount),
      isFeePaid: row.isFeePaid === null ? null : Boolean(Number(row.isFeePaid)),
    }));
  }

  async getRecentlyBoundApplications(since: Date): Promise<number[]> {
    const rows: Array<{ applicationId: number }> = await this.unitOfWork.manager.query(
      'SELECT applicationId FROM application_binding WHERE createdAt >= ?',
      [sqlTime(since)],
    );
    return rows.map((row) => Number(row.applicationId));
  }

  // Dedupe keys already planned for applications in an id range (the scan reads in id order).
  async getPlannedKeysInRange(fromId: number, toId: number): Promise<Set<string>> {
    const rows: Array<{ dedupeKey: string }> = await this.unitOfWork.manager.query(
      'SELECT dedupeKey FROM reminder_alert WHERE applicationId BETWEEN ? AND ?',
      [fromId, toId],
    );
    return new Set(rows.map((row) => row.dedupeKey));
  }

  // Dedupe keys already planned, per application.
  async getPlannedKeys(applicationIds: number[]): Promise<Set<string>> {
    const keys = new Set<string>();
    for (let i = 0; i < applicationIds.length; i += 1000) {
      const chunk = applicationIds.slice(i, i + 1000);
      const rows: Array<{ dedupeKey: string }> = await this.unitOfWork.manager.query(
        `SELECT dedupeKey FROM reminder_alert WHERE applicationId IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) keys.add(row.dedupeKey);
    }
    return keys;
  }

  // The outbox insert: a key planned before (by this or another instance) is ignored.
  async insertAlerts(manager: EntityManager, alerts: Alert[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < alerts.length; i += ROWS_PER_INSERT) {
      const chunk = alerts.slice(i, i + ROWS_PER_INSERT);
      inserted += await this.unitOfWork.affected(`${insertIgnore(manager)} reminder_alert (dedupeKey, applicationId, kind, ruleId, section, deadline, data) VALUES ${chunk
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

  /**
   * Inbox rows for every alert of these applications that its bound applicant does not have
   * yet: new alerts, and old ones when the binding came later. Idempotent (unique alert and
   * applicant). Pushes wait for a worker; an alert no longer worth a push is inbox-only.
   */
  async fillInboxes(manager: EntityManager, filter: { applicationIds?: number[]; applicantId?: number }, now: Date): Promise<number> {
    const where: string[] = [];
    const parameters: unknown[] = [sqlTime(new Date(now.getTime() - LATE_PUSH_WINDOW_MS)), sqlTime(now), sqlTime(now)];
    if (filter.applicationIds) {
      if (filter.applicationIds.length === 0) return 0;
      where.push(`a.applicationId IN (${placeholders(filter.applicationIds.length)})`);
      parameters.push(...filter.applicationIds);
    }
    if (filter.applicantId !== undefined) {
      where.push('b.applicantId = ?');
      parameters.push(filter.applicantId);
    }
    return this.unitOfWork.affected(`${insertIgnore(manager)} inbox_message (alertId, applicantId, applicationId, kind, pushState, pushAttempts, pushNotBefore)
       SELECT a.id, b.applicantId, a.applicationId, a.kind,
         CASE WHEN (a.deadline IS NULL AND a.createdAt >= ?) OR a.deadline > ? THEN 'pending' ELSE 'not_applicable' END,
         0, ?
       FROM reminder_alert a JOIN application_binding b ON b.applicationId = a.applicationId
       WHERE ${where.join(' AND ')}
         AND NOT EXISTS (SELECT 1 FROM inbox_message m WHERE m.alertId = a.id AND m.applicantId = b.applicantId)`,
      parameters,
    );
  }
}
