import { CALENDAR_EVENT_KIND } from '../calendar/calendar.type';
import type { CalendarEventKind } from '../calendar/calendar.type';
import type { NoticeYear } from '../calendar/notice-rules.type';
import { APPLICATION_STATUS } from './application-status';
import type { ApplicationStatus } from './application-status';
import type { Application, GrassrootsService, LevelTier, RuleId } from './application.type';
import { assertUnreachable } from './assert-unreachable';
import { eventWindow } from './notice-year';
import { OBLIGATION_KIND, deriveObligations } from './obligations';
import type { Obligation } from './obligations';

// The moments an applicant must be told of (DOMAIN.md). alertsDue says which alerts should exist
// now: the obligations of deriveObligations (shared with the to-do list) with lead times and keys
// on top, plus the outcomes, which are news rather than obligations. The server's reminder
// pipeline sends those whose dedupeKey it has not sent yet, and holds pushes in quiet hours. A
// key is `${applicationId}:${kind}:${discriminator}`: the same facts always give the same key, a
// new fact (a second return, a rescheduled defence) gives a new one, and the reminder before a
// deadline has another kind than the alert at the change, hence another key.

export const ALERT_KIND = {
  APPLICATION_WINDOW_CLOSING: 'application_window_closing',
  CONTINUING_EDUCATION_SHORT: 'continuing_education_short',
  APPLICATION_RETURNED: 'application_returned',
  REVISION_DEADLINE_APPROACHING: 'revision_deadline_approaching',
  APPLICATION_NOT_ACCEPTED: 'application_not_accepted',
  FEE_DUE: 'fee_due',
  FEE_DEADLINE_APPROACHING: 'fee_deadline_approaching',
  PAPER_MATERIALS_DUE: 'paper_materials_due',
  PAPER_MATERIALS_DEADLINE_APPROACHING: 'paper_materials_deadline_approaching',
  DEFENCE_SCHEDULED: 'defence_scheduled',
  DEFENCE_APPROACHING: 'defence_approaching',
  DEFENCE_EXEMPT: 'defence_exempt',
  EVALUATION_MEETING_APPROACHING: 'evaluation_meeting_approaching',
  PUBLICITY_STARTED: 'publicity_started',
  PUBLICITY_ENDING: 'publicity_ending',
  EVALUATION_RESULT: 'evaluation_result',
  QUALIFICATION_DOCUMENT_ISSUED: 'qualification_document_issued',
  CERTIFICATE_READY: 'certificate_ready',
  // Told by the office's actions rather than by alertsDue: a date the office corrected after
  // publishing, and a notice published for a region someone asked to hear about.
  CALENDAR_DATE_CHANGED: 'calendar_date_changed',
  NOTICE_PUBLISHED: 'notice_published',
} as const;
export type AlertKind = (typeof ALERT_KIND)[keyof typeof ALERT_KIND];

interface RevisionData {
  returnedAt: string;
  revisionDeadline: string;
  submissionsUsed: number;
  submissionsLeft: number;
}
interface FeeData {
  amountCny: number;
  tier: LevelTier;
  deadline: string | null;
}
interface PublicityData {
  startsOn: string | null;
  endsOn: string | null;
}

// What a message needs, per kind: JSON-safe (ISO strings, numbers) so it can sit in an outbox.
export interface AlertDataByKind {
  application_window_closing: { closesAt: string };
  continuing_education_short: {
    year: number;
    totalHours: number;
    professionalHours: number;
    totalShortBy: number;
    professionalShortBy: number;
  };
  application_returned: RevisionData;
  revision_deadline_approaching: RevisionData;
  application_not_accepted: { statusChangedAt: string };
  fee_due: FeeData;
  fee_deadline_approaching: FeeData;
  paper_materials_due: { deadline: string };
  paper_materials_deadline_approaching: { deadline: string };
  defence_scheduled: { scheduledAt: string };
  defence_approaching: { scheduledAt: string };
  defence_exempt: { service: GrassrootsService; scoring: 'specialty_average' };
  evaluation_meeting_approaching: { meetingOn: string | null; startsAt: string };
  publicity_started: PublicityData;
  publicity_ending: PublicityData;
  evaluation_result: { isPassed: boolean };
  qualification_document_issued: { issuedOn: string | null };
  certificate_ready: { certificateIssuedAt: string | null };
  calendar_date_changed: {
    regionCode: string;
    year: number;
    documentNumber: string;
    eventKind: CalendarEventKind;
    oldStartsAt: string | null;
    oldEndsAt: string;
    newStartsAt: string | null;
    newEndsAt: string;
    note: string;
  };
  notice_published: {
    regionCode: string;
    regionName: string;
    year: number;
    title: string;
    documentNumber: string;
  };
}

export type Alert = {
  [K in AlertKind]: {
    dedupeKey: string;
    applicationId: string;
    kind: K;
    ruleId: RuleId;
    section: string;
    deadline: Date | null; // the deadline the alert is about, if any
    data: AlertDataByKind[K];
  };
}[AlertKind];

const HOUR_MS = 3_600_000;

const iso = (ms: number): string => new Date(ms).toISOString();

interface Collector {
  alerts: Alert[];
  application: Application;
  nowMs: number;
  year: NoticeYear;
  alreadySent: ReadonlySet<string>;
}

// What an alert takes from what it is about: an obligation, or an outcome.
type Source = Pick<Obligation, 'ruleId' | 'section' | 'deadlineMs'>;

function emit<K extends AlertKind>(
  c: Collector,
  source: Source,
  kind: K,
  discriminator: string | number,
  // Built only when the alert is actually new, to keep a tick over every application cheap.
  data: () => AlertDataByKind[K],
): void {
  const dedupeKey = `${c.application.id}:${kind}:${discriminator}`;
  if (c.alreadySent.has(dedupeKey)) return;
  c.alerts.push({
    dedupeKey,
    applicationId: c.application.id,
    kind,
    ruleId: source.ruleId,
    section: source.section,
    deadline: source.deadlineMs === null ? null : new Date(source.deadlineMs),
    data: data(),
  } as Alert);
}

// Is `now` in [at − lead, at)?
function isWithinLead(nowMs: number, atMs: number | null, leadHours: number): atMs is number {
  return atMs !== null && nowMs < atMs && nowMs >= atMs - leadHours * HOUR_MS;
}

// A status-change alert with no deadline of its own stays due for a while after the change, so
// a pipeline that was down catches up, but an old application first imported does not spam.
function isFresh(c: Collector): boolean {
  const changedMs = Date.parse(c.application.statusChangedAt);
  const freshMs = c.year.rules.alerts.statusAlertFreshForHours * HOUR_MS;
  return Number.isNaN(changedMs) || c.nowMs < changedMs + freshMs;
}

// An obligation is told once while its deadline is ahead, and again within the lead time before
// it, under another kind and so another key.
function obligationAlerts(c: Collector, o: Obligation): void {
  const { application, nowMs } = c;
  const lead = c.year.rules.alerts;
  const { deadlineMs } = o;
  const isAhead = deadlineMs !== null && nowMs < deadlineMs;
  switch (o.kind) {
    case OBLIGATION_KIND.SUBMIT_APPLICATION:
      if (isWithinLead(nowMs, deadlineMs, lead.applicationWindowLeadHours)) {
        const closesAt = iso(deadlineMs);
        emit(c, o, ALERT_KIND.APPLICATION_WINDOW_CLOSING, closesAt, () => ({ closesAt }));
      }
      return;
    case OBLIGATION_KIND.COMPLETE_CONTINUING_EDUCATION:
      if (isAhead) emit(c, o, ALERT_KIND.CONTINUING_EDUCATION_SHORT, o.data.year, () => o.data);
      return;
    case OBLIGATION_KIND.REVISE_APPLICATION: {
      if (!isAhead) return;
      // Keyed by the return itself: a second return is a new fact with new keys.
      const returnedAt = iso(Date.parse(o.data.returnedAt));
      const { submissionsUsed, submissionsLeft } = o.data;
      const data = (): RevisionData => ({
        returnedAt,
        revisionDeadline: iso(deadlineMs),
        submissionsUsed,
        submissionsLeft,
      });
      emit(c, o, ALERT_KIND.APPLICATION_RETURNED, returnedAt, data);
      if (isWithinLead(nowMs, deadlineMs, lead.revisionLeadHours)) {
        emit(c, o, ALERT_KIND.REVISION_DEADLINE_APPROACHING, returnedAt, data);
      }
      return;
    }
    case OBLIGATION_KIND.PAY_FEE: {
      // Told even when the calendar gives no deadline: the fee is owed all the same.
      if (deadlineMs !== null && !isAhead) return;
      const { amountCny, tier } = o.data;
      const deadline = deadlineMs === null ? null : iso(deadlineMs);
      const data = (): FeeData => ({ amountCny, tier, deadline });
      emit(c, o, ALERT_KIND.FEE_DUE, application.year, data);
      if (deadline !== null && isWithinLead(nowMs, deadlineMs, lead.feeLeadHours)) {
        emit(c, o, ALERT_KIND.FEE_DEADLINE_APPROACHING, deadline, data);
      }
      return;
    }
    case OBLIGATION_KIND.SEND_PAPER_MATERIALS: {
      if (!isAhead) return;
      const deadline = iso(deadlineMs);
      emit(c, o, ALERT_KIND.PAPER_MATERIALS_DUE, application.year, () => ({ deadline }));
      if (isWithinLead(nowMs, deadlineMs, lead.paperMaterialsLeadHours)) {
        const kind = ALERT_KIND.PAPER_MATERIALS_DEADLINE_APPROACHING;
        emit(c, o, kind, deadline, () => ({ deadline }));
      }
      return;
    }
    case OBLIGATION_KIND.NOTE_DEFENCE_EXEMPTION:
      emit(c, o, ALERT_KIND.DEFENCE_EXEMPT, application.year, () => o.data);
      return;
    case OBLIGATION_KIND.PREPARE_DEFENCE: {
      if (!isAhead) return;
      // Keyed by the time: a rescheduled defence is told again.
      const scheduledAt = iso(deadlineMs);
      emit(c, o, ALERT_KIND.DEFENCE_SCHEDULED, scheduledAt, () => ({ scheduledAt }));
      if (isWithinLead(nowMs, deadlineMs, lead.defenceLeadHours)) {
        emit(c, o, ALERT_KIND.DEFENCE_APPROACHING, scheduledAt, () => ({ scheduledAt }));
      }
      return;
    }
    case OBLIGATION_KIND.WATCH_EVALUATION_MEETING: {
      // Led up to the start of the meeting, the time the message names; the to-do watches until
      // its end.
      const startsMs = o.startsAtMs;
      if (!isWithinLead(nowMs, startsMs, lead.meetingLeadHours)) return;
      const startsAt = iso(startsMs);
      const { meetingOn } = o.data;
      const source = { ...o, deadlineMs: startsMs };
      const kind = ALERT_KIND.EVALUATION_MEETING_APPROACHING;
      emit(c, source, kind, meetingOn ?? startsAt, () => ({ meetingOn, startsAt }));
      return;
    }
    case OBLIGATION_KIND.WATCH_PUBLICITY: {
      const { startsOn, endsOn } = o.data;
      const data = (): PublicityData => ({ startsOn, endsOn });
      // One publicity per application: the start is keyed by year, so dates filled in later do
      // not trigger it again.
      if (deadlineMs === null ? isFresh(c) : isAhead) {
        emit(c, o, ALERT_KIND.PUBLICITY_STARTED, application.year, data);
      }
      if (endsOn !== null && isWithinLead(nowMs, deadlineMs, lead.publicityEndLeadHours)) {
        emit(c, o, ALERT_KIND.PUBLICITY_ENDING, endsOn, data);
      }
      return;
    }
    case OBLIGATION_KIND.WATCH_EMPLOYER_PUBLICITY:
    case OBLIGATION_KIND.AWAIT_REVIEW:
    case OBLIGATION_KIND.AWAIT_QUALIFICATION_DOCUMENT:
    case OBLIGATION_KIND.AWAIT_CERTIFICATE:
    case OBLIGATION_KIND.DOWNLOAD_CERTIFICATE:
      // Shown in the to-do list only; the outcomes that lead to the last three are told as news.
      return;
    default:
      assertUnreachable(o);
  }
}

const OUTCOMES = [
  APPLICATION_STATUS.NOT_ACCEPTED,
  APPLICATION_STATUS.PASSED,
  APPLICATION_STATUS.NOT_PASSED,
  APPLICATION_STATUS.QUALIFICATION_DOCUMENT_ISSUED,
  APPLICATION_STATUS.CERTIFICATE_ISSUED,
] as const;
type OutcomeStatus = (typeof OUTCOMES)[number];
const OUTCOME_SET: ReadonlySet<ApplicationStatus> = new Set(OUTCOMES);
const isOutcome = (status: ApplicationStatus): status is OutcomeStatus => OUTCOME_SET.has(status);

// Outcomes are news, not obligations (a not-accepted or failed application has nothing left to
// do): each is told once, while fresh.
function outcomeAlert(c: Collector, status: OutcomeStatus): void {
  const { application, year } = c;
  const step = (kind: CalendarEventKind): Source => {
    const window = eventWindow(year, kind);
    const section = window === null ? year.rules.sections.R3 : window.section;
    return { ruleId: 'R3', section, deadlineMs: null };
  };
  switch (status) {
    case APPLICATION_STATUS.NOT_ACCEPTED: {
      // The mirror does not carry the reason (late, 3 failed submissions, falsification); R4 is
      // the usual one.
      const source: Source = { ruleId: 'R4', section: year.rules.sections.R4, deadlineMs: null };
      const { statusChangedAt } = application;
      const kind = ALERT_KIND.APPLICATION_NOT_ACCEPTED;
      emit(c, source, kind, application.year, () => ({ statusChangedAt }));
      return;
    }
    case APPLICATION_STATUS.PASSED:
    case APPLICATION_STATUS.NOT_PASSED: {
      const isPassed = status === APPLICATION_STATUS.PASSED;
      const source = step(CALENDAR_EVENT_KIND.EVALUATION_MEETINGS);
      emit(c, source, ALERT_KIND.EVALUATION_RESULT, status, () => ({ isPassed }));
      return;
    }
    case APPLICATION_STATUS.QUALIFICATION_DOCUMENT_ISSUED: {
      const issuedOn = application.qualificationDocumentIssuedOn;
      const source = step(CALENDAR_EVENT_KIND.QUALIFICATION_DOCUMENTS);
      const kind = ALERT_KIND.QUALIFICATION_DOCUMENT_ISSUED;
      emit(c, source, kind, application.year, () => ({ issuedOn }));
      return;
    }
    case APPLICATION_STATUS.CERTIFICATE_ISSUED: {
      const { certificateIssuedAt } = application;
      const source = step(CALENDAR_EVENT_KIND.POST_FILING_AND_CERTIFICATES);
      const kind = ALERT_KIND.CERTIFICATE_READY;
      emit(c, source, kind, application.year, () => ({ certificateIssuedAt }));
      return;
    }
    default:
      assertUnreachable(status);
  }
}

/**
 * The alerts that should exist for an application at a moment, minus those already sent: the
 * obligations of deriveObligations with lead times and dedupe keys, and the outcomes while
 * fresh. Cheap enough to run for every application on every tick: no I/O, no date library,
 * messages built only for alerts that are due.
 *
 * @param application - the mirrored application
 * @param year - the notice year of the application's year and route
 * @param now - the moment of the tick
 * @param alreadySent - dedupe keys already sent for this application
 * @throws NoticeMismatchError when the notice is for another year or route
 * @example
 * alertsDue({ ...application, id: 'a1', status: 'returned', returnedAt: '2023-08-15T02:00:00Z', submissionCount: 1 },
 *   HOTAN_2023, new Date('2023-08-16T03:00:00Z'), new Set(['a1:application_returned:2023-08-15T02:00:00.000Z']))
 * // [{ dedupeKey: 'a1:revision_deadline_approaching:2023-08-15T02:00:00.000Z', data: { submissionsLeft: 2, … }, … }]
 */
export function alertsDue(
  application: Application,
  year: NoticeYear,
  now: Date,
  alreadySent: ReadonlySet<string>,
): Alert[] {
  const c: Collector = { alerts: [], application, year, nowMs: now.getTime(), alreadySent };
  for (const obligation of deriveObligations(application, year, now)) {
    obligationAlerts(c, obligation);
  }
  if (isOutcome(application.status) && isFresh(c)) outcomeAlert(c, application.status);
  return c.alerts;
}
