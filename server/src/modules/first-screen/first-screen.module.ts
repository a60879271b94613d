import { Module } from '@nestjs/common';

import { CalendarModule } from '../calendar/calendar.module';
import { NoticeModule } from '../notice/notice.module';
import { FirstScreenController } from './first-screen.controller';
import { FirstScreenService } from './first-screen.service';

@Module({
  imports: [CalendarModule, NoticeModule],
  controllers: [FirstScreenController],
  providers: [FirstScreenService],
})
export class FirstScreenModule {}
