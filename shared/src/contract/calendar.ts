import type { CalendarEventKind, EvaluationRoute } from '../calendar/calendar.type';

export interface CalendarEventResponse {
  id: string;
  kind: CalendarEventKind;
  title: string;
  // ISO instants (UTC, `Z`); null when the notice gives only an end.
  startsAt: string | null;
  endsAt: string;
  section: string;
  wording: string;
  interpretation: string | null;
}

export interface CalendarYearResponse {
  year: number;
  route: EvaluationRoute;
  region: string;
  title: string;
  noticeDocumentNumber: string;
  events: CalendarEventResponse[];
}

export interface CalendarYearSummary {
  year: number;
  route: EvaluationRoute;
  title: string;
}

export interface CalendarListResponse {
  items: CalendarYearSummary[];
}
