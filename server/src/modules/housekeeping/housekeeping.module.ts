import { Module } from '@nestjs/common';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { LeaseModule } from '../../common/lease/lease.module';
import { RateLimitModule } from '../../common/rate-limit/rate-limit.module';
import { AuthModule } from '../auth/auth.module';
import { newLeaseHolderId } from '../../common/lease/lease.service';
import { HOUSEKEEPING_SCHEDULE, HousekeepingScheduler } from './housekeeping.scheduler';
import type { HousekeepingSchedule } from './housekeeping.scheduler';
import { HOUSEKEEPING_OPTIONS, HousekeepingService } from './housekeeping.service';
import type { HousekeepingOptions } from './housekeeping.service';

// Relies on the global ScheduleModule (registered by PollModule).
@Module({
  imports: [LeaseModule, AuthModule, RateLimitModule],
  providers: [
    {
      provide: HOUSEKEEPING_OPTIONS,
      useFactory: (): HousekeepingOptions => ({
        holderId: newLeaseHolderId(),
        batchSize: 1000,
        maxRowsPerRun: 200_000,
      }),
    },
    {
      provide: HOUSEKEEPING_SCHEDULE,
      inject: [APP_CONFIG],
      useFactory: ({ housekeepingIntervalSeconds }: AppConfig): HousekeepingSchedule => ({
        intervalSeconds: housekeepingIntervalSeconds,
      }),
    },
    HousekeepingService,
    HousekeepingScheduler,
  ],
  exports: [HousekeepingService],
})
export class HousekeepingModule {}
