import type { CalendarEventKind, EvaluationRoute } from '../calendar/calendar.type';
import type { NoticeRules } from '../calendar/notice-rules.type';

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
  // GB/T 2260 code of the region whose notice this is ('65' for the autonomous region).
  regionCode: string;
  region: string;
  title: string;
  noticeDocumentNumber: string;
  events: CalendarEventResponse[];
  // The published notice's parameters (fees, windows, hours…), what the to-do list reads.
  rules: NoticeRules;
  // Bumped by every correction after publishing.
  version: number;
  publishedAt: string | null;
}

export interface CalendarYearSummary {
  year: number;
  route: EvaluationRoute;
  regionCode: string;
  title: string;
}

export interface CalendarListResponse {
  items: CalendarYearSummary[];
}

// The round an applicant should look at: this year's notice of a region if published, else the
// latest one before it, labelled as such.
export interface CalendarRoundQuery {
  regionCode: string;
  // The year the applicant is in (their clock's Beijing year, or their application's year).
  year: number;
  route?: EvaluationRoute;
}

export interface CalendarRoundResponse {
  regionCode: string;
  regionName: string;
  year: number;
  route: EvaluationRoute;
  isPublished: boolean;
  // This year's calendar when published.
  calendar: CalendarYearResponse | null;
  // When this year's is not out: the latest published year before it, shown as last year's.
  previous: CalendarYearResponse | null;
}

// "通知发布时提醒我": a signed-in applicant asks to be told when a region's notice for a year
// is published (subscribe message + inbox).
export interface NoticeWatchRequest {
  regionCode: string;
  year: number;
}

export interface NoticeWatchResponse {
  regionCode: string;
  year: number;
  createdAt: string;
  notifiedAt: string | null;
}

export interface NoticeWatchListResponse {
  items: NoticeWatchResponse[];
}
