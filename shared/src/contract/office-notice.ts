import type { CalendarEventKind, EvaluationRoute } from '../calendar/calendar.type';
import type {
  DateReading,
  NoticeParameterName,
  NoticeParameterUnit,
} from '../notice-draft/notice-draft.type';

// A notice's life in the office: drafted from its text, each event and parameter confirmed by a
// person, published (applicants see it and reminders are planned), corrected after publishing
// (applicants are told what changed) or withdrawn. Nothing unconfirmed reaches applicants.
export const NOTICE_STATE = {
  DRAFT: 'draft',
  PUBLISHED: 'published',
  WITHDRAWN: 'withdrawn',
} as const;
export type NoticeState = (typeof NOTICE_STATE)[keyof typeof NOTICE_STATE];

export const OFFICE_NOTICE_LIMITS = {
  maxTitleLength: 300,
  maxDocumentNumberLength: 100,
  maxQuoteLength: 2000,
  maxNoteLength: 500,
  maxEvents: 20,
  maxParameters: 40,
} as const;

// One step of the calendar as the office confirms it. Instants are ISO 8601 with an offset
// (the console sends +08:00); endsAt is the first instant the step is over.
export interface OfficeNoticeEventInput {
  kind: CalendarEventKind;
  startsAt: string | null;
  endsAt: string;
  quote: string;
  reading: DateReading | null;
  isConfirmed: boolean;
}

export interface OfficeNoticeParameterInput {
  name: NoticeParameterName;
  value: number | string;
  unit: NoticeParameterUnit | null;
  quote: string | null;
  isConfirmed: boolean;
}

export interface CreateOfficeNoticeRequest {
  regionCode: string;
  year: number;
  route: EvaluationRoute;
  title: string;
  documentNumber: string;
  text: string;
  events: OfficeNoticeEventInput[];
  parameters: OfficeNoticeParameterInput[];
}

// A draft is replaced whole; a published notice changes only through a correction.
export type UpdateOfficeNoticeRequest = Omit<
  CreateOfficeNoticeRequest,
  'regionCode' | 'year' | 'route'
>;

export interface OfficeNoticeEventResponse extends OfficeNoticeEventInput {
  id: string;
}

export interface OfficeNoticeParameterResponse extends OfficeNoticeParameterInput {
  // Not stated by this notice: the value (and quote) of the region's previous notice.
  isInherited: boolean;
  inheritedFrom: { year: number; documentNumber: string } | null;
}

export interface OfficeNoticeSummary {
  id: string;
  regionCode: string;
  regionName: string;
  year: number;
  route: EvaluationRoute;
  state: NoticeState;
  title: string;
  documentNumber: string;
  publishedAt: string | null;
  updatedAt: string;
  // Bumped by every publish, correction and withdrawal.
  version: number;
}

export interface OfficeNoticeResponse extends OfficeNoticeSummary {
  text: string;
  events: OfficeNoticeEventResponse[];
  parameters: OfficeNoticeParameterResponse[];
}

export interface OfficeNoticeListResponse {
  items: OfficeNoticeSummary[];
}

export interface OfficeNoticeEventCorrection {
  kind: CalendarEventKind;
  startsAt: string | null;
  endsAt: string;
}

export interface CorrectOfficeNoticeRequest {
  events: OfficeNoticeEventCorrection[];
  // Shown to each affected applicant beside old → new.
  note: string;
}

export interface WithdrawOfficeNoticeRequest {
  note: string;
}

export interface PublishOfficeNoticeResponse {
  notice: OfficeNoticeResponse;
  // Open applications of the region, year and route whose alerts were planned.
  applications: number;
  plannedAlerts: number;
  // People who asked to be told when this region's notice is out.
  notifiedWatchers: number;
}

export interface CorrectOfficeNoticeResponse {
  notice: OfficeNoticeResponse;
  withdrawnAlerts: number;
  plannedAlerts: number;
  informedApplicants: number;
}

export interface WithdrawOfficeNoticeResponse {
  notice: OfficeNoticeResponse;
  withdrawnAlerts: number;
}
