import { Module } from '@nestjs/common';

import { AuditModule } from '../../common/audit/audit.module';
import { ApplicationModule } from '../application/application.module';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { NoticeModule } from '../notice/notice.module';
import { RemindersModule } from '../reminders/reminders.module';
import { NoticeParameterRepository } from './notice-parameter.repository';
import { NoticePublicationController } from './notice-publication.controller';
import { NoticePublicationService } from './notice-publication.service';
import { NoticeWriter } from './notice-writer.service';

// The office's side of a year's notice: draft, confirm, publish, correct, withdraw. Publishing
// re-plans the reminders of the notice's applications (RemindersModule's planner) and tells the
// publication's listeners (CalendarModule's NoticePublicationEvents); the public notice row is
// NoticeModule's.
@Module({
  imports: [
    AuditModule,
    ApplicationModule,
    AuthModule,
    CalendarModule,
    NoticeModule,
    RemindersModule,
  ],
  controllers: [NoticePublicationController],
  providers: [NoticeParameterRepository, NoticeWriter, NoticePublicationService],
})
export class NoticePublicationModule {}
