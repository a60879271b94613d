import { Inject, Injectable, Logger } from '@nestjs/common';

import { UnitOfWork } from '../../../database/unit-of-work';
import { LeaseService } from '../../../common/lease/lease.service';
import { MirrorService } from '../mirror.service';
import { CHANGE_SOURCE } from '../status-change.type';
import type { ApplyOutcome, StatusChange } from '../status-change.type';
import { toMirroredApplication } from '../platform-payload';
import type { PayloadContext } from '../platform-payload';
import {
  PlatformRateLimitedError,
  PlatformRetryableError,
  PlatformStatusClient,
} from './platform-status.client';
import type { PlatformChange, PlatformChangePage } from './platform-status.client';
import { PollCursorRepository } from './poll-cursor.repository';
import { logSafeError } from '../../../common/request-log';

export const PLATFORM_POLL_NAME = 'platform-poll';
export const PLATFORM_STATUS_CLIENT = Symbol('PLATFORM_STATUS_CLIENT');
export const POLLER_OPTIONS = Symbol('POLLER_OPTIONS');

export const POLL_STOP = {
  // Another instance holds the lease; nothing was asked or written.
  LEASE_HELD: 'lease_held',
  // The last page said hasMore: false.
  CAUGHT_UP: 'caught_up',
  // maxPagesPerRun pages were applied; the next run goes on from the cursor.
  PAGE_LIMIT: 'page_limit',
  // The platform stayed unavailable through maxRetriesPerRun retries.
  RETRIES_EXHAUSTED: 'retries_exhausted',
  // The platform asked us to wait longer than maxRetryAfterMs; runs skip until then.
  RATE_LIMITED: 'rate_limited',
  // The lease expired during the run and another instance took it.
  LEASE_LOST: 'lease_lost',
  // Another instance moved the cursor under us; our page was rolled back.
  CURSOR_MOVED: 'cursor_moved',
  // A failure retrying will not fix (credentials refused, a body outside the protocol).
  FAILED: 'failed',
  // No platform API is configured.
  NOT_CONFIGURED: 'not_configured',
} as const;
export type PollStop = (typeof POLL_STOP)[keyof typeof POLL_STOP];

export interface PollSummary {
  pages: number;
  // Changes that created an application or moved its status.
  applied: number;
  // Changes that matched what the mirror held already.
  unchanged: number;
  // Invalid items plus changes the mirror refused (stale, forbidden transition).
  skipped: number;
  stoppedBecause: PollStop;
}

export interface PollerOptions {
  pageSize: number;
  holderId: string;
  // What a change without a region or year is completed from (the configured region, the
  // published notices); without it such a change is skipped as invalid.
  payloadContext?: () => PayloadContext | undefined;
  maxPagesPerRun?: number;
  maxRetriesPerRun?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxRetryAfterMs?: number;
  // Long enough for one page fetch, one back-off sleep and one apply; renewed before each fetch.
  leaseTtlMs?: number;
  // Injected so tests neither wait nor depend on chance.
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  clock?: () => Date;
}

const DEFAULTS = {
  maxPagesPerRun: 20,
  maxRetriesPerRun: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  leaseTtlMs: 5 * 60_000,
};

const MAX_SOURCE_REF_ID_LENGTH = 46; // 'poll:' + two ids + '..' within status_history.sourceRef (100)

type ItemResult = { isValid: true; change: StatusChange } | { isValid: false; problems: string[] };

// A platform change, in the webhook event's words, to the mirror's. Problems are paths and
// messages only: the values are personal data.
export function toStatusChange(
  { changeId, data }: PlatformChange,
  context?: PayloadContext,
): ItemResult {
  const result = toMirroredApplication(data, new Date(), context);
  return result.isValid
    ? { isValid: true, change: { ref: `change ${changeId}`, application: result.application } }
    : { isValid: false, problems: result.problems };
}

// One page may report the same application more than once (new, then moved on). The mirror
// applies a batch against the rows it read first, so each round holds at most one change per
// application, and later rounds see the earlier ones (same transaction).
function roundsByOccurrence(changes: StatusChange[]): StatusChange[][] {
  const rounds: StatusChange[][] = [];
  const seen = new Map<string, number>();
  for (const change of changes) {
    const occurrence = seen.get(change.application.applicationNo) ?? 0;
    seen.set(change.application.applicationNo, occurrence + 1);
    (rounds[occurrence] ??= []).push(change);
  }
  return rounds;
}

function sourceRefOf(items: PlatformChange[]): string {
  const first = items[0]?.changeId.slice(0, MAX_SOURCE_REF_ID_LENGTH) ?? '';
  const last = items[items.length - 1]?.changeId.slice(0, MAX_SOURCE_REF_ID_LENGTH) ?? '';
  return items.length === 1 ? `poll:${first}` : `poll:${first}..${last}`;
}

@Injectable()
export class PollerService {
  private readonly logger = new Logger(PollerService.name);
  private readonly options: Required<PollerOptions>;
  // Set by a Retry-After longer than a run may wait; this instance skips runs until then.
  private notBefore = 0;

  constructor(
    @Inject(PLATFORM_STATUS_CLIENT) private readonly client: PlatformStatusClient | null,
    @Inject(POLLER_OPTIONS) options: PollerOptions,
    private readonly leaseService: LeaseService,
    private readonly pollCursorRepository: PollCursorRepository,
    private readonly mirrorService: MirrorService,
    private readonly unitOfWork: UnitOfWork,
  ) {
    this.options = {
      ...DEFAULTS,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      clock: () => new Date(),
      payloadContext: () => undefined,
      ...options,
    };
  }

  get isConfigured(): boolean {
    return this.client !== null;
  }

  // One run: under the lease, pages from the stored cursor until caught up, the page limit, or
  // a failure. Each page's changes and the cursor after it commit together.
  async runOnce(now: Date = this.options.clock()): Promise<PollSummary> {
    const summary: PollSummary = {
      pages: 0,
      applied: 0,
      unchanged: 0,
      skipped: 0,
      stoppedBecause: POLL_STOP.CAUGHT_UP,
    };
    if (!this.client) return { ...summary, stoppedBecause: POLL_STOP.NOT_CONFIGURED };
    if (now.getTime() < this.notBefore)
      return { ...summary, stoppedBecause: POLL_STOP.RATE_LIMITED };
    const { holderId, leaseTtlMs } = this.options;
    if (!(await this.leaseService.tryAcquire(PLATFORM_POLL_NAME, holderId, leaseTtlMs, now))) {
      return { ...summary, stoppedBecause: POLL_STOP.LEASE_HELD };
    }
    try {
      summary.stoppedBecause = await this.pollPages(this.client, now, summary);
      return summary;
    } finally {
      await this.leaseService.release(PLATFORM_POLL_NAME, holderId);
    }
  }

  private async pollPages(
    client: PlatformStatusClient,
    startedAt: Date,
    summary: PollSummary,
  ): Promise<PollStop> {
    const { pageSize, maxPagesPerRun, maxRetriesPerRun, holderId, leaseTtlMs } = this.options;
    // Renewals run on the caller's time line: `startedAt` plus the time spent since.
    const startedOnClock = this.options.clock().getTime();
    const renewLease = () =>
      this.leaseService.tryAcquire(
        PLATFORM_POLL_NAME,
        holderId,
        leaseTtlMs,
        new Date(startedAt.getTime() + this.options.clock().getTime() - startedOnClock),
      );
    let cursor = (await this.pollCursorRepository.getOrCreate(PLATFORM_POLL_NAME)).cursor;
    let retries = 0;
    let isFirstFetch = true;

    while (summary.pages < maxPagesPerRun) {
      if (!isFirstFetch && !(await renewLease())) {
        this.logger.warn(`Platform poll lost its lease after ${summary.pages} pages`);
        return POLL_STOP.LEASE_LOST;
      }
      isFirstFetch = false;
      let page: PlatformChangePage;
      try {
        page = await client.fetchChanges(cursor, pageSize);
      } catch (error) {
        if (!(error instanceof PlatformRetryableError)) {
          // A job's failure: logged once, here, with its stack.
          this.logger.error({ error: logSafeError(error) }, 'Platform poll failed');
          return POLL_STOP.FAILED;
        }
        const delayMs = this.retryDelayMs(error, retries);
        if (delayMs === null) {
          this.logger.warn(`Platform poll paused: ${error.message}`);
          return POLL_STOP.RATE_LIMITED;
        }
        if (retries >= maxRetriesPerRun) {
          this.logger.warn(`Platform poll gave up after ${retries} retries: ${error.message}`);
          return POLL_STOP.RETRIES_EXHAUSTED;
        }
        retries += 1;
        this.logger.warn(
          `${error.message}; retry ${retries} of ${maxRetriesPerRun} in ${delayMs} ms`,
        );
        await this.options.sleep(delayMs);
        continue;
      }

      if (page.nextCursor === cursor) {
        if (page.items.length === 0 && !page.hasMore) return POLL_STOP.CAUGHT_UP;
        this.logger.error(
          `Platform poll stopped: the platform returned ${page.items.length} items without moving the cursor`,
        );
        return POLL_STOP.FAILED;
      }
      const isApplied = await this.applyPage(page, cursor, summary);
      if (!isApplied) {
        this.logger.warn('Platform poll stopped: the cursor was moved by another instance');
        return POLL_STOP.CURSOR_MOVED;
      }
      cursor = page.nextCursor;
      if (!page.hasMore) return POLL_STOP.CAUGHT_UP;
    }
    return POLL_STOP.PAGE_LIMIT;
  }

  // False when the cursor no longer reads `cursor`: then nothing of the page was written.
  private async applyPage(
    page: PlatformChangePage,
    cursor: string | null,
    summary: PollSummary,
  ): Promise<boolean> {
    const changes: StatusChange[] = [];
    let invalid = 0;
    for (const item of page.items) {
      const result = toStatusChange(item, this.options.payloadContext());
      if (result.isValid) {
        changes.push(result.change);
        continue;
      }
      invalid += 1;
      this.logger.warn(`Platform change ${item.changeId} skipped: ${result.problems.join('; ')}`);
    }
    const sourceRef = sourceRefOf(page.items);
    const outcomes = await this.unitOfWork.write(async () => {
      // The cursor first: on MySQL this locks its row, so a racing instance waits here and then
      // finds the cursor moved, before either applies anything.
      if (!(await this.pollCursorRepository.advance(PLATFORM_POLL_NAME, cursor, page.nextCursor)))
        return null;
      const applied: ApplyOutcome[] = [];
      for (const round of roundsByOccurrence(changes)) {
        applied.push(await this.mirrorService.apply(round, CHANGE_SOURCE.POLL, sourceRef));
      }
      return applied;
    });
    if (outcomes === null) return false;
    summary.pages += 1;
    summary.skipped += invalid;
    for (const outcome of outcomes) {
      summary.applied += outcome.created + outcome.changed;
      summary.unchanged += outcome.unchanged;
      summary.skipped += outcome.skipped.length;
    }
    return true;
  }

  // Exponential back-off with equal jitter: retry n waits between half and all of
  // min(max, base·2ⁿ), so waits grow while instances that failed together spread out. A
  // Retry-After is honoured as given; one longer than a run may wait ends the run (null) and
  // this instance skips runs until it has passed.
  private retryDelayMs(error: PlatformRetryableError, retries: number): number | null {
    const { baseDelayMs, maxDelayMs, maxRetryAfterMs } = this.options;
    if (error instanceof PlatformRateLimitedError && error.retryAfterMs !== null) {
      if (error.retryAfterMs <= maxRetryAfterMs) return error.retryAfterMs;
      this.notBefore = this.options.clock().getTime() + error.retryAfterMs;
      return null;
    }
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** retries);
    return Math.round(ceiling / 2 + (this.options.random() * ceiling) / 2);
  }
}
