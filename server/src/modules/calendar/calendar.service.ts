import { Injectable, Logger } from '@nestjs/common';

import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import { ERROR_CODE } from '@titletrack/shared/contract';
import { formatDeadline, formatInstant } from '@titletrack/shared/domain';
import { findRegion, HOTAN_REGION_CODE, noticeRegionFor } from '@titletrack/shared/region';
import type { Region } from '@titletrack/shared/region';

import { AppException } from '../../common/app.exception';
import { mapCalendarYear, mapCalendarYearSummary } from './calendar.dto';
import type {
  CalendarListResponseDto,
  CalendarRoundResponseDto,
  CalendarYearResponseDto,
} from './calendar.dto';
import { CalendarRepository } from './calendar.repository';
import { buildIcs } from './ics.util';

// Applicants see published calendars only: a draft is unchecked, a withdrawn one no longer holds.
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);

  constructor(private readonly calendarRepository: CalendarRepository) {}

  async getAll(): Promise<CalendarListResponseDto> {
    const years = await this.calendarRepository.getAllPublished();
    return { items: years.map(mapCalendarYearSummary) };
  }

  async get(
    year: number,
    route: EvaluationRoute = EVALUATION_ROUTE.PREFECTURE_DIRECTED,
    regionCode: string = HOTAN_REGION_CODE,
  ): Promise<CalendarYearResponseDto> {
    const region = this.noticeRegionOrFail(regionCode, route);
    const calendar = await this.calendarRepository.getPublished(region.code, year, route);
    if (!calendar) {
      this.logger.debug(`No published calendar for ${regionCode} ${year} ${route}`);
      throw new AppException(ERROR_CODE.CALENDAR_NOT_FOUND, 'Calendar not found');
    }
    return mapCalendarYear(calendar);
  }

  // This year's published calendar of a region, else the latest published one before it.
  async getRound(
    regionCode: string,
    year: number,
    route: EvaluationRoute = EVALUATION_ROUTE.PREFECTURE_DIRECTED,
  ): Promise<CalendarRoundResponseDto> {
    const region = this.noticeRegionOrFail(regionCode, route);
    const current = await this.calendarRepository.getPublished(region.code, year, route);
    const previous = current
      ? null
      : await this.calendarRepository.getLatestPublishedBefore(region.code, year, route);
    return {
      regionCode: region.code,
      regionName: region.name,
      year,
      route,
      isPublished: current !== null,
      calendar: current ? mapCalendarYear(current) : null,
      previous: previous ? mapCalendarYear(previous) : null,
    };
  }

  // The year's steps as an iCalendar file, each with a reminder a day before it closes.
  async getIcs(
    year: number,
    route: EvaluationRoute = EVALUATION_ROUTE.PREFECTURE_DIRECTED,
    regionCode: string = HOTAN_REGION_CODE,
  ): Promise<string> {
    const calendar = await this.get(year, route, regionCode);
    // Hotan's uids stay as they were before notices had regions, so phones that imported the
    // file then update the same entries.
    const uidPrefix =
      calendar.regionCode === HOTAN_REGION_CODE
        ? `calendar-${calendar.year}-${calendar.route}`
        : `calendar-${calendar.regionCode}-${calendar.year}-${calendar.route}`;
    const events = calendar.events.map((event) => ({
      uid: `${uidPrefix}-${event.kind}@titletrack`,
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

  // The region whose notice governs a (region, route): a prefecture's applicants sent up to the
  // autonomous region follow the autonomous region's notice.
  private noticeRegionOrFail(regionCode: string, route: string): Region {
    const region = findRegion(regionCode) ? findRegion(noticeRegionFor(regionCode, route)) : null;
    if (region) return region;
    this.logger.debug(`Calendar asked for unknown region ${regionCode}`);
    throw new AppException(ERROR_CODE.REGION_UNKNOWN, 'Unknown region code');
  }
}
