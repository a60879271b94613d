import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { RemindersModule } from '../reminders/reminders.module';
import { NoticeWatchController } from './notice-watch.controller';
import { NoticeWatchRepository } from './notice-watch.repository';
import { NoticeWatchService } from './notice-watch.service';

// "通知发布时提醒我". Writes its alerts and inbox messages through the reminder pipeline's
// repositories, so the push worker sends them as any other.
@Module({
  imports: [AuthModule, CalendarModule, RemindersModule],
  controllers: [NoticeWatchController],
  providers: [NoticeWatchRepository, NoticeWatchService],
})
export class NoticeWatchModule {}
