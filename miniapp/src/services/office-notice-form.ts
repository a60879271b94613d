import { BEIJING_UTC_OFFSET_MINUTES, wallClock } from '@titletrack/shared/calendar';
import type { CalendarEventKind, EvaluationRoute } from '@titletrack/shared/calendar';
import { NOTICE_STATE } from '@titletrack/shared/contract';
import type {
  CreateOfficeNoticeRequest,
  NoticeDraftResponse,
  NoticeState,
  OfficeNoticeEventCorrection,
  OfficeNoticeEventInput,
  OfficeNoticeParameterInput,
  OfficeNoticeResponse,
} from '@titletrack/shared/contract';
import type {
  DateReading,
  DraftWarningReason,
  NoticeParameterName,
  NoticeParameterUnit,
} from '@titletrack/shared/notice-draft';

// The notice editor's rows: what the office sees and edits, in Beijing wall-clock time, before
// they become the ISO instants of the API. Pure, so the rules are tested without a screen.

export interface EventRow {
  key: string;
  kind: CalendarEventKind;
  startDate: string; // YYYY-MM-DD, '' when the step has no start
  startTime: string; // HH:mm
  endDate: string; // YYYY-MM-DD, '' until someone types it (a "start only" reading)
  endTime: string; // HH:mm or 24:00 (the end of endDate, as notices write deadlines)
  quote: string;
  reading: DateReading | null;
  isConfirmed: boolean;
}

export interface ParameterRow {
  key: string;
  name: NoticeParameterName;
  value: string;
  isNumber: boolean;
  unit: NoticeParameterUnit | null;
  quote: string | null;
  isConfirmed: boolean;
  inheritedFrom: { year: number; documentNumber: string } | null;
}

export interface WarningRow {
  key: string;
  quote: string;
  reason: DraftWarningReason;
  // Resolved by hand: the office entered the date itself or decided the sentence needs none.
  isResolved: boolean;
}

export interface NoticeMeta {
  regionCode: string;
  year: number;
  route: EvaluationRoute;
  title: string;
  documentNumber: string;
  text: string;
}

export interface NoticeForm {
  meta: NoticeMeta;
  events: EventRow[];
  parameters: ParameterRow[];
  warnings: WarningRow[];
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{1,2}):(\d{2})$/;

/**
 * The wall clock in Beijing of an ISO instant; an end at midnight reads as 24:00 of the day
 * before, the way notices write deadlines.
 */
export function toBeijingWallClock(
  instant: string | null,
  isEnd: boolean,
): { date: string; time: string } {
  if (!instant) return { date: '', time: isEnd ? '24:00' : '00:00' };
  const parsed = new Date(instant);
  if (Number.isNaN(parsed.getTime())) return { date: '', time: isEnd ? '24:00' : '00:00' };
  return wallClock(parsed, BEIJING_UTC_OFFSET_MINUTES, isEnd);
}

/**
 * The ISO instant (+08:00) of a Beijing date and time, or null when either does not exist.
 * 24:00 is the start of the next day.
 *
 * @example beijingInstant('2026-08-30', '24:00') // '2026-08-31T00:00:00+08:00'
 */
export function beijingInstant(date: string, time: string): string | null {
  const dateMatch = DATE_PATTERN.exec(date.trim());
  const timeMatch = TIME_PATTERN.exec(time.trim());
  if (!dateMatch || !timeMatch) return null;
  const [, y, m, d] = dateMatch.map(Number) as [number, number, number, number];
  const hour = Number(timeMatch[1]);
  const minute = Number(timeMatch[2]);
  const isMidnightEnd = hour === 24 && minute === 0;
  if (minute > 59 || (hour > 23 && !isMidnightEnd)) return null;
  const day = new Date(Date.UTC(y, m - 1, d));
  // 2026-02-30 rolls over in Date.UTC: refuse it instead of moving the deadline.
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
    return null;
  }
  if (isMidnightEnd) day.setUTCDate(day.getUTCDate() + 1);
  const pad = (value: number): string => String(value).padStart(2, '0');
  const hh = isMidnightEnd ? 0 : hour;
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T${pad(hh)}:${pad(minute)}:00+08:00`;
}

export const EVENT_PROBLEM = {
  END_MISSING: 'end_missing',
  END_INVALID: 'end_invalid',
  START_INVALID: 'start_invalid',
  END_BEFORE_START: 'end_before_start',
} as const;
export type EventProblem = (typeof EVENT_PROBLEM)[keyof typeof EVENT_PROBLEM];

// What is wrong with a row's dates, or null when they make a window.
export function eventProblem(row: EventRow): EventProblem | null {
  if (!row.endDate.trim()) return EVENT_PROBLEM.END_MISSING;
  const endsAt = beijingInstant(row.endDate, row.endTime);
  if (!endsAt) return EVENT_PROBLEM.END_INVALID;
  if (!row.startDate.trim()) return null;
  const startsAt = beijingInstant(row.startDate, row.startTime);
  if (!startsAt) return EVENT_PROBLEM.START_INVALID;
  return Date.parse(endsAt) > Date.parse(startsAt) ? null : EVENT_PROBLEM.END_BEFORE_START;
}

let keySeed = 0;
const nextKey = (prefix: string): string => `${prefix}-${(keySeed += 1)}`;

function eventRow(
  event: {
    kind: CalendarEventKind;
    startsAt: string | null;
    endsAt: string | null;
    quote: string;
    reading: DateReading | null;
  },
  isConfirmed: boolean,
): EventRow {
  const start = toBeijingWallClock(event.startsAt, false);
  const end = toBeijingWallClock(event.endsAt, true);
  return {
    key: nextKey('event'),
    kind: event.kind,
    startDate: event.startsAt ? start.date : '',
    startTime: event.startsAt ? start.time : '00:00',
    endDate: end.date,
    endTime: end.time,
    quote: event.quote,
    reading: event.reading,
    isConfirmed,
  };
}

// A fresh draft: nothing is confirmed until a person has compared it with its quote.
export function formFromDraft(meta: NoticeMeta, draft: NoticeDraftResponse): NoticeForm {
  return {
    meta,
    events: draft.events.map((event) => eventRow(event, false)),
    parameters: draft.parameters.map((parameter) => ({
      key: nextKey('parameter'),
      name: parameter.name,
      value: String(parameter.value),
      isNumber: typeof parameter.value === 'number',
      unit: parameter.unit,
      quote: parameter.quote,
      isConfirmed: false,
      inheritedFrom: null,
    })),
    warnings: draft.warnings.map((warning) => ({
      key: nextKey('warning'),
      quote: warning.quote,
      reason: warning.reason,
      isResolved: false,
    })),
  };
}

// A stored notice as the editor shows it. Its draft warnings are not stored: they were
// resolved before it was saved.
export function formFromNotice(notice: OfficeNoticeResponse): NoticeForm {
  return {
    meta: {
      regionCode: notice.regionCode,
      year: notice.year,
      route: notice.route,
      title: notice.title,
      documentNumber: notice.documentNumber,
      text: notice.text,
    },
    events: notice.events.map((event) => eventRow(event, event.isConfirmed)),
    parameters: notice.parameters.map((parameter) => ({
      key: nextKey('parameter'),
      name: parameter.name,
      value: String(parameter.value),
      isNumber: typeof parameter.value === 'number',
      unit: parameter.unit,
      quote: parameter.quote,
      isConfirmed: parameter.isConfirmed,
      inheritedFrom: parameter.inheritedFrom,
    })),
    warnings: [],
  };
}

export function parameterValue(row: ParameterRow): number | string | null {
  const trimmed = row.value.trim();
  if (!trimmed) return null;
  if (!row.isNumber) return trimmed;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : null;
}

export function eventInput(row: EventRow): OfficeNoticeEventInput | null {
  if (eventProblem(row)) return null;
  const endsAt = beijingInstant(row.endDate, row.endTime);
  if (!endsAt) return null;
  return {
    kind: row.kind,
    startsAt: row.startDate.trim() ? beijingInstant(row.startDate, row.startTime) : null,
    endsAt,
    quote: row.quote,
    reading: row.reading,
    isConfirmed: row.isConfirmed,
  };
}

export const SAVE_PROBLEM = {
  TITLE_MISSING: 'title_missing',
  DOCUMENT_NUMBER_MISSING: 'document_number_missing',
  TEXT_MISSING: 'text_missing',
  EVENT_DATES: 'event_dates',
  PARAMETER_VALUE: 'parameter_value',
  PARAMETER_DUPLICATE: 'parameter_duplicate',
} as const;
export type SaveProblem = (typeof SAVE_PROBLEM)[keyof typeof SAVE_PROBLEM];

// Keys of the parameter rows whose name an earlier row already has: a notice states each
// parameter once (the server refuses a second), and the drafter may find one twice (two URLs).
export function duplicateParameterKeys(rows: ParameterRow[]): Set<string> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.name)) duplicates.add(row.key);
    seen.add(row.name);
  }
  return duplicates;
}

export type NoticeRequestResult =
  { request: CreateOfficeNoticeRequest; problems: [] } | { request: null; problems: SaveProblem[] };

// The request that stores the form, or what must be fixed first. A draft may be saved with
// unconfirmed rows, never with a date or value the server could not read.
export function toNoticeRequest(form: NoticeForm): NoticeRequestResult {
  const problems: SaveProblem[] = [];
  if (!form.meta.title.trim()) problems.push(SAVE_PROBLEM.TITLE_MISSING);
  if (!form.meta.documentNumber.trim()) problems.push(SAVE_PROBLEM.DOCUMENT_NUMBER_MISSING);
  if (!form.meta.text.trim()) problems.push(SAVE_PROBLEM.TEXT_MISSING);
  const events = form.events.map(eventInput);
  if (events.some((event) => event === null)) problems.push(SAVE_PROBLEM.EVENT_DATES);
  const parameters = form.parameters.map((row): OfficeNoticeParameterInput | null => {
    const value = parameterValue(row);
    return value === null
      ? null
      : { name: row.name, value, unit: row.unit, quote: row.quote, isConfirmed: row.isConfirmed };
  });
  if (parameters.some((parameter) => parameter === null)) {
    problems.push(SAVE_PROBLEM.PARAMETER_VALUE);
  }
  if (duplicateParameterKeys(form.parameters).size > 0) {
    problems.push(SAVE_PROBLEM.PARAMETER_DUPLICATE);
  }
  if (problems.length > 0) return { request: null, problems };
  return {
    request: {
      regionCode: form.meta.regionCode,
      year: form.meta.year,
      route: form.meta.route,
      title: form.meta.title.trim(),
      documentNumber: form.meta.documentNumber.trim(),
      text: form.meta.text,
      events: events as OfficeNoticeEventInput[],
      parameters: parameters as OfficeNoticeParameterInput[],
    },
    problems: [],
  };
}

export const PUBLISH_BLOCKER = {
  NOT_SAVED: 'not_saved',
  UNSAVED_CHANGES: 'unsaved_changes',
  NOT_DRAFT: 'not_draft',
  NO_EVENTS: 'no_events',
  EVENT_UNCONFIRMED: 'event_unconfirmed',
  EVENT_DATES: 'event_dates',
  PARAMETER_UNCONFIRMED: 'parameter_unconfirmed',
  WARNING_OPEN: 'warning_open',
} as const;
export type PublishBlockerKind = (typeof PUBLISH_BLOCKER)[keyof typeof PUBLISH_BLOCKER];

export interface PublishBlocker {
  kind: PublishBlockerKind;
  count: number;
}

export interface PublishContext {
  // The stored notice's state, null before the first save.
  savedState: NoticeState | null;
  isDirty: boolean;
}

/**
 * Why the notice cannot be published yet; empty when it can. Mirrors the server's rule
 * (NOTICE_UNCONFIRMED) and adds what only the console knows: unsaved edits and open warnings.
 */
export function publishBlockers(form: NoticeForm, context: PublishContext): PublishBlocker[] {
  const blockers: PublishBlocker[] = [];
  const add = (kind: PublishBlockerKind, count = 1): void => {
    if (count > 0) blockers.push({ kind, count });
  };
  if (context.savedState === null) add(PUBLISH_BLOCKER.NOT_SAVED);
  else if (context.savedState !== NOTICE_STATE.DRAFT) add(PUBLISH_BLOCKER.NOT_DRAFT);
  if (context.isDirty && context.savedState !== null) add(PUBLISH_BLOCKER.UNSAVED_CHANGES);
  if (form.events.length === 0) add(PUBLISH_BLOCKER.NO_EVENTS);
  add(PUBLISH_BLOCKER.EVENT_UNCONFIRMED, form.events.filter((row) => !row.isConfirmed).length);
  add(PUBLISH_BLOCKER.EVENT_DATES, form.events.filter((row) => eventProblem(row) !== null).length);
  add(
    PUBLISH_BLOCKER.PARAMETER_UNCONFIRMED,
    form.parameters.filter((row) => !row.isConfirmed).length,
  );
  add(PUBLISH_BLOCKER.WARNING_OPEN, form.warnings.filter((row) => !row.isResolved).length);
  return blockers;
}

export const canPublish = (form: NoticeForm, context: PublishContext): boolean =>
  publishBlockers(form, context).length === 0;

export interface EventChange {
  kind: CalendarEventKind;
  before: { startsAt: string | null; endsAt: string };
  after: OfficeNoticeEventCorrection;
}

// The steps of a published notice whose dates the office changed, old and new, for the
// correction request and for the "old → new" check before it is sent. Rows whose new dates do
// not make a window are left out; the editor shows their problem.
export function eventChanges(
  published: OfficeNoticeResponse['events'],
  rows: EventRow[],
): EventChange[] {
  return rows.flatMap((row): EventChange[] => {
    const before = published.find((event) => event.kind === row.kind);
    const after = eventInput(row);
    if (!before || !after) return [];
    const isSame =
      Date.parse(before.endsAt) === Date.parse(after.endsAt) &&
      (before.startsAt === null
        ? after.startsAt === null
        : after.startsAt !== null && Date.parse(before.startsAt) === Date.parse(after.startsAt));
    return isSame
      ? []
      : [
          {
            kind: row.kind,
            before: { startsAt: before.startsAt, endsAt: before.endsAt },
            after: { kind: row.kind, startsAt: after.startsAt, endsAt: after.endsAt },
          },
        ];
  });
}

// "2026-08-30 24:00" in Beijing time, for the office's tables.
export function formatBeijing(instant: string | null, isEnd: boolean): string {
  if (!instant) return '—';
  const { date, time } = toBeijingWallClock(instant, isEnd);
  return date ? `${date} ${time}` : '—';
}
