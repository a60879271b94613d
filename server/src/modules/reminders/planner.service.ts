import { Inject, Injectable, Logger } from '@nestjs/common';
import { NoticeMismatchError, alertsDue, findNoticeYear } from '@titletrack/shared/domain';
import type { Alert } from '@titletrack/shared/domain';

import { LeaseService } from '../../common/lease/lease.service';
import { toDomainApplication } from './application-to-domain';
import type { MirroredRow } from './application-to-domain';
import { PlannerRepository } from './planner.repository';

export const PLANNER_LEASE = 'reminder-planner';
export const PLANNER_CURSOR = 'domain_event';
export const PLANNER_OPTIONS = Symbol('PLANNER_OPTIONS');

export interface PlannerOptions {
  holderId: string;
  leaseTtlMs: number;
  chunkSize: number;
}

export interface PlanSummary {
  isSkipped: boolean;
  events: number;
  applications: number;
  alerts: number;
  inboxMessages: number;
}

// Outcomes are told while fresh (the rules' statusAlertFreshForHours, 14 days in 2023); the
// scan reads outcome applications changed within this window.
const OUTCOME_SCAN_WINDOW_MS = 15 * 24 * 3_600_000;
// Bindings made within this window are checked for alerts planned before them on every tick.
const RECENT_BINDING_MS = 24 * 3_600_000;

/**
 * Plans alerts: the shared `alertsDue` decides, the outbox's unique dedupe key makes planning
 * idempotent, and the inbox rows are written in the same transaction as the alerts.
 */
@Injectable()
export class PlannerService {
  private readonly logger = new Logger(PlannerService.name);

  constructor(
    private readonly repository: PlannerRepository,
    private readonly leases: LeaseService,
    @Inject(PLANNER_OPTIONS) private readonly options: PlannerOptions,
  ) {}

  /**
   * One planner tick, on one instance at a time (a lease): first the status changes recorded
   * since the persisted cursor, then every open application (the safety net for a change whose
   * event committed after the cursor passed it, and for alerts that come due with time).
   */
  async runOnce(now: Date, { isFullScan = true }: { isFullScan?: boolean } = {}): Promise<PlanSummary> {
    const summary: PlanSummary = { isSkipped: false, events: 0, applications: 0, alerts: 0, inboxMessages: 0 };
    const { holderId, leaseTtlMs } = this.options;
    if (!(await this.leases.tryAcquire(PLANNER_LEASE, holderId, leaseTtlMs, new Date()))) return { ...summary, isSkipped: true };
    try {
      await this.planDomainEvents(now, summary);
      if (isFullScan) await this.planOpenApplications(now, summary);
      summary.inboxMessages += await this.fillRecentBindings(now);
    } finally {
      await this.leases.release(PLANNER_LEASE, holderId);
    }
    return summary;
  }

  private async planDomainEvents(now: Date, summary: PlanSummary): Promise<void> {
    let position = await this.repository.getCursor(PLANNER_CURSOR);
    for (;;) {
      const events = await this.repository.getStatusEventsAfter(position, this.options.chunkSize);
      if (events.length === 0) return;
      const ids = [...new Set(events.map((e) => e.applicationId))];
      this.add(summary, await this.planApplications(await this.repository.getApplications(ids), now));
      summary.events += events.length;
      position = events[events.length - 1]?.id ?? position;
      // Persisted only after the alerts are: a crash re-plans (idempotently), never skips.
      await this.repository.setCursor(PLANNER_CURSOR, position);
      await this.renewLease();
    }
  }

  private async planOpenApplications(now: Date, summary: PlanSummary): Promise<void> {
    const freshSince = new Date(now.getTime() - OUTCOME_SCAN_WINDOW_MS);
    const read = async (afterId: number): Promise<{ rows: MirroredRow[]; planned: Set<string> }> => {
      const rows = await this.repository.getOpenApplicationsAfter(afterId, this.options.chunkSize, freshSince);
      const first = rows[0];
      const last = rows[rows.length - 1];
      const planned = first && last ? await this.repository.getPlannedKeysInRange(first.id, last.id) : new Set<string>();
      return { rows, planned };
    };
    // The next chunk is read while this one is planned and written.
    let next = read(0);
    for (;;) {
      const { rows, planned } = await next;
      const last = rows[rows.length - 1];
      if (!last) return;
      next = read(last.id);
      try {
        this.add(summary, await this.planApplications(rows, now, planned));
        await this.renewLease();
      } catch (error) {
        await next.catch(() => undefined);
        throw error;
      }
    }
  }

  // Alerts planned before someone bound the application reach the new inbox here (and at once
  // when its owner opens the inbox).
  private async fillRecentBindings(now: Date): Promise<number> {
    const applicationIds = await this.repository.getRecentlyBoundApplications(new Date(Date.now() - RECENT_BINDING_MS));
    let filled = 0;
    for (let i = 0; i < applicationIds.length; i += this.options.chunkSize) {
      const chunk = applicationIds.slice(i, i + this.options.chunkSize);
      filled += await this.repository.transaction((manager) => this.repository.fillInboxes(manager, { applicationIds: chunk }, now));
    }
    return filled;
  }

  private async renewLease(): Promise<void> {
    const { holderId, leaseTtlMs } = this.options;
    if (!(await this.leases.tryAcquire(PLANNER_LEASE, holderId, leaseTtlMs, new Date()))) {
      throw new Error('Planner lease lost mid-run; another instance takes over');
    }
  }

  private add(summary: PlanSummary, part: Omit<PlanSummary, 'isSkipped' | 'events'>): void {
    summary.applications += part.applications;
    summary.alerts += part.alerts;
    summary.inboxMessages += part.inboxMessages;
  }

  /** Plans the given applications now; safe to call from anywhere, any number of times. */
  async planApplications(
    rows: MirroredRow[],
    now: Date,
    plannedKeys?: ReadonlySet<string>,
  ): Promise<Omit<PlanSummary, 'isSkipped' | 'events'>> {
    if (rows.length === 0) return { applications: 0, alerts: 0, inboxMessages: 0 };
    const planned = plannedKeys ?? (await this.repository.getPlannedKeys(rows.map((row) => row.id)));
    const due = computeDueAlerts(rows, now, planned, (row, error) =>
      this.logger.warn(`Application ${row.id}: ${error.message}`),
    );
    // Nothing new: no write at all (a steady tick over every open application stays a read).
    if (due.length === 0) return { applications: rows.length, alerts: 0, inboxMessages: 0 };
    const withNews = [...new Set(due.map((alert) => Number(alert.applicationId)))];
    return this.repository.transaction(async (manager) => {
      const alerts = await this.repository.insertAlerts(manager, due);
      const inboxMessages = await this.repository.fillInboxes(manager, { applicationIds: withNews }, now);
      return { applications: rows.length, alerts, inboxMessages };
    });
  }
}

// Pure: the alerts due for these rows that are not planned yet (shared `alertsDue`).
export function computeDueAlerts(
  rows: MirroredRow[],
  now: Date,
  planned: ReadonlySet<string>,
  onMismatch: (row: MirroredRow, error: Error) => void = () => undefined,
): Alert[] {
  const due: Alert[] = [];
  for (const row of rows) {
    const year = findNoticeYear(row.year, row.route);
    if (year === null) continue;
    try {
      for (const alert of alertsDue(toDomainApplication(row), year, now, planned)) due.push(alert);
    } catch (error) {
      if (error instanceof NoticeMismatchError) onMismatch(row, error);
      else throw error;
    }
  }
  return due;
}
