import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { LeaseModule } from '../../common/lease/lease.module';
import { newLeaseHolderId } from '../../common/lease/lease.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AuthModule } from '../auth/auth.module';
import { WechatAccessTokenStore } from '../wechat/access-token.store';
import { SubscribeMessageClient } from '../wechat/subscribe-message.client';
import { createWechatHttp } from '../wechat/wechat-api.http';
import { WechatPushController } from '../wechat/wechat-push.controller';
import { WECHAT_PUSH_TOKEN, WechatPushService } from '../wechat/wechat-push.service';
import { WechatAccessTokenEntity, WechatEventEntity } from '../wechat/wechat.entities';
import { InboxService } from './inbox.service';
import { PLANNER_OPTIONS, PlannerService } from './planner.service';
import type { PlannerOptions } from './planner.service';
import { PlannerRepository } from './planner.repository';
import { PushRepository } from './push.repository';
import { PUSH_WORKER_OPTIONS, PushWorkerService, SUBSCRIBE_SENDER } from './push-worker.service';
import type { PushWorkerOptions, SubscribeSender } from './push-worker.service';
import { InboxController, StaffRemindersController, SubscriptionController } from './reminders.controller';
import { REMINDER_SCHEDULE, RemindersScheduler } from './reminders.scheduler';
import type { ReminderSchedule } from './reminders.scheduler';
import {
  InboxMessageEntity,
  ReminderAlertEntity,
  ReminderCursorEntity,
  SubscriptionCreditEntity,
  SubscriptionSwitchEntity,
} from './reminder.entities';
import { StaffRemindersService } from './staff-reminders.service';
import { SUBSCRIPTION_OPTIONS, SubscriptionService } from './subscription.service';
import type { SubscriptionOptions } from './subscription.service';

const SEND_TIMEOUT_MS = 10_000;

// Issue 6: planner, outbox, inbox, WeChat subscribe messages and message push, staff view.
// Relies on the global ScheduleModule (registered by PollModule).
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ReminderAlertEntity,
      InboxMessageEntity,
      SubscriptionCreditEntity,
      SubscriptionSwitchEntity,
      ReminderCursorEntity,
      WechatAccessTokenEntity,
      WechatEventEntity,
    ]),
    LeaseModule,
    AuthModule,
  ],
  controllers: [InboxController, SubscriptionController, StaffRemindersController, WechatPushController],
  providers: [
    PlannerRepository,
    PushRepository,
    InboxService,
    SubscriptionService,
    StaffRemindersService,
    WechatPushService,
    PlannerService,
    PushWorkerService,
    RemindersScheduler,
    {
      provide: PLANNER_OPTIONS,
      useFactory: (): PlannerOptions => ({ holderId: newLeaseHolderId(), leaseTtlMs: 5 * 60_000, chunkSize: 5000 }),
    },
    {
      provide: SUBSCRIBE_SENDER,
      inject: [APP_CONFIG, UnitOfWork],
      useFactory: ({ wechat }: AppConfig, unitOfWork: UnitOfWork): SubscribeSender | null => {
        if (!wechat.appId || !wechat.appSecret) return null;
        const http = createWechatHttp(wechat.apiBase, SEND_TIMEOUT_MS);
        return new SubscribeMessageClient(http, new WechatAccessTokenStore(unitOfWork, http, wechat.appId, wechat.appSecret));
      },
    },
    {
      provide: PUSH_WORKER_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: ({ reminders }: AppConfig): PushWorkerOptions => ({
        templates: reminders.templates,
        isLongTermSubscription: reminders.isLongTermSubscription,
        miniprogramState: reminders.miniprogramState,
        batchSize: reminders.batchSize,
        concurrency: reminders.concurrency,
        maxAttempts: reminders.maxAttempts,
        claimMs: reminders.claimSeconds * 1000,
        claimMode: reminders.claimMode,
        backoffBaseMs: reminders.backoffSeconds * 1000,
        backoffMaxMs: 3_600_000,
      }),
    },
    {
      provide: SUBSCRIPTION_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: ({ reminders }: AppConfig): SubscriptionOptions => ({
        templates: reminders.templates,
        isLongTermSubscription: reminders.isLongTermSubscription,
      }),
    },
    { provide: WECHAT_PUSH_TOKEN, inject: [APP_CONFIG], useFactory: ({ reminders }: AppConfig) => reminders.pushToken },
    {
      provide: REMINDER_SCHEDULE,
      inject: [APP_CONFIG],
      useFactory: ({ reminders }: AppConfig): ReminderSchedule => ({
        planIntervalSeconds: reminders.planIntervalSeconds,
        pushIntervalSeconds: reminders.pushIntervalSeconds,
      }),
    },
  ],
  exports: [PlannerService, PushWorkerService],
})
export class RemindersModule {}
