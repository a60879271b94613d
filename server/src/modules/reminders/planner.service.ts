import { Inject, Injectable, Logger } from '@nestjs/common';

import {
  ALERT_KIND,
  APPLICATION_STATUS,
  NoticeMismatchError,
  alertsDue,
} from '@titletrack/shared/domain';
import type { Alert, ApplicantFacts, NoticeYear } from '@titletrack/shared/domain';

import { LeaseService } from '../../common/lease/lease.service';
import { UnitOfWork } from '../../database/unit-of-work';
import { ApplicationRepository } from '../application/application.repository';
import type { ApplicationScope } from '../application/application.repository';
import { BindingRepository } from '../binding/binding.repository';
import { DomainEventRepository } from '../domain-event/domain-event.repository';
import { NoticeYearRegistry } from '../calendar/notice-year-registry.service';
import { DOMAIN_EVENT_KIND } from '../domain-event/domain-event.type';
import type { DomainEvent, DomainEventKind } from '../domain-event/domain-event.type';
import { toDomainApplication } from '../application/application-to-domain.mapper';
import type { MirroredRow } from '../application/application-to-domain.mapper';
import { FactRepository } from '../fact-store/fact.repository';
import { factsByApplication } from '../fact-store/facts.util';
import { ACTIVE_STATUSES, OUTCOME_STATUSES } from './planned-statuses.constant';
import { InboxMessageRepository } from './inbox-message.repository';
import { ReminderAlertRepository } from './reminder-alert.repository';
import { ReminderCursorRepository } from './reminder-cursor.repository';

export const PLANNER_LEASE = 'reminder-planner';
export const PLANNER_CURSOR = 'domain_event';
export const PLANNER_OPTIONS = Symbol('PLANNER_OPTIONS');
// A status change may bring alerts; a certificate_ready event brings the "e-certificate ready"
// alert, with the certificate's own issue date.
export const PLANNED_EVENT_KINDS: readonly DomainEventKind[] = [
  DOMAIN_EVENT_KIND.STATUS_CHANGED,
  DOMAIN_EVENT_KIND.CERTIFICATE_READY,
];

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

// Issue dates (YYYY-MM-DD) of e-certificates, by application id.
export type CertificateDates = ReadonlyMap<number, string>;

// The notice year an application is judged against, or null when none is published for it.
export type NoticeYearLookup = (row: MirroredRow) => NoticeYear | null;

export interface PlanFacts {
  plannedKeys?: ReadonlySet<string>;
  certificateDates?: CertificateDates;
}

// Outcomes are told while fresh (the rules' statusAlertFreshForHours, 14 days in 2023); the
// scan reads outcome applications changed within this window.
const OUTCOME_SCAN_WINDOW_MS = 15 * 24 * 3_600_000;
// Bindings made within this window are checked for alerts planned before them on every tick.
const RECENT_BINDING_MS = 24 * 3_600_000;

// The latest issue date per application among certificate_ready events.
export function certificateDatesOf(events: readonly DomainEvent[]): Map<number, string> {
  const dates = new Map<number, string>();
  for (const event of events) {
    if (event.kind === DOMAIN_EVENT_KIND.CERTIFICATE_READY)
      dates.set(event.applicationId, event.payload.issuedOn);
  }
  return dates;
}

/**
 * Plans alerts: the shared `alertsDue` decides, the outbox's unique dedupe key makes planning
 * idempotent, and the inbox rows are written in the same transaction as the alerts. Reading an
 * inbox never plans: alerts reach inboxes only here.
 */
@Injectable()
export class PlannerService {
  private readonly logger = new Logger(PlannerService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cursors: ReminderCursorRepository,
    private readonly domainEvents: DomainEventRepository,
    private readonly applications: ApplicationRepository,
    private readonly bindings: BindingRepository,
    private readonly alerts: ReminderAlertRepository,
    private readonly inboxMessages: InboxMessageRepository,
    private readonly leases: LeaseService,
    private readonly noticeYears: NoticeYearRegistry,
    private readonly facts: FactRepository,
    @Inject(PLANNER_OPTIONS) private readonly options: PlannerOptions,
  ) {}

  /**
   * Plans every open application of one notice's scope (a publication or a correction changed
   * its deadlines), in id-ordered chunks, each written in its own transaction: a failure half
   * way leaves the rest to the next tick's scan, which plans the same alerts.
   */
  async planScope(
    scope: ApplicationScope,
    now: Date,
  ): Promise<Omit<PlanSummary, 'isSkipped' | 'events'>> {
    const summary = { applications: 0, alerts: 0, inboxMessages: 0 };
    const filter = { ...this.openFilter(now), scope };
    await this.scanOpen(filter, async (rows, planned) => {
      const part = await this.planApplications(rows, now, { plannedKeys: planned });
      summary.applications += part.applications;
      summary.alerts += part.alerts;
      summary.inboxMessages += part.inboxMessages;
    });
    return summary;
  }

  // Open applications matching the filter, in id-ordered chunks with the alert keys already
  // planned for them; the next chunk is read while this one is planned and written.
  private async scanOpen(
    filter: Parameters<ApplicationRepository['getStandingsAfter']>[2],
    plan: (rows: MirroredRow[], planned: Set<string>) => Promise<void>,
  ): Promise<void> {
    const read = async (
      afterId: number,
    ): Promise<{ rows: MirroredRow[]; planned: Set<string> }> => {
      const rows = await this.applications.getStandingsAfter(
        afterId,
        this.options.chunkSize,
        filter,
      );
      const first = rows[0];
      const last = rows[rows.length - 1];
      const planned =
        first && last
          ? await this.alerts.getKeysInApplicationRange(first.id, last.id)
          : new Set<string>();
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
        await plan(rows, planned);
      } catch (error) {
        await next.catch(() => undefined);
        throw error;
      }
    }
  }

  // Open: in an active status, or an outcome recent enough to be told.
  private openFilter(now: Date) {
    return {
      statuses: ACTIVE_STATUSES,
      recentStatuses: OUTCOME_STATUSES,
      changedSince: new Date(now.getTime() - OUTCOME_SCAN_WINDOW_MS),
    };
  }

  /**
   * One planner tick, on one instance at a time (a lease): first the domain events recorded
   * since the persisted cursor, then every open application (the safety net for a change whose
   * event committed after the cursor passed it, and for alerts that come due with time), then
   * the inboxes of recent bindings.
   */
  async runOnce(
    now: Date,
    { isFullScan = true }: { isFullScan?: boolean } = {},
  ): Promise<PlanSummary> {
    const summary: PlanSummary = {
      isSkipped: false,
      events: 0,
      applications: 0,
      alerts: 0,
      inboxMessages: 0,
    };
    const { holderId, leaseTtlMs } = this.options;
    if (!(await this.leases.tryAcquire(PLANNER_LEASE, holderId, leaseTtlMs, new Date())))
      return { ...summary, isSkipped: true };
    try {
      // A notice published or corrected on another instance: plan with its dates, never with
      // the ones it replaced (their unsent alerts were just withdrawn).
      await this.noticeYears.refreshIfChanged();
      const position = await this.planDomainEvents(now, summary);
      if (isFullScan) await this.planOpenApplications(now, position, summary);
      summary.inboxMessages += await this.fillRecentBindings(now);
    } finally {
      await this.leases.release(PLANNER_LEASE, holderId);
    }
    return summary;
  }

  // Returns the cursor's position once every event so far is planned.
  private async planDomainEvents(now: Date, summary: PlanSummary): Promise<number> {
    let position = await this.cursors.getPosition(PLANNER_CURSOR);
    for (;;) {
      const events = await this.domainEvents.getAfter(
        position,
        PLANNED_EVENT_KINDS,
        this.options.chunkSize,
      );
      const last = events[events.length - 1];
      if (!last) return position;
      const ids = [...new Set(events.map((e) => e.applicationId))];
      const rows = await this.applications.getByIds(ids);
      this.add(
        summary,
        await this.planApplications(rows, now, { certificateDates: certificateDatesOf(events) }),
      );
      summary.events += events.length;
      position = last.id;
      // Persisted only after the alerts are: a crash re-plans (idempotently), never skips.
      await this.cursors.advance(PLANNER_CURSOR, position);
      await this.renewLease();
    }
  }

  private async planOpenApplications(
    now: Date,
    position: number,
    summary: PlanSummary,
  ): Promise<void> {
    const filter = this.openFilter(now);
    await this.scanOpen(filter, async (rows, planned) => {
      const certificateDates = await this.certificateDatesAfter(position, rows);
      this.add(
        summary,
        await this.planApplications(rows, now, { plannedKeys: planned, certificateDates }),
      );
      await this.renewLease();
    });
  }

  // A certificate mirrored while the scan runs has its event after the cursor: its date is read
  // from there, so the scan does not hold its alert back for a tick.
  private async certificateDatesAfter(
    position: number,
    rows: readonly MirroredRow[],
  ): Promise<CertificateDates> {
    if (!rows.some((row) => row.status === APPLICATION_STATUS.CERTIFICATE_ISSUED)) return new Map();
    return certificateDatesOf(
      await this.domainEvents.getAfter(
        position,
        [DOMAIN_EVENT_KIND.CERTIFICATE_READY],
        this.options.chunkSize,
      ),
    );
  }

  // Alerts planned before someone bound the application reach the new inbox here.
  private async fillRecentBindings(now: Date): Promise<number> {
    const applicationIds = await this.bindings.getApplicationIdsBoundSince(
      new Date(Date.now() - RECENT_BINDING_MS),
    );
    let filled = 0;
    for (let i = 0; i < applicationIds.length; i += this.options.chunkSize) {
      filled += await this.inboxMessages.createForApplications(
        applicationIds.slice(i, i + this.options.chunkSize),
        now,
      );
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
    facts: PlanFacts = {},
  ): Promise<Omit<PlanSummary, 'isSkipped' | 'events'>> {
    if (rows.length === 0) return { applications: 0, alerts: 0, inboxMessages: 0 };
    const ids = rows.map((row) => row.id);
    const [planned, stored] = await Promise.all([
      facts.plannedKeys ?? this.alerts.getKeysByApplicationIds(ids),
      // The chunk's stored facts in one read, so the rules see what the person stated.
      this.facts.getByApplications(ids),
    ]);
    const due = computeDueAlerts(
      rows,
      now,
      planned,
      (row) => this.noticeYears.forApplication(row),
      {
        certificateDates: facts.certificateDates,
        personFacts: factsByApplication(rows, stored),
        onMismatch: (row, error) => this.logger.warn(`Application ${row.id}: ${error.message}`),
      },
    );
    // Nothing new: no write at all (a steady tick over every open application stays a read).
    if (due.length === 0) return { applications: rows.length, alerts: 0, inboxMessages: 0 };
    const withNews = [...new Set(due.map((alert) => Number(alert.applicationId)))];
    return this.unitOfWork.write(async () => {
      const alerts = await this.alerts.createMany(due);
      const inboxMessages = await this.inboxMessages.createForApplications(withNews, now);
      return { applications: rows.length, alerts, inboxMessages };
    });
  }
}

// Pure: the alerts due for these rows that are not planned yet (shared `alertsDue`), each judged
// against the notice year `noticeYearOf` gives it (none: no alert, as no deadline is better than
// a wrong one). The
// "e-certificate ready" alert waits for the certificate's issue date (its certificate_ready
// event): told without it, it could never be told again with it, as its key is planned.
export function computeDueAlerts(
  rows: MirroredRow[],
  now: Date,
  planned: ReadonlySet<string>,
  noticeYearOf: NoticeYearLookup,
  {
    certificateDates = new Map<number, string>(),
    personFacts = new Map<number, ApplicantFacts>(),
    onMismatch = () => undefined,
  }: {
    certificateDates?: CertificateDates;
    // Each application's merged facts (declared, office, platform); absent: none known.
    personFacts?: ReadonlyMap<number, ApplicantFacts>;
    onMismatch?: (row: MirroredRow, error: Error) => void;
  } = {},
): Alert[] {
  const due: Alert[] = [];
  for (const row of rows) {
    const year = noticeYearOf(row);
    if (year === null) continue;
    const certificateIssuedOn = certificateDates.get(row.id) ?? null;
    try {
      for (const alert of alertsDue(
        toDomainApplication(row, { certificateIssuedOn, facts: personFacts.get(row.id) }),
        year,
        now,
        planned,
      )) {
        if (alert.kind === ALERT_KIND.CERTIFICATE_READY && certificateIssuedOn === null) continue;
        due.push(alert);
      }
    } catch (error) {
      if (error instanceof NoticeMismatchError) onMismatch(row, error);
      else throw error;
    }
  }
  return due;
}
