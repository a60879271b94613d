import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

import { HousekeepingService } from './housekeeping.service';
import { logSafeError } from '../../common/request-log';

export const HOUSEKEEPING_SCHEDULE = Symbol('HOUSEKEEPING_SCHEDULE');
const HOUSEKEEPING_JOB = 'housekeeping';

export interface HousekeepingSchedule {
  // 0 turns housekeeping off.
  intervalSeconds: number;
}

// Ticks on every instance; the lease lets one of them work. A tick that finds the previous run
// still going is skipped.
@Injectable()
export class HousekeepingScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HousekeepingScheduler.name);
  private running: Promise<void> | null = null;

  constructor(
    @Inject(HOUSEKEEPING_SCHEDULE) private readonly schedule: HousekeepingSchedule,
    private readonly schedulerRegistry: SchedulerRegistry,
    private readonly housekeepingService: HousekeepingService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.schedule.intervalSeconds <= 0) return;
    this.schedulerRegistry.addInterval(
      HOUSEKEEPING_JOB,
      setInterval(() => void this.tick(), this.schedule.intervalSeconds * 1000),
    );
  }

  tick(): Promise<void> {
    this.running ??= this.housekeepingService
      .runOnce(new Date())
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.error({ error: logSafeError(error) }, 'Housekeeping run failed');
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.schedulerRegistry.doesExist('interval', HOUSEKEEPING_JOB))
      this.schedulerRegistry.deleteInterval(HOUSEKEEPING_JOB);
    await this.running;
  }
}
