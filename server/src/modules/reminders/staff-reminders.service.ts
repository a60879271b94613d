import { Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type {
  AlertKindCounts,
  StaffApplicationAlerts,
  StaffPrincipal,
  StaffReminderSummary,
} from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { isInStaffScope, staffScopeFilter } from '../../common/staff-scope';
import { ApplicationRepository } from '../application/application.repository';
import { InboxMessageRepository } from './inbox-message.repository';
import { applicationIdOnWire } from './inbox.service';
import { PUSH_ROW_STATE } from './push-state.constant';
import type { PushRowState } from './push-state.constant';
import { ReminderAlertRepository } from './reminder-alert.repository';

const iso = (value: Date | null): string | null => value?.toISOString() ?? null;

// Pushes in these states need a person: the message may or may not have reached WeChat, or
// never will.
const NEEDS_ATTENTION: readonly PushRowState[] = [
  PUSH_ROW_STATE.OUTCOME_UNKNOWN,
  PUSH_ROW_STATE.FAILED,
];
const NEEDS_ATTENTION_LIMIT = 200;

const emptyCounts = (kind: string): AlertKindCounts => ({
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

function countPush(counts: AlertKindCounts, pushState: string): void {
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

// The delivery log staff see: of their scope only (region; county or series by role).
@Injectable()
export class StaffRemindersService {
  private readonly logger = new Logger(StaffRemindersService.name);

  constructor(
    private readonly alerts: ReminderAlertRepository,
    private readonly inboxMessages: InboxMessageRepository,
    private readonly applications: ApplicationRepository,
  ) {}

  async getApplicationAlerts(
    staff: StaffPrincipal,
    applicationId: number,
  ): Promise<StaffApplicationAlerts> {
    const application = await this.applications.getById(applicationId);
    if (!application || !isInStaffScope(staff, application)) {
      // One outside the scope answers exactly like one that does not exist.
      this.logger.debug(`Application ${applicationId} not found in the scope of staff ${staff.id}`);
      throw new AppException(ERROR_CODE.APPLICATION_NOT_FOUND, 'Application not found');
    }
    const alerts = await this.alerts.getByApplicationId(applicationId);
    const messages = await this.inboxMessages.getByApplicationId(applicationId);
    const kinds = new Map<string, AlertKindCounts>();
    const counts = (kind: string): AlertKindCounts => {
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

  async getSummary(staff: StaffPrincipal): Promise<StaffReminderSummary> {
    const scope = staffScopeFilter(staff);
    // The whole log (notice messages included) for the autonomous region's office only.
    const isEverything =
      scope.regionCode === null && scope.county === null && scope.series === null;
    const byState = isEverything
      ? await this.inboxMessages.countByPushState()
      : await this.inboxMessages.countByPushStateInScope(scope);
    const attention = isEverything
      ? await this.inboxMessages.getByPushStates(NEEDS_ATTENTION, NEEDS_ATTENTION_LIMIT)
      : await this.inboxMessages.getByPushStatesInScope(
          NEEDS_ATTENTION,
          NEEDS_ATTENTION_LIMIT,
          scope,
        );
    return {
      byState,
      needsAttention: attention.map((row) => ({
        id: String(row.id),
        applicationId: applicationIdOnWire(row.applicationId),
        kind: row.kind,
        pushState: row.pushState,
        pushError: row.pushError,
        pushAttempts: row.pushAttempts,
      })),
    };
  }
}
