import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

import { PLATFORM_POLL_NAME, PollerService } from './poller.service';
import { logSafeError } from '../../../common/request-log';

export const POLL_SCHEDULE = Symbol('POLL_SCHEDULE');

export interface PollSchedule {
  // 0 turns polling off.
  intervalSeconds: number;
}

// Runs the poller every PLATFORM_POLL_INTERVAL_SECONDS on every instance; the lease makes all
// but one of them skip. A tick that finds the previous run still going is skipped too.
@Injectable()
export class PollScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(PollScheduler.name);
  private running: Promise<void> | null = null;

  constructor(
    @Inject(POLL_SCHEDULE) private readonly schedule: PollSchedule,
    private readonly schedulerRegistry: SchedulerRegistry,
    private readonly pollerService: PollerService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.schedule.intervalSeconds <= 0) return;
    if (!this.pollerService.isConfigured) {
      this.logger.warn(
        'Platform polling is off: PLATFORM_API_BASE, PLATFORM_CLIENT_ID or PLATFORM_CLIENT_SECRET is missing',
      );
      return;
    }
    const handle = setInterval(() => void this.tick(), this.schedule.intervalSeconds * 1000);
    this.schedulerRegistry.addInterval(PLATFORM_POLL_NAME, handle);
    this.logger.log(`Platform polling every ${this.schedule.intervalSeconds} s`);
  }

  tick(): Promise<void> {
    this.running ??= this.pollerService
      .runOnce(new Date())
      .then((summary) => {
        if (summary.pages > 0 || summary.skipped > 0)
          this.logger.log(`Platform poll: ${JSON.stringify(summary)}`);
      })
      .catch((error: unknown) => {
        // A job's failure: logged once, here, with its stack; the next tick tries again.
        this.logger.error({ error: logSafeError(error) }, 'Platform poll run failed');
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  // Before the database closes (onApplicationShutdown): stop ticking and let a page in flight
  // commit or roll back.
  async onModuleDestroy(): Promise<void> {
    if (this.schedulerRegistry.doesExist('interval', PLATFORM_POLL_NAME)) {
      this.schedulerRegistry.deleteInterval(PLATFORM_POLL_NAME);
    }
    await this.running;
  }
}
