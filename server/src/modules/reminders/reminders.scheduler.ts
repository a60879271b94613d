import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

import { PlannerService } from './planner.service';
import { PushWorkerService } from './push-worker.service';
import { logSafeError } from '../../common/request-log';

export const REMINDER_SCHEDULE = Symbol('REMINDER_SCHEDULE');
export interface ReminderSchedule {
  planIntervalSeconds: number; // 0: off
  pushIntervalSeconds: number; // 0: off
}

const PLAN_JOB = 'reminder-planner';
const PUSH_JOB = 'reminder-push-worker';
// A worker keeps claiming while it finds full batches, up to this many per tick.
const MAX_ROUNDS_PER_TICK = 50;

// Every instance ticks: the planner's lease lets one plan per tick; every instance's worker
// claims its own rows. A tick that finds the previous run still going is skipped.
@Injectable()
export class RemindersScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RemindersScheduler.name);
  private planning: Promise<void> | null = null;
  private pushing: Promise<void> | null = null;

  constructor(
    @Inject(REMINDER_SCHEDULE) private readonly schedule: ReminderSchedule,
    private readonly schedulerRegistry: SchedulerRegistry,
    private readonly planner: PlannerService,
    private readonly worker: PushWorkerService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.schedule.planIntervalSeconds > 0) {
      this.schedulerRegistry.addInterval(
        PLAN_JOB,
        setInterval(() => void this.planTick(), this.schedule.planIntervalSeconds * 1000),
      );
    }
    if (this.schedule.pushIntervalSeconds > 0) {
      if (!this.worker.isConfigured)
        this.logger.warn(
          'WeChat pushes are off (WECHAT_APPID/WECHAT_SECRET missing): alerts go to the inbox only',
        );
      this.schedulerRegistry.addInterval(
        PUSH_JOB,
        setInterval(() => void this.pushTick(), this.schedule.pushIntervalSeconds * 1000),
      );
    }
  }

  planTick(): Promise<void> {
    this.planning ??= this.planner
      .runOnce(new Date())
      .then((summary) => {
        if (summary.alerts > 0 || summary.inboxMessages > 0)
          this.logger.log(`Reminder planning: ${JSON.stringify(summary)}`);
      })
      .catch((error: unknown) =>
        this.logger.error({ error: logSafeError(error) }, 'Reminder planning failed'),
      )
      .finally(() => {
        this.planning = null;
      });
    return this.planning;
  }

  pushTick(): Promise<void> {
    this.pushing ??= (async () => {
      for (let round = 0; round < MAX_ROUNDS_PER_TICK; round += 1) {
        const summary = await this.worker.runOnce(new Date());
        if (summary.sent + summary.failed + summary.outcomeUnknown + summary.refused > 0) {
          this.logger.log(`Push round: ${JSON.stringify(summary)}`);
        }
        if (summary.claimed === 0) return;
      }
    })()
      .catch((error: unknown) =>
        this.logger.error({ error: logSafeError(error) }, 'Push round failed'),
      )
      .finally(() => {
        this.pushing = null;
      });
    return this.pushing;
  }

  async onModuleDestroy(): Promise<void> {
    for (const job of [PLAN_JOB, PUSH_JOB]) {
      if (this.schedulerRegistry.doesExist('interval', job))
        this.schedulerRegistry.deleteInterval(job);
    }
    await Promise.all([this.planning, this.pushing]);
  }
}
