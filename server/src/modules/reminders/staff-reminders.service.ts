import { Injectable } from '@nestjs/common';

import { InboxMessageRepository } from './inbox-message.repository';
import { PUSH_ROW_STATE } from './push-state.constant';
import type { PushRowState } from './push-state.constant';
import { ReminderAlertRepository } from './reminder-alert.repository';

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
    messages: Array<{
      id: string;
      applicantId: string;
      pushState: string;
      pushAttempts: number;
      pushError: string | null;
      pushedAt: string | null;
      readAt: string | null;
    }>;
  }>;
}

export interface StaffReminderSummary {
  byState: Record<string, number>;
  needsAttention: Array<{
    id: string;
    applicationId: string;
    kind: string;
    pushState: string;
    pushError: string | null;
    pushAttempts: number;
  }>;
}

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

// Pushes in these states need a person: the message may or may not have reached WeChat, or
// never will.
const NEEDS_ATTENTION: readonly PushRowState[] = [
  PUSH_ROW_STATE.OUTCOME_UNKNOWN,
  PUSH_ROW_STATE.FAILED,
];
const NEEDS_ATTENTION_LIMIT = 200;

const emptyCounts = (kind: string): KindCounts => ({
  kind,
  planned: 0,
  inbox: 0,
  read: 0,
  pushed: 0,
  pending: 0,
  noSubscription: 0,
  refused: 0,
  outcomeUnknown: 0,
  failed: 0,
  notApplicable: 0,
});

function countPush(counts: KindCounts, pushState: string): void {
  switch (pushState) {
    case PUSH_ROW_STATE.SENT:
      counts.pushed += 1;
      return;
    case PUSH_ROW_STATE.NO_SUBSCRIPTION:
      counts.noSubscription += 1;
      return;
    case PUSH_ROW_STATE.REFUSED:
      counts.refused += 1;
      return;
    case PUSH_ROW_STATE.OUTCOME_UNKNOWN:
      counts.outcomeUnknown += 1;
      return;
    case PUSH_ROW_STATE.FAILED:
      counts.failed += 1;
      return;
    case PUSH_ROW_STATE.NOT_APPLICABLE:
      counts.notApplicable += 1;
      return;
    default:
      counts.pending += 1;
  }
}

@Injectable()
export class StaffRemindersService {
  constructor(
    private readonly alerts: ReminderAlertRepository,
    private readonly inboxMessages: InboxMessageRepository,
  ) {}

  async getApplicationAlerts(applicationId: number): Promise<StaffApplicationAlerts> {
    const alerts = await this.alerts.getByApplicationId(applicationId);
    const messages = await this.inboxMessages.getByApplicationId(applicationId);
    const kinds = new Map<string, KindCounts>();
    const counts = (kind: string): KindCounts => {
      const found = kinds.get(kind);
      if (found) return found;
      const created = emptyCounts(kind);
      kinds.set(kind, created);
      return created;
    };
    const kindOfAlert = new Map(alerts.map((alert) => [alert.id, alert.kind]));
    for (const alert of alerts) counts(alert.kind).planned += 1;
    for (const message of messages) {
      const c = counts(kindOfAlert.get(message.alertId) ?? 'unknown');
      c.inbox += 1;
      if (message.readAt !== null) c.read += 1;
      countPush(c, message.pushState);
    }
    return {
      applicationId: String(applicationId),
      kinds: [...kinds.values()],
      alerts: alerts.map((alert) => ({
        id: String(alert.id),
        kind: alert.kind,
        dedupeKey: alert.dedupeKey,
        deadline: iso(alert.deadline),
        plannedAt: alert.createdAt.toISOString(),
        messages: messages
          .filter((m) => m.alertId === alert.id)
          .map((m) => ({
            id: String(m.id),
            applicantId: String(m.applicantId),
            pushState: m.pushState,
            pushAttempts: m.pushAttempts,
            pushError: m.pushError,
            pushedAt: iso(m.pushedAt),
            readAt: iso(m.readAt),
          })),
      })),
    };
  }

  async getSummary(): Promise<StaffReminderSummary> {
    const byState = await this.inboxMessages.countByPushState();
    const attention = await this.inboxMessages.getByPushStates(
      NEEDS_ATTENTION,
      NEEDS_ATTENTION_LIMIT,
    );
    return {
      byState,
      needsAttention: attention.map((row) => ({
        id: String(row.id),
        applicationId: String(row.applicationId),
        kind: row.kind,
        pushState: row.pushState,
        pushError: row.pushError,
        pushAttempts: row.pushAttempts,
      })),
    };
  }
}
