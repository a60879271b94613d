import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  CalendarListResponse,
  CalendarRoundQuery,
  CalendarRoundResponse,
  CalendarYearResponse,
} from '@titletrack/shared/contract';

import { http } from './http';

export interface NoticeCalendarQuery {
  year: number;
  regionCode: string;
  route: string;
}

// A region's published notice of a year for a route: its calendar and its rules.
export const getCalendar = ({
  year,
  regionCode,
  route,
}: NoticeCalendarQuery): Promise<CalendarYearResponse> =>
  http.get(API_ROUTES.calendar(year), { regionCode, route });

export const getCalendars = (): Promise<CalendarListResponse> => http.get(API_ROUTES.calendars);

// This year's notice of a region if it is out, else the latest one before it.
export const getCalendarRound = ({
  regionCode,
  year,
  route,
}: CalendarRoundQuery): Promise<CalendarRoundResponse> =>
  http.get(API_ROUTES.calendarRound, route ? { regionCode, year, route } : { regionCode, year });
