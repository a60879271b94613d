import { Module } from '@nestjs/common';

import { LeaseModule } from '../../common/lease/lease.module';
import { newLeaseHolderId } from '../../common/lease/lease.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { ApplicantModule } from '../applicant/applicant.module';
import { FactPersistenceModule } from '../fact-store/fact-persistence.module';
import { ApplicationModule } from '../application/application.module';
import { AuthModule } from '../auth/auth.module';
import { BindingModule } from '../binding/binding.module';
import { DomainEventModule } from '../domain-event/domain-event.module';
import { CalendarModule } from '../calendar/calendar.module';
import { WechatModule } from '../wechat/wechat.module';
import { InboxMessageRepository } from './inbox-message.repository';
import { InboxOnBindingService } from './inbox-on-binding.service';
import { InboxService } from './inbox.service';
import { PLANNER_OPTIONS, PlannerService } from './planner.service';
import type { PlannerOptions } from './planner.service';
import { PUSH_WORKER_OPTIONS, PushWorkerService } from './push-worker.service';
import type { PushWorkerOptions } from './push-worker.service';
import { ReminderAlertRepository } from './reminder-alert.repository';
import { ReminderCursorRepository } from './reminder-cursor.repository';
import {
  InboxController,
  StaffRemindersController,
  SubscriptionController,
} from './reminders.controller';
import { REMINDER_SCHEDULE, RemindersScheduler } from './reminders.scheduler';
import type { ReminderSchedule } from './reminders.scheduler';
import { StaffRemindersService } from './staff-reminders.service';
import { SubscriptionRepository } from './subscription.repository';
import { SUBSCRIPTION_OPTIONS, SubscriptionService } from './subscription.service';
import type { SubscriptionOptions } from './subscription.service';
import { WechatPushListenerService } from './wechat-push-listener.service';

// The reminder pipeline: planner, outbox, inbox, subscribe-message credits, the push worker and
// the staff view. WeChat itself (sending, the access token, its message push) is WechatModule's;
// this module uses its sender and listens to its push. Relies on the global ScheduleModule
// (registered by PollModule).
@Module({
  imports: [
    LeaseModule,
    AuthModule,
    ApplicantModule,
    ApplicationModule,
    BindingModule,
    DomainEventModule,
    WechatModule,
    CalendarModule,
    FactPersistenceModule,
  ],
  controllers: [InboxController, SubscriptionController, StaffRemindersController],
  providers: [
    ReminderAlertRepository,
    InboxMessageRepository,
    SubscriptionRepository,
    ReminderCursorRepository,
    InboxService,
    SubscriptionService,
    StaffRemindersService,
    WechatPushListenerService,
    InboxOnBindingService,
    PlannerService,
    PushWorkerService,
    RemindersScheduler,
    {
      provide: PLANNER_OPTIONS,
      useFactory: (): PlannerOptions => ({
        holderId: newLeaseHolderId(),
        leaseTtlMs: 5 * 60_000,
        chunkSize: 5000,
      }),
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
    {
      provide: REMINDER_SCHEDULE,
      inject: [APP_CONFIG],
      useFactory: ({ reminders }: AppConfig): ReminderSchedule => ({
        planIntervalSeconds: reminders.planIntervalSeconds,
        pushIntervalSeconds: reminders.pushIntervalSeconds,
      }),
    },
  ],
  exports: [PlannerService, PushWorkerService, ReminderAlertRepository, InboxMessageRepository],
})
export class RemindersModule {}
