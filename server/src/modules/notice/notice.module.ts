import { Module } from '@nestjs/common';

import { CalendarModule } from '../calendar/calendar.module';
import { NoticeController } from './notice.controller';
import { NoticeRepository } from './notice.repository';
import { NoticeService } from './notice.service';

@Module({
  imports: [CalendarModule],
  controllers: [NoticeController],
  providers: [NoticeRepository, NoticeService],
  exports: [NoticeService, NoticeRepository],
})
export class NoticeModule {}
