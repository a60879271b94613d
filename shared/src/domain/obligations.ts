import { beijingDayEndMs, beijingDayStartMs } from '../calendar/beijing-day';
import { CALENDAR_EVENT_KIND } from '../calendar/calendar.type';
import type { CalendarEventKind } from '../calendar/calendar.type';
import type { NoticeYear } from '../calendar/notice-rules.type';
import { APPLICATION_STATUS } from './application-status';
import type { Application, GrassrootsService, LevelTier, RuleId } from './application.type';
import { assertUnreachable } from './assert-unreachable';
import { continuingEducationShortfalls } from './continuing-education';
import { defenceRequirement } from './defence';
import { feeAmountCny } from './fee';
import { assertSameNotice, eventWindow } from './notice-year';
import { revisionDeadlineMs, submissionsLeft } from './revision';
import { levelTier } from './title-level';

// What an application owes (tasks) or awaits (watch items) at a moment, each with its rule, notice
// section and deadline. This is the one place the rules are walked: nextActions (the to-do list)
// and alertsDue (the pushes) are projections of it, so a rule changed here changes both. It reads
// only the mirrored application and the year's notice; it never counts working days, so it does
// not pull in the holiday data (the employer publicity dates come from the mirror).

export const OBLIGATION_KIND = {
  SUBMIT_APPLICATION: 'submit_application',
  COMPLETE_CONTINUING_EDUCATION: 'complete_continuing_education',
  WATCH_EMPLOYER_PUBLICITY: 'watch_employer_publicity',
  AWAIT_REVIEW: 'await_review',
  REVISE_APPLICATION: 'revise_application',
  PAY_FEE: 'pay_fee',
  SEND_PAPER_MATERIALS: 'send_paper_materials',
  PREPARE_DEFENCE: 'prepare_defence',
  NOTE_DEFENCE_EXEMPTION: 'note_defence_exemption',
  WATCH_EVALUATION_MEETING: 'watch_evaluation_meeting',
  WATCH_PUBLICITY: 'watch_publicity',
  AWAIT_QUALIFICATION_DOCUMENT: 'await_qualification_document',
  AWAIT_CERTIFICATE: 'await_certificate',
  DOWNLOAD_CERTIFICATE: 'download_certificate',
} as const;
export type ObligationKind = (typeof OBLIGATION_KIND)[keyof typeof OBLIGATION_KIND];

// The facts per kind: JSON-safe (ISO strings, numbers), ready for a template.
export interface ObligationDataByKind {
  submit_application: { opensAt: string | null; isOpen: boolean };
  complete_continuing_education: {
    year: number;
    totalHours: number;
    professionalHours: number;
    totalShortBy: number;
    professionalShortBy: number;
  };
  watch_employer_publicity: {
    startsOn: string | null;
    endsOn: string | null;
    minWorkingDays: number;
  };
  await_review: Record<string, never>;
  revise_application: { returnedAt: string; submissionsUsed: number; submissionsLeft: number };
  pay_fee: { amountCny: number; tier: LevelTier };
  send_paper_materials: Record<string, never>;
  prepare_defence: { scheduledAt: string | null };
  note_defence_exemption: { service: GrassrootsService; scoring: 'specialty_average' };
  watch_evaluation_meeting: { meetingOn: string | null; windowStartsAt: string | null };
  watch_publicity: { startsOn: string | null; endsOn: string | null };
  await_qualification_document: Record<string, never>;
  await_certificate: Record<string, never>;
  download_certificate: { certificateIssuedAt: string | null };
}

export type Obligation = {
  [K in ObligationKind]: {
    kind: K;
    isTask: boolean; // the applicant must act; otherwise something to watch for
    ruleId: RuleId;
    section: string;
    deadlineMs: number | null; // epoch ms; null when the notice or the mirror does not say
    // When the step begins, where known: its calendar window opens, the application was returned,
    // or the applicant's meeting starts. Alerts that lead up to a start read it.
    startsAtMs: number | null;
    data: ObligationDataByKind[K];
  };
}[ObligationKind];

// The rule each kind comes from, and whether the applicant must act (a task) or only watch.
const KIND_RULE: Readonly<Record<ObligationKind, { ruleId: RuleId; isTask: boolean }>> = {
  submit_application: { ruleId: 'R3', isTask: true },
  complete_continuing_education: { ruleId: 'R13', isTask: true },
  watch_employer_publicity: { ruleId: 'R9', isTask: false },
  await_review: { ruleId: 'R3', isTask: false },
  revise_application: { ruleId: 'R4', isTask: true },
  pay_fee: { ruleId: 'R17', isTask: true },
  send_paper_materials: { ruleId: 'R3', isTask: true },
  prepare_defence: { ruleId: 'R11', isTask: true },
  note_defence_exemption: { ruleId: 'R11', isTask: false },
  watch_evaluation_meeting: { ruleId: 'R3', isTask: false },
  watch_publicity: { ruleId: 'R3', isTask: false },
  await_qualification_document: { ruleId: 'R3', isTask: false },
  await_certificate: { ruleId: 'R3', isTask: false },
  download_certificate: { ruleId: 'R3', isTask: true },
};

// When an obligation falls, and under which notice section: a calendar step's (R3, e.g. 三(二)),
// else its own rule's (e.g. 四(十) for the fee).
interface Placement {
  deadlineMs: number | null;
  startsAtMs: number | null;
  section?: string;
}
const UNDATED: Placement = { deadlineMs: null, startsAtMs: null };

interface Context {
  application: Application;
  year: NoticeYear;
  nowMs: number;
  obligations: Obligation[];
}

// The one place obligations are made: one object shape keeps the projections fast on a tick over
// every application.
function add<K extends ObligationKind>(
  c: Context,
  kind: K,
  placement: Placement,
  data: ObligationDataByKind[K],
): void {
  const { ruleId, isTask } = KIND_RULE[kind];
  const { deadlineMs, startsAtMs, section = c.year.rules.sections[ruleId] } = placement;
  c.obligations.push({ kind, isTask, ruleId, section, deadlineMs, startsAtMs, data } as Obligation);
}

const EMPTY: Record<string, never> = {};
const DAY_MS = 86_400_000;

// Only calendar instants pass through here, so the memo stays as small as the calendars; it
// spares the alerts, which never read these strings, a Date per application per tick.
const isoOfCalendarMs = new Map<number, string>();
function calendarIso(ms: number | null): string | null {
  if (ms === null) return null;
  let iso = isoOfCalendarMs.get(ms);
  if (iso === undefined) {
    iso = new Date(ms).toISOString();
    isoOfCalendarMs.set(ms, iso);
  }
  return iso;
}

// A calendar step (R3): its section, e.g. 三(二), and its window; the notice's §三 and no dates
// when this year's calendar lacks the event.
function calendarStep(year: NoticeYear, kind: CalendarEventKind): Required<Placement> {
  const window = eventWindow(year, kind);
  return window === null
    ? { deadlineMs: null, startsAtMs: null, section: year.rules.sections.R3 }
    : { deadlineMs: window.endsAtMs, startsAtMs: window.startsAtMs, section: window.section };
}

function addDrafting(c: Context): void {
  const { application, year, nowMs } = c;
  const step = calendarStep(year, CALENDAR_EVENT_KIND.APPLICATION);
  const { deadlineMs, startsAtMs } = step;
  // Late or off-platform applications are not recognised (R3): once the window has closed there
  // is nothing left to do but wait for the not-accepted outcome.
  if (deadlineMs !== null && nowMs >= deadlineMs) return;
  add(c, OBLIGATION_KIND.SUBMIT_APPLICATION, step, {
    opensAt: calendarIso(startsAtMs),
    isOpen: startsAtMs === null || nowMs >= startsAtMs,
  });
  for (const check of continuingEducationShortfalls(application, year.rules)) {
    // Due with the application, under R13's own section.
    add(
      c,
      OBLIGATION_KIND.COMPLETE_CONTINUING_EDUCATION,
      { deadlineMs, startsAtMs },
      {
        year: check.year,
        totalHours: check.totalHours,
        professionalHours: check.professionalHours,
        totalShortBy: check.totalShortBy,
        professionalShortBy: check.professionalShortBy,
      },
    );
  }
}

type CalendarWatchKind =
  | typeof OBLIGATION_KIND.AWAIT_REVIEW
  | typeof OBLIGATION_KIND.AWAIT_QUALIFICATION_DOCUMENT
  | typeof OBLIGATION_KIND.AWAIT_CERTIFICATE;

// A calendar step the applicant only awaits: the review, the documents, the certificates.
function addCalendarWatch(c: Context, kind: CalendarWatchKind, event: CalendarEventKind): void {
  add(c, kind, calendarStep(c.year, event), EMPTY);
}

function addPaperMaterials(c: Context): void {
  const step = calendarStep(c.year, c.year.rules.paperMaterials.deadlineEvent);
  add(c, OBLIGATION_KIND.SEND_PAPER_MATERIALS, step, EMPTY);
}

function addEmployerPublicity(c: Context): void {
  const publicity = c.application.employerPublicity;
  const startsOn = publicity === null ? null : publicity.startsOn;
  const endsOn = publicity === null ? null : publicity.endsOn;
  const deadlineMs = endsOn === null ? null : beijingDayEndMs(endsOn);
  add(
    c,
    OBLIGATION_KIND.WATCH_EMPLOYER_PUBLICITY,
    { deadlineMs, startsAtMs: null },
    {
      startsOn,
      endsOn,
      minWorkingDays: c.year.rules.publicity.minWorkingDays,
    },
  );
}

function addRevision(c: Context): void {
  const { application, year, nowMs } = c;
  const { returnedAt, submissionCount } = application;
  const left = submissionsLeft(submissionCount, year.rules);
  const returnedMs = returnedAt === null ? Number.NaN : Date.parse(returnedAt);
  // An unreadable return time counts as unknown, like a missing one: no deadline can be told.
  if (returnedAt === null || Number.isNaN(returnedMs) || left === 0) return;
  const deadlineMs = revisionDeadlineMs(returnedMs, year);
  // Past the deadline the application is not accepted (R4): no task can change that.
  if (nowMs >= deadlineMs) return;
  add(
    c,
    OBLIGATION_KIND.REVISE_APPLICATION,
    { deadlineMs, startsAtMs: returnedMs },
    {
      returnedAt,
      submissionsUsed: submissionCount,
      submissionsLeft: left,
    },
  );
}

function addFee(c: Context): void {
  const { application, year } = c;
  if (application.feePaid) return;
  // Past the deadline the fee stays owed (overdue): the applicant should still contact the office.
  const { deadlineMs, startsAtMs } = calendarStep(year, year.rules.fee.deadlineEvent);
  add(
    c,
    OBLIGATION_KIND.PAY_FEE,
    { deadlineMs, startsAtMs },
    {
      amountCny: feeAmountCny(application.level, year.rules),
      tier: levelTier(application.level),
    },
  );
}

// The defence comes before the evaluation meeting (§三(四)): once the applicant's meeting day, or
// failing that the meetings window, is over, or a result is out (the publicity, the documents,
// the certificate), there is no defence left to sit, whatever status the mirror still shows.
function isDefenceOver(c: Context): boolean {
  const { application, year, nowMs } = c;
  if (
    application.publicity !== null ||
    application.qualificationDocumentIssuedOn !== null ||
    application.certificateIssuedAt !== null
  ) {
    return true;
  }
  const meetingOn = application.evaluationMeetingOn;
  const meetingEndMs =
    meetingOn === null
      ? calendarStep(year, CALENDAR_EVENT_KIND.EVALUATION_MEETINGS).deadlineMs
      : beijingDayEndMs(meetingOn);
  return meetingEndMs !== null && nowMs >= meetingEndMs;
}

function addDefence(c: Context): void {
  const { application, year, nowMs } = c;
  if (isDefenceOver(c)) return;
  const { scheduledAt, serviceInApplicationYear } = application.defence;
  const requirement = defenceRequirement(application.level, serviceInApplicationYear, year.rules);
  if (requirement.kind === 'not_required') return;
  if (requirement.kind === 'exempt') {
    const { service, scoring } = requirement;
    add(c, OBLIGATION_KIND.NOTE_DEFENCE_EXEMPTION, UNDATED, { service, scoring });
  }
  // An unreadable time counts as no schedule: a wrong deadline is worse than none.
  const parsedMs = scheduledAt === null ? Number.NaN : Date.parse(scheduledAt);
  const scheduledMs = Number.isNaN(parsedMs) ? null : parsedMs;
  if (scheduledMs !== null && nowMs >= scheduledMs) return;
  // An exempt applicant may still choose to sit; only a scheduled defence makes it a task then.
  if (requirement.kind === 'exempt' && scheduledMs === null) return;
  add(
    c,
    OBLIGATION_KIND.PREPARE_DEFENCE,
    { deadlineMs: scheduledMs, startsAtMs: null },
    {
      scheduledAt: scheduledMs === null ? null : scheduledAt,
    },
  );
}

function addMeeting(c: Context): void {
  const step = calendarStep(c.year, CALENDAR_EVENT_KIND.EVALUATION_MEETINGS);
  const meetingOn = c.application.evaluationMeetingOn;
  // The applicant's own meeting day once known (00:00 to 24:00), else the meetings window.
  const dayStartMs = meetingOn === null ? null : beijingDayStartMs(meetingOn);
  const placement =
    dayStartMs === null
      ? step
      : { deadlineMs: dayStartMs + DAY_MS, startsAtMs: dayStartMs, section: step.section };
  add(c, OBLIGATION_KIND.WATCH_EVALUATION_MEETING, placement, {
    meetingOn,
    windowStartsAt: calendarIso(step.startsAtMs),
  });
}

function addPublicity(c: Context): void {
  const publicity = c.application.publicity;
  const startsOn = publicity === null ? null : publicity.startsOn;
  const endsOn = publicity === null ? null : publicity.endsOn;
  // The result publicity follows the meetings (§三(四)) and ends with the day it names.
  const { section } = calendarStep(c.year, CALENDAR_EVENT_KIND.EVALUATION_MEETINGS);
  const deadlineMs = endsOn === null ? null : beijingDayEndMs(endsOn);
  add(
    c,
    OBLIGATION_KIND.WATCH_PUBLICITY,
    { deadlineMs, startsAtMs: null, section },
    {
      startsOn,
      endsOn,
    },
  );
}

function addCertificate(c: Context): void {
  const { section } = calendarStep(c.year, CALENDAR_EVENT_KIND.POST_FILING_AND_CERTIFICATES);
  add(
    c,
    OBLIGATION_KIND.DOWNLOAD_CERTIFICATE,
    { ...UNDATED, section },
    {
      certificateIssuedAt: c.application.certificateIssuedAt,
    },
  );
}

/**
 * What an application owes or awaits at a moment, in the order of its steps: the one derivation
 * behind nextActions (which sorts and rates it) and alertsDue (which adds lead times and keys).
 * Hard deadlines drop out once passed (application window R3, revision R4); soft ones stay.
 *
 * @param application - the mirrored application
 * @param year - the notice year of the application's year and route
 * @param now - the moment to judge at
 * @throws NoticeMismatchError when the notice is for another year or route
 * @example
 * deriveObligations({ ...application, status: 'fee_paid', level: 'assistant' }, HOTAN_2023, now)
 * // [{ kind: 'send_paper_materials', isTask: true, ruleId: 'R3', section: '三(二)',
 * //    deadlineMs: Date.parse('2023-09-29T16:00:00Z'), startsAtMs: null, data: {} }]
 */
export function deriveObligations(
  application: Application,
  year: NoticeYear,
  now: Date,
): Obligation[] {
  assertSameNotice(application, year);
  const c: Context = { application, year, nowMs: now.getTime(), obligations: [] };
  const status = application.status;
  switch (status) {
    case APPLICATION_STATUS.REGISTERED:
    case APPLICATION_STATUS.DRAFTING:
      addDrafting(c);
      break;
    case APPLICATION_STATUS.SUBMITTED:
    case APPLICATION_STATUS.AUTHORITY_REVIEW:
      addCalendarWatch(c, OBLIGATION_KIND.AWAIT_REVIEW, CALENDAR_EVENT_KIND.REVIEW);
      break;
    case APPLICATION_STATUS.EMPLOYER_REVIEW:
      addEmployerPublicity(c);
      break;
    case APPLICATION_STATUS.RETURNED:
      addRevision(c);
      break;
    case APPLICATION_STATUS.MATERIALS_RECEIVED:
      addFee(c);
      addPaperMaterials(c);
      addDefence(c);
      break;
    case APPLICATION_STATUS.FEE_PAID:
      addPaperMaterials(c);
      addDefence(c);
      break;
    case APPLICATION_STATUS.PAPER_MATERIALS_RECEIVED:
    case APPLICATION_STATUS.DEFENCE:
      addDefence(c);
      addMeeting(c);
      break;
    case APPLICATION_STATUS.EVALUATION_MEETING:
      addMeeting(c);
      break;
    case APPLICATION_STATUS.PUBLICITY:
      addPublicity(c);
      break;
    case APPLICATION_STATUS.PASSED:
      addCalendarWatch(
        c,
        OBLIGATION_KIND.AWAIT_QUALIFICATION_DOCUMENT,
        CALENDAR_EVENT_KIND.QUALIFICATION_DOCUMENTS,
      );
      break;
    case APPLICATION_STATUS.QUALIFICATION_DOCUMENT_ISSUED:
    case APPLICATION_STATUS.POST_FILED:
      addCalendarWatch(
        c,
        OBLIGATION_KIND.AWAIT_CERTIFICATE,
        CALENDAR_EVENT_KIND.POST_FILING_AND_CERTIFICATES,
      );
      break;
    case APPLICATION_STATUS.CERTIFICATE_ISSUED:
      addCertificate(c);
      break;
    case APPLICATION_STATUS.NOT_PASSED:
    case APPLICATION_STATUS.NOT_ACCEPTED:
    case APPLICATION_STATUS.WITHDRAWN:
    case APPLICATION_STATUS.QUALIFICATION_REVOKED:
      break;
    default:
      return assertUnreachable(status);
  }
  return c.obligations;
}
