import { Injectable, Logger } from '@nestjs/common';

import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import { ERROR_CODE } from '@titletrack/shared/contract';
import { formatDeadline, formatInstant } from '@titletrack/shared/domain';

import { AppException } from '../../common/app.exception';
import { mapCalendarYear, mapCalendarYearSummary } from './calendar.dto';
import type { CalendarListResponseDto, CalendarYearResponseDto } from './calendar.dto';
import { CalendarRepository } from './calendar.repository';
import { buildIcs } from './ics.util';

@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);

  constructor(private readonly calendarRepository: CalendarRepository) {}

  async getAll(): Promise<CalendarListResponseDto> {
    const years = await this.calendarRepository.getAll();
    return { items: years.map(mapCalendarYearSummary) };
  }

  async get(
    year: number,
    route: EvaluationRoute = EVALUATION_ROUTE.PREFECTURE_DIRECTED,
  ): Promise<CalendarYearResponseDto> {
    const calendar = await this.calendarRepository.getByYearAndRoute(year, route);
    if (!calendar) {
      this.logger.debug(`No calendar for ${year} ${route}`);
      throw new AppException(ERROR_CODE.CALENDAR_NOT_FOUND, 'Calendar not found');
    }
    return mapCalendarYear(calendar);
  }

  // The year's steps as an iCalendar file, each with a reminder a day before it closes.
  async getIcs(
    year: number,
    route: EvaluationRoute = EVALUATION_ROUTE.PREFECTURE_DIRECTED,
  ): Promise<string> {
    const calendar = await this.get(year, route);
    const events = calendar.events.map((event) => ({
      uid: `calendar-${calendar.year}-${calendar.route}-${event.kind}@titletrack`,
      summary: `${event.title}（${calendar.noticeDocumentNumber}）`,
      description: [
        event.startsAt ? `开始：${formatInstant(event.startsAt)}` : null,
        `截止：${formatDeadline(event.endsAt)}`,
        `依据：通知第${event.section}条 ${event.wording}`,
        event.interpretation ? `说明：${event.interpretation}` : null,
      ]
        .filter((line): line is string => line !== null)
        .join('\n'),
      startsAt: event.startsAt ? new Date(event.startsAt) : null,
      endsAt: new Date(event.endsAt),
      alarmMinutesBefore: 24 * 60,
    }));
    return buildIcs(calendar.title, events, new Date());
  }
}
