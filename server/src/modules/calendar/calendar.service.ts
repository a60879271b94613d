import { Injectable, Logger } from '@nestjs/common';
import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import { ERROR_CODE } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { mapCalendarYear, mapCalendarYearSummary } from './calendar.dto';
import type { CalendarListResponseDto, CalendarYearResponseDto } from './calendar.dto';
import { CalendarRepository } from './calendar.repository';

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
}
