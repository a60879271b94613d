import { API_ROUTES } from '@titletrack/shared/contract';
import type { CalendarListResponse, CalendarYearResponse } from '@titletrack/shared/contract';

import { http } from './http';

export const getCalendar = (year: number): Promise<CalendarYearResponse> =>
  http.get(API_ROUTES.calendar(year));

export const getCalendars = (): Promise<CalendarListResponse> => http.get(API_ROUTES.calendars);
