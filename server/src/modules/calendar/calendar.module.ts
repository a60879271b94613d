import { Module } from '@nestjs/common';

import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { NoticePublicationEvents } from './notice-publication-events.service';

@Module({
  controllers: [CalendarController],
  providers: [CalendarRepository, CalendarService, NoticePublicationEvents],
  exports: [CalendarService, CalendarRepository, NoticePublicationEvents],
})
export class CalendarModule {}
