import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { LeaseModule } from '../../../common/lease/lease.module';
import { newLeaseHolderId } from '../../../common/lease/lease.service';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/env';
import { MirrorModule } from '../mirror.module';
import { PlatformStatusClient } from './platform-status.client';
import { PollCursorRepository } from './poll-cursor.repository';
import { POLL_SCHEDULE, PollScheduler } from './poll.scheduler';
import type { PollSchedule } from './poll.scheduler';
import { CalendarModule } from '../../calendar/calendar.module';
import { NoticeYearRegistry } from '../../calendar/notice-year-registry.service';
import { PLATFORM_STATUS_CLIENT, POLLER_OPTIONS, PollerService } from './poller.service';
import type { PollerOptions } from './poller.service';

// Polls the platform's status-query API. ScheduleModule.forRoot() is global: when a
// second scheduled job arrives, move it to AppModule and drop it here.
@Module({
  imports: [ScheduleModule.forRoot(), LeaseModule, MirrorModule, CalendarModule],
  providers: [
    PollCursorRepository,
    {
      provide: PLATFORM_STATUS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: ({ platformPoll }: AppConfig): PlatformStatusClient | null =>
        platformPoll.apiBase && platformPoll.clientId && platformPoll.clientSecret
          ? new PlatformStatusClient({
              baseUrl: platformPoll.apiBase,
              clientId: platformPoll.clientId,
              clientSecret: platformPoll.clientSecret,
            })
          : null,
    },
    {
      provide: POLLER_OPTIONS,
      inject: [APP_CONFIG, NoticeYearRegistry],
      useFactory: (
        { platformPoll, platformRegionCode }: AppConfig,
        noticeYears: NoticeYearRegistry,
      ): PollerOptions => ({
        pageSize: platformPoll.pageSize,
        holderId: newLeaseHolderId(),
        payloadContext: () => ({
          defaultRegionCode: platformRegionCode,
          notices: noticeYears.all(),
        }),
      }),
    },
    {
      provide: POLL_SCHEDULE,
      inject: [APP_CONFIG],
      useFactory: ({ platformPoll }: AppConfig): PollSchedule => ({
        intervalSeconds: platformPoll.intervalSeconds,
      }),
    },
    PollerService,
    PollScheduler,
  ],
  exports: [PollerService],
})
export class PollModule {}
