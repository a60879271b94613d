import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';

import type {
  CalendarEventDefinition,
  CalendarEventKind,
  CalendarYearDefinition,
  EvaluationRoute,
} from '@titletrack/shared/calendar';
import { beijingDateOf } from '@titletrack/shared/domain';
import type { NoticeYear } from '@titletrack/shared/domain';
import { noticeRegionFor } from '@titletrack/shared/region';

import { parseStoredRules } from './calendar.dto';
import type { CalendarYearEntity } from './calendar-year.entity';
import { CalendarRepository } from './calendar.repository';

export interface PublishedNoticeYear extends NoticeYear {
  regionCode: string;
  calendarYearId: number;
  version: number;
}

// Other instances on the same database publish too; this often the registry checks whether
// anything changed (one aggregate query) and reloads only then.
export const NOTICE_YEAR_POLL_MS = 30_000;
// What applicants read (calendars, notices, the first screen) is served from memory; before
// serving, the registry asks the database whether anything changed at most this often, so
// another instance's publication shows here within a second, not a poll.
export const PUBLIC_FRESHNESS_MS = 1_000;

const keyOf = (regionCode: string, year: number, route: string): string =>
  `${regionCode}:${year}:${route}`;

/**
 * A stored calendar as the shared rules read it. The rules count Beijing days: a start is the
 * day its instant falls on, an end (the first instant the step is over) the day before it.
 */
export function toCalendarDefinition(entity: CalendarYearEntity): CalendarYearDefinition {
  const events: CalendarEventDefinition[] = (entity.events ?? []).map((event) => ({
    kind: event.kind as CalendarEventKind,
    title: event.title,
    ...(event.startsAt === null ? {} : { startsOn: beijingDateOf(event.startsAt) }),
    endsOn: beijingDateOf(event.endsAt.getTime() - 1),
    section: event.section,
    wording: event.wording,
    ...(event.interpretation === null ? {} : { interpretation: event.interpretation }),
  }));
  return {
    year: entity.year,
    route: entity.route as EvaluationRoute,
    region: entity.region,
    title: entity.title,
    noticeDocumentNumber: entity.noticeDocumentNumber,
    events,
  };
}

/**
 * The published notices' calendars and rules, held in memory: the planner looks one up for
 * every application on every tick, so a lookup must not touch the database. Reloaded at start,
 * right after this instance publishes, corrects or withdraws, and when a poll sees that another
 * instance did.
 */
@Injectable()
export class NoticeYearRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NoticeYearRegistry.name);
  private byKey = new Map<string, PublishedNoticeYear>();
  private years: readonly PublishedNoticeYear[] = [];
  private stamp: string | null = null;
  private loading: Promise<void> | null = null;
  private poll: NodeJS.Timeout | null = null;
  private loads = 0;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;

  constructor(private readonly calendars: CalendarRepository) {}

  // Loaded before any module's bootstrap hook runs, so the planner's first tick already sees
  // the published notices.
  async onModuleInit(): Promise<void> {
    await this.refresh();
    this.poll = setInterval(() => {
      this.refreshIfChanged().catch((error: unknown) =>
        this.logger.warn(`Notice years not reloaded: ${(error as Error).message}`),
      );
    }, NOTICE_YEAR_POLL_MS);
    this.poll.unref();
  }

  onModuleDestroy(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }

  find(regionCode: string, year: number, route: string): NoticeYear | null {
    return this.byKey.get(keyOf(regionCode, year, route)) ?? null;
  }

  forApplication(application: {
    regionCode: string;
    year: number;
    route: string;
  }): NoticeYear | null {
    const { regionCode, year, route } = application;
    return this.find(noticeRegionFor(regionCode, route), year, route);
  }

  all(): readonly PublishedNoticeYear[] {
    return this.years;
  }

  // Changes whenever the published notices were reloaded: what is made from them is made anew.
  get generation(): string {
    return String(this.loads);
  }

  /**
   * Makes sure the published notices are at most PUBLIC_FRESHNESS_MS behind the database: one
   * change-stamp query per interval for the whole instance, shared by every request that waits
   * on it. A failed check keeps serving what is loaded (the next request checks again).
   */
  async ensureFresh(now = Date.now()): Promise<void> {
    if (now - this.checkedAt < PUBLIC_FRESHNESS_MS) return;
    this.checking ??= this.refreshIfChanged()
      .then(() => {
        this.checkedAt = Date.now();
      })
      .catch((error: unknown) => {
        this.logger.warn(`Notice years not checked: ${(error as Error).message}`);
      })
      .finally(() => {
        this.checking = null;
      });
    await this.checking;
  }

  // Concurrent calls share one reload.
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  async refreshIfChanged(): Promise<boolean> {
    const stamp = await this.calendars.getChangeStamp();
    if (stamp === this.stamp) return false;
    await this.refresh();
    return true;
  }

  private async load(): Promise<void> {
    const stamp = await this.calendars.getChangeStamp();
    const entities = await this.calendars.getAllPublishedWithEvents();
    const years: PublishedNoticeYear[] = [];
    for (const entity of entities) {
      try {
        years.push({
          regionCode: entity.regionCode,
          calendarYearId: entity.id,
          version: entity.version,
          calendar: toCalendarDefinition(entity),
          rules: parseStoredRules(entity),
        });
      } catch (error) {
        // One broken row must not take every other region's deadlines with it.
        this.logger.warn(`Calendar ${entity.id} skipped: ${(error as Error).message}`);
      }
    }
    this.years = years;
    this.byKey = new Map(
      years.map((year) => [keyOf(year.regionCode, year.calendar.year, year.calendar.route), year]),
    );
    this.stamp = stamp;
    this.loads += 1;
    this.checkedAt = Date.now();
  }
}
