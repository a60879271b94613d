import { Injectable } from '@nestjs/common';

import { UnitOfWork } from '../../database/unit-of-work';
import { readTime } from '../../database/sql-dialect';

export interface KindCounts {
  kind: string;
  planned: number;
  inbox: number;
  read: number;
  pushed: number;
  pending: number;
  noSubscription: number;
  refused: number;
  outcomeUnknown: number;
  failed: number;
  notApplicable: number;
}

export interface StaffApplicationAlerts {
  applicationId: string;
  kinds: KindCounts[];
  alerts: Array<{
    id: string;
    kind: string;
    dedupeKey: string;
    deadline: string | null;
    plannedAt: string;
    messages: Array<{ id: string; applicantId: string; pushState: string; pushAttempts: number; pushError: string | null; pushedAt: string | null; readAt: string | null }>;
  }>;
}

export interface StaffReminderSummary {
  byState: Record<string, number>;
  needsAttention: Array<{ id: string; applicationId: string; kind: string; pushState: string; pushError: string | null; pushAttempts: number }>;
}

const iso = (value: unknown): string | null => readTime(value)?.toISOString() ?? null;

@Injectable()
export class StaffRemindersService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async getApplicationAlerts(applicationId: number): Promise<StaffApplicationAlerts> {
    const alerts: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      'SELECT id, kind, dedupeKey, deadline, createdAt FROM reminder_alert WHERE applicationId = ? ORDER BY id',
      [applicationId],
    );
    const messages: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      'SELECT id, alertId, applicantId, pushState, pushAttempts, pushError, pushedAt, readAt FROM inbox_message WHERE applicationId = ? ORDER BY id',
      [applicationId],
    );
    const kinds = new Map<string, KindCounts>();
    const kindOfAlert = new Map<number, string>();
    const counts = (kind: string): KindCounts => {
      let c = kinds.get(kind);
      if (!c) {
        c = { kind, planned: 0, inbox: 0, read: 0, pushed: 0, pending: 0, noSubscription: 0, refused: 0, outcomeUnknown: 0, failed: 0, notApplicable: 0 };
        kinds.set(kind, c);
      }
      return c;
    };
    for (const alert of alerts) {
      kindOfAlert.set(Number(alert.id), String(alert.kind));
      counts(String(alert.kind)).planned += 1;
    }
    for (const message of messages) {
      const c = counts(kindOfAlert.get(Number(message.alertId)) ?? 'unknown');
      c.inbox += 1;
      if (message.readAt !== null) c.read += 1;
      switch (String(message.pushState)) {
        case 'sent':
          c.pushed += 1;
          break;
        case 'no_subscription':
          c.noSubscription += 1;
          break;
        case 'refused':
          c.refused += 1;
          break;
        case 'outcome_unknown':
          c.outcomeUnknown += 1;
          break;
        case 'failed':
          c.failed += 1;
          break;
        case 'not_applicable':
          c.notApplicable += 1;
          break;
        default:
          c.pending += 1;
      }
    }
    return {
      applicationId: String(applicationId),
      kinds: [...kinds.values()],
      alerts: alerts.map((alert) => ({
        id: String(alert.id),
        kind: String(alert.kind),
        dedupeKey: String(alert.dedupeKey),
        deadline: iso(alert.deadline),
        plannedAt: iso(alert.createdAt) as string,
        messages: messages
          .filter((m) => Number(m.alertId) === Number(alert.id))
          .map((m) => ({
            id: String(m.id),
            applicantId: String(m.applicantId),
            pushState: String(m.pushState),
            pushAttempts: Number(m.pushAttempts),
            pushError: m.pushError === null ? null : String(m.pushError),
            pushedAt: iso(m.pushedAt),
            readAt: iso(m.readAt),
          })),
      })),
    };
  }

  async getSummary(): Promise<StaffReminderSummary> {
    const rows: Array<{ pushState: string; n: number | string }> = await this.unitOfWork.manager.query(
      'SELECT pushState, COUNT(*) AS n FROM inbox_message GROUP BY pushState',
    );
    const attention: Array<Record<string, unknown>> = await this.unitOfWork.manager.query(
      "SELECT id, applicationId, kind, pushState, pushError, pushAttempts FROM inbox_message WHERE pushState IN ('outcome_unknown', 'failed') ORDER BY id DESC LIMIT 200",
    );
    return {
      byState: Object.fromEntries(rows.map((row) => [row.pushState, Number(row.n)])),
      needsAttention: attention.map((row) => ({
        id: String(row.id),
        applicationId: String(row.applicationId),
        kind: String(row.kind),
        pushState: String(row.pushState),
        pushError: row.pushError === null ? null : String(row.pushError),
        pushAttempts: Number(row.pushAttempts),
      })),
    };
  }
}
