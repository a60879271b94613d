import { Inject, Injectable, Logger } from '@nestjs/common';

import { LeaseService } from '../../common/lease/lease.service';
import { RateLimitRepository } from '../../common/rate-limit/rate-limit.repository';
import { AuthSessionRepository } from '../auth/auth-session.repository';

export const HOUSEKEEPING_OPTIONS = Symbol('HOUSEKEEPING_OPTIONS');
export const HOUSEKEEPING_LEASE = 'housekeeping';

export interface HousekeepingOptions {
  holderId: string;
  batchSize: number;
  // A run stops after this many rows per table and finishes on the next tick.
  maxRowsPerRun: number;
}

// The owner of a table whose rows expire (each table keeps its one repository).
interface ExpiringTable {
  deleteExpiredBatch(now: Date, batchSize: number): Promise<number>;
}

export interface HousekeepingSummary {
  expiredSessions: number;
  expiredRateLimitCounters: number;
}

// Drops what has expired and only takes room: sign-in sessions past their end and rate-limit
// counters of windows that are over. One instance at a time (a lease), in small batches.
@Injectable()
export class HousekeepingService {
  private readonly logger = new Logger(HousekeepingService.name);

  constructor(
    @Inject(HOUSEKEEPING_OPTIONS) private readonly options: HousekeepingOptions,
    private readonly leaseService: LeaseService,
    private readonly authSessionRepository: AuthSessionRepository,
    private readonly rateLimitRepository: RateLimitRepository,
  ) {}

  // null when another instance holds the lease.
  async runOnce(now: Date): Promise<HousekeepingSummary | null> {
    const ttlMs = 10 * 60_000;
    if (
      !(await this.leaseService.tryAcquire(HOUSEKEEPING_LEASE, this.options.holderId, ttlMs, now))
    )
      return null;
    try {
      return {
        expiredSessions: await this.deleteExpired(this.authSessionRepository, 'sessions', now),
        expiredRateLimitCounters: await this.deleteExpired(
          this.rateLimitRepository,
          'rate-limit counters',
          now,
        ),
      };
    } finally {
      await this.leaseService.release(HOUSEKEEPING_LEASE, this.options.holderId);
    }
  }

  private async deleteExpired(owner: ExpiringTable, label: string, now: Date): Promise<number> {
    let deleted = 0;
    while (deleted < this.options.maxRowsPerRun) {
      const batch = await owner.deleteExpiredBatch(
        now,
        Math.min(this.options.batchSize, this.options.maxRowsPerRun - deleted),
      );
      deleted += batch;
      if (batch === 0) break;
    }
    if (deleted > 0) this.logger.log(`Deleted ${deleted} expired ${label}`);
    return deleted;
  }
}
