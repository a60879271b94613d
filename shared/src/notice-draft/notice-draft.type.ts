import type { CalendarEventKind } from '../calendar/calendar.type';

// How a date's wording was read; the reviewer sees it next to the quote, so a reading the
// house would not choose is visible before the draft becomes a calendar.
export const DATE_READING = {
  // "9月30日之前" / "11月30日前": the step ends when that day begins.
  STRICT_BEFORE: 'strict_before',
  // "截止时间为8月30日", "8月10日—9月10日", "（含当日）": the last day still counts.
  INCLUSIVE: 'inclusive',
  // "11月底前": the last day of the month counts.
  END_OF_MONTH: 'end_of_month',
  // "2023年12月": the whole month.
  WHOLE_MONTH: 'whole_month',
  // "10月11日10:00至11月4日18:00止": the clock times written.
  EXPLICIT_TIME: 'explicit_time',
  // "7月20日起" with no end in the sentence.
  START_ONLY: 'start_only',
  // A lone day with no qualifier: that one day.
  SINGLE_DAY: 'single_day',
} as const;
export type DateReading = (typeof DATE_READING)[keyof typeof DATE_READING];

export const NOTICE_PARAMETER_NAME = {
  FEE_FULL_SENIOR: 'fee_full_senior',
  FEE_DEPUTY_SENIOR: 'fee_deputy_senior',
  FEE_SENIOR: 'fee_senior',
  FEE_INTERMEDIATE: 'fee_intermediate',
  FEE_PRIMARY: 'fee_primary',
  FEE_ASSISTANT: 'fee_assistant',
  FEE_TECHNICIAN: 'fee_technician',
  REVISION_WINDOW: 'revision_window',
  MAX_SUBMISSIONS: 'max_submissions',
  CONTINUING_EDUCATION_HOURS: 'continuing_education_hours',
  CONTINUING_EDUCATION_PROFESSIONAL_HOURS: 'continuing_education_professional_hours',
  CONTINUING_EDUCATION_PUBLIC_HOURS: 'continuing_education_public_hours',
  PUBLICITY_WORKING_DAYS: 'publicity_working_days',
  PLATFORM_URL: 'platform_url',
  REFERENCE_URL: 'reference_url',
  ISSUED_ON: 'issued_on',
} as const;
export type NoticeParameterName =
  (typeof NOTICE_PARAMETER_NAME)[keyof typeof NOTICE_PARAMETER_NAME];

export const NOTICE_PARAMETER_UNIT = {
  YUAN: 'yuan',
  DAY: 'day',
  WORKING_DAY: 'working_day',
  SUBMISSION: 'submission',
  HOUR: 'hour',
} as const;
export type NoticeParameterUnit =
  (typeof NOTICE_PARAMETER_UNIT)[keyof typeof NOTICE_PARAMETER_UNIT];

export const DRAFT_WARNING_REASON = {
  // 上旬/中旬/下旬, "左右": a period, not a date; never turned into instants.
  VAGUE_DATE: 'vague_date',
  // "另行通知", "时间为准", "协商后确定": the date lives in another document.
  TO_BE_ANNOUNCED: 'to_be_announced',
  // A date whose step matches no calendar kind (e.g. 事前备案, an office task).
  UNKNOWN_STEP: 'unknown_step',
  // The end of a window falls before its start, so one of them was misread.
  INCONSISTENT_RANGE: 'inconsistent_range',
} as const;
export type DraftWarningReason = (typeof DRAFT_WARNING_REASON)[keyof typeof DRAFT_WARNING_REASON];

export interface DraftNoticeOptions {
  // The notice year; dates without a year take it until the text writes another one.
  year: number;
}

export interface DraftEvent {
  kind: CalendarEventKind;
  startsAt: string | null; // ISO 8601 with +08:00
  endsAt: string | null; // ISO 8601 with +08:00, the first instant the step is over
  quote: string;
  reading: DateReading;
}

export interface DraftParameter {
  name: NoticeParameterName;
  value: number | string;
  unit: NoticeParameterUnit | null;
  quote: string;
}

export interface DraftWarning {
  quote: string;
  reason: DraftWarningReason;
}

export interface NoticeCalendarDraft {
  events: DraftEvent[];
  parameters: DraftParameter[];
  warnings: DraftWarning[];
}
