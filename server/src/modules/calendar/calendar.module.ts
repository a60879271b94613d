import { Module } from '@nestjs/common';

import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { NoticePublicationEvents } from './notice-publication-events.service';
import { PublishedReadCache } from './published-read-cache.service';
import { NoticeYearRegistry } from './notice-year-registry.service';

// The published notices' rules (NoticeYearRegistry) are read by every module that judges an
// application (progress, reminders, the mirror, the first screen…), and the publication events are
// listened to by others; none of them has to know where calendars are stored.
@Module({
  controllers: [CalendarController],
  providers: [
    CalendarRepository,
    CalendarService,
    NoticePublicationEvents,
    NoticeYearRegistry,
    PublishedReadCache,
  ],
  exports: [
    CalendarService,
    CalendarRepository,
    NoticePublicationEvents,
    NoticeYearRegistry,
    PublishedReadCache,
  ],
})
export class CalendarModule {}
