import { beijingDayEndMs, beijingDayStartMs } from '../calendar/beijing-day';
import { CALENDAR_EVENT_KIND } from '../calendar/calendar.type';
import type { CalendarEventKind } from '../calendar/calendar.type';
import type { NoticeYear } from '../calendar/notice-rules.type';
import { APPLICATION_STATUS } from './application-status';
import type { ApplicationStatus } from './application-status';
import type { Application, GrassrootsService, LevelTier, RuleId } from './application.type';
import { assertUnreachable } from './assert-unreachable';
import { continuingEducationShortfalls } from './continuing-education';
import { defenceRequirement } from './defence';
import { feeAmountCny } from './fee';
import { assertSameNotice, eventWindow } from './notice-year';
import type { EventWindow } from './notice-year';
import { revisionDeadlineMs, submissionsLeft } from './revision';
import { levelTier } from './title-level';

// The moments an applicant must be told of (DOMAIN.md). alertsDue says which alerts should exist
// now; the server's reminder pipeline sends those whose dedupeKey it has not sent yet. A key is
// `${applicationId}:${kind}:${discriminator}`: the same facts always give the same key, a new
// fact (a second return, a rescheduled defence) gives a new one, and the reminder before a
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

const {
  REGISTERED,
  DRAFTING: DRAFTING_STATUS,
  MATERIALS_RECEIVED,
  FEE_PAID,
  PAPER_MATERIALS_RECEIVED,
  DEFENCE,
  EVALUATION_MEETING,
} = APPLICATION_STATUS;
const DRAFTING: ReadonlySet<ApplicationStatus> = new Set([REGISTERED, DRAFTING_STATUS]);
const AWAITING_PAPER: ReadonlySet<ApplicationStatus> = new Set([MATERIALS_RECEIVED, FEE_PAID]);
const BEFORE_DEFENCE: ReadonlySet<ApplicationStatus> = new Set([
  MATERIALS_RECEIVED,
  FEE_PAID,
  PAPER_MATERIALS_RECEIVED,
  DEFENCE,
]);
const BEFORE_MEETING: ReadonlySet<ApplicationStatus> = new Set([
  ...BEFORE_DEFENCE,
  EVALUATION_MEETING,
]);

const iso = (ms: number): string => new Date(ms).toISOString();

interface Collector {
  alerts: Alert[];
  application: Application;
  year: NoticeYear;
  nowMs: number;
  alreadySent: ReadonlySet<string>;
}

interface AlertInput<K extends AlertKind> {
  kind: K;
  discriminator: string | number;
  ruleId: RuleId;
  section: string;
  deadlineMs: number | null;
  // Built only when the alert is actually new, to keep a tick over every application cheap.
  data: () => AlertDataByKind[K];
}

function emit<K extends AlertKind>(collector: Collector, input: AlertInput<K>): void {
  const dedupeKey = `${collector.application.id}:${input.kind}:${input.discriminator}`;
  if (collector.alreadySent.has(dedupeKey)) return;
  collector.alerts.push({
    dedupeKey,
    applicationId: collector.application.id,
    kind: input.kind,
    ruleId: input.ruleId,
    section: input.section,
    deadline: input.deadlineMs === null ? null : new Date(input.deadlineMs),
    data: input.data(),
  } as Alert);
}

// Is `now` in [deadline − lead, deadline)?
function isWithinLead(nowMs: number, deadlineMs: number, leadHours: number): boolean {
  return nowMs < deadlineMs && nowMs >= deadlineMs - leadHours * HOUR_MS;
}

// A status-change alert with no deadline of its own stays due for a while after the change, so
// a pipeline that was down catches up, but an old application first imported does not spam.
function isFresh(collector: Collector): boolean {
  const changedMs = Date.parse(collector.application.statusChangedAt);
  const freshMs = collector.year.rules.alerts.statusAlertFreshForHours * HOUR_MS;
  return Number.isNaN(changedMs) || collector.nowMs < changedMs + freshMs;
}

const sectionOf = (window: EventWindow | null, year: NoticeYear): string =>
  window === null ? year.rules.sections.R3 : window.section;

function draftingAlerts(c: Collector): void {
  const { application, year, nowMs } = c;
  const window = eventWindow(year, CALENDAR_EVENT_KIND.APPLICATION);
  if (window === null || nowMs >= window.endsAtMs) return;
  const closesAtMs = window.endsAtMs;
  if (isWithinLead(nowMs, closesAtMs, year.rules.alerts.applicationWindowLeadHours)) {
    const closesAt = iso(closesAtMs);
    emit(c, {
      kind: ALERT_KIND.APPLICATION_WINDOW_CLOSING,
      discriminator: closesAt,
      ruleId: 'R3',
      section: window.section,
      deadlineMs: closesAtMs,
      data: () => ({ closesAt }),
    });
  }
  for (const check of continuingEducationShortfalls(application, year.rules)) {
    emit(c, {
      kind: ALERT_KIND.CONTINUING_EDUCATION_SHORT,
      discriminator: check.year,
      ruleId: 'R13',
      section: year.rules.sections.R13,
      deadlineMs: closesAtMs,
      data: () => ({
        year: check.year,
        totalHours: check.totalHours,
        professionalHours: check.professionalHours,
        totalShortBy: check.totalShortBy,
        professionalShortBy: check.professionalShortBy,
      }),
    });
  }
}

function returnedAlerts(c: Collector): void {
  const { application, year, nowMs } = c;
  if (application.returnedAt === null) return;
  const returnedMs = Date.parse(application.returnedAt);
  if (Number.isNaN(returnedMs)) return;
  const left = submissionsLeft(application.submissionCount, year.rules);
  const deadlineMs = revisionDeadlineMs(returnedMs, year);
  if (left === 0 || nowMs >= deadlineMs) return;
  // Keyed by the return itself: a second return is a new fact with new keys.
  const returnedAt = iso(returnedMs);
  const common = {
    discriminator: returnedAt,
    ruleId: 'R4' as const,
    section: year.rules.sections.R4,
    deadlineMs,
    data: (): RevisionData => ({
      returnedAt,
      revisionDeadline: iso(deadlineMs),
      submissionsUsed: application.submissionCount,
      submissionsLeft: left,
    }),
  };
  emit(c, { kind: ALERT_KIND.APPLICATION_RETURNED, ...common });
  if (isWithinLead(nowMs, deadlineMs, year.rules.alerts.revisionLeadHours)) {
    emit(c, { kind: ALERT_KIND.REVISION_DEADLINE_APPROACHING, ...common });
  }
}

function feeAlerts(c: Collector): void {
  const { application, year, nowMs } = c;
  if (application.feePaid) return;
  const window = eventWindow(year, year.rules.fee.deadlineEvent);
  const deadlineMs = window === null ? null : window.endsAtMs;
  if (deadlineMs !== null && nowMs >= deadlineMs) return;
  const common = {
    ruleId: 'R17' as const,
    section: year.rules.sections.R17,
    deadlineMs,
    data: (): FeeData => ({
      amountCny: feeAmountCny(application.level, year.rules),
      tier: levelTier(application.level),
      deadline: deadlineMs === null ? null : iso(deadlineMs),
    }),
  };
  emit(c, { kind: ALERT_KIND.FEE_DUE, discriminator: application.year, ...common });
  if (deadlineMs !== null && isWithinLead(nowMs, deadlineMs, year.rules.alerts.feeLeadHours)) {
    const discriminator = iso(deadlineMs);
    emit(c, { kind: ALERT_KIND.FEE_DEADLINE_APPROACHING, discriminator, ...common });
  }
}

function paperAlerts(c: Collector): void {
  const { application, year, nowMs } = c;
  const window = eventWindow(year, year.rules.paperMaterials.deadlineEvent);
  if (window === null || nowMs >= window.endsAtMs) return;
  const deadlineMs = window.endsAtMs;
  const deadline = iso(deadlineMs);
  const common = {
    ruleId: 'R3' as const,
    section: window.section,
    deadlineMs,
    data: () => ({ deadline }),
  };
  emit(c, { kind: ALERT_KIND.PAPER_MATERIALS_DUE, discriminator: application.year, ...common });
  if (isWithinLead(nowMs, deadlineMs, year.rules.alerts.paperMaterialsLeadHours)) {
    const kind = ALERT_KIND.PAPER_MATERIALS_DEADLINE_APPROACHING;
    emit(c, { kind, discriminator: deadline, ...common });
  }
}

function defenceAlerts(c: Collector): void {
  const { application, year, nowMs } = c;
  const requirement = defenceRequirement(
    application.level,
    application.defence.serviceInApplicationYear,
    year.rules,
  );
  if (requirement.kind === 'not_required') return;
  const section = year.rules.sections.R11;
  if (requirement.kind === 'exempt') {
    emit(c, {
      kind: ALERT_KIND.DEFENCE_EXEMPT,
      discriminator: application.year,
      ruleId: 'R11',
      section,
      deadlineMs: null,
      data: () => ({ service: requirement.service, scoring: requirement.scoring }),
    });
  }
  if (application.defence.scheduledAt === null) return;
  const scheduledMs = Date.parse(application.defence.scheduledAt);
  if (Number.isNaN(scheduledMs) || nowMs >= scheduledMs) return;
  // Keyed by the time: a rescheduled defence is told again.
  const scheduledAt = iso(scheduledMs);
  const common = {
    discriminator: scheduledAt,
    ruleId: 'R11' as const,
    section,
    deadlineMs: scheduledMs,
    data: () => ({ scheduledAt }),
  };
  emit(c, { kind: ALERT_KIND.DEFENCE_SCHEDULED, ...common });
  if (isWithinLead(nowMs, scheduledMs, year.rules.alerts.defenceLeadHours)) {
    emit(c, { kind: ALERT_KIND.DEFENCE_APPROACHING, ...common });
  }
}

function meetingAlert(c: Collector): void {
  const { application, year, nowMs } = c;
  const window = eventWindow(year, CALENDAR_EVENT_KIND.EVALUATION_MEETINGS);
  const meetingOn = application.evaluationMeetingOn;
  const startsMs =
    meetingOn !== null ? beijingDayStartMs(meetingOn) : window === null ? null : window.startsAtMs;
  if (startsMs === null) return;
  if (!isWithinLead(nowMs, startsMs, year.rules.alerts.meetingLeadHours)) return;
  const startsAt = iso(startsMs);
  emit(c, {
    kind: ALERT_KIND.EVALUATION_MEETING_APPROACHING,
    discriminator: meetingOn ?? startsAt,
    ruleId: 'R3',
    section: sectionOf(window, year),
    deadlineMs: startsMs,
    data: () => ({ meetingOn, startsAt }),
  });
}

function publicityAlerts(c: Collector): void {
  const { application, year, nowMs } = c;
  const publicity = application.publicity;
  const startsOn = publicity === null ? null : publicity.startsOn;
  const endsOn = publicity === null ? null : publicity.endsOn;
  const endsMs = endsOn === null ? null : beijingDayEndMs(endsOn);
  const common = {
    ruleId: 'R3' as const,
    section: sectionOf(eventWindow(year, CALENDAR_EVENT_KIND.EVALUATION_MEETINGS), year),
    deadlineMs: endsMs,
    data: (): PublicityData => ({ startsOn, endsOn }),
  };
  // One publicity per application: the start is keyed by year, so dates filled in later do not
  // trigger it again.
  if (endsMs === null ? isFresh(c) : nowMs < endsMs) {
    emit(c, { kind: ALERT_KIND.PUBLICITY_STARTED, discriminator: application.year, ...common });
  }
  const leadHours = year.rules.alerts.publicityEndLeadHours;
  if (endsOn !== null && endsMs !== null && isWithinLead(nowMs, endsMs, leadHours)) {
    emit(c, { kind: ALERT_KIND.PUBLICITY_ENDING, discriminator: endsOn, ...common });
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

// Outcomes told once, while fresh: not accepted, the result, the document, the certificate.
function outcomeAlerts(c: Collector, status: OutcomeStatus): void {
  const { application, year } = c;
  const section = (kind: CalendarEventKind) => sectionOf(eventWindow(year, kind), year);
  switch (status) {
    case APPLICATION_STATUS.NOT_ACCEPTED:
      // The mirror does not carry the reason (late, 3 failed submissions, falsification); R4 is
      // the usual one.
      emit(c, {
        kind: ALERT_KIND.APPLICATION_NOT_ACCEPTED,
        discriminator: application.year,
        ruleId: 'R4',
        section: year.rules.sections.R4,
        deadlineMs: null,
        data: () => ({ statusChangedAt: application.statusChangedAt }),
      });
      return;
    case APPLICATION_STATUS.PASSED:
    case APPLICATION_STATUS.NOT_PASSED:
      emit(c, {
        kind: ALERT_KIND.EVALUATION_RESULT,
        discriminator: status,
        ruleId: 'R3',
        section: section(CALENDAR_EVENT_KIND.EVALUATION_MEETINGS),
        deadlineMs: null,
        data: () => ({ isPassed: status === APPLICATION_STATUS.PASSED }),
      });
      return;
    case APPLICATION_STATUS.QUALIFICATION_DOCUMENT_ISSUED:
      emit(c, {
        kind: ALERT_KIND.QUALIFICATION_DOCUMENT_ISSUED,
        discriminator: application.year,
        ruleId: 'R3',
        section: section(CALENDAR_EVENT_KIND.QUALIFICATION_DOCUMENTS),
        deadlineMs: null,
        data: () => ({ issuedOn: application.qualificationDocumentIssuedOn }),
      });
      return;
    case APPLICATION_STATUS.CERTIFICATE_ISSUED:
      emit(c, {
        kind: ALERT_KIND.CERTIFICATE_READY,
        discriminator: application.year,
        ruleId: 'R3',
        section: section(CALENDAR_EVENT_KIND.POST_FILING_AND_CERTIFICATES),
        deadlineMs: null,
        data: () => ({ certificateIssuedAt: application.certificateIssuedAt }),
      });
      return;
    default:
      assertUnreachable(status);
  }
}

/**
 * The alerts that should exist for an application at a moment, minus those already sent. Cheap
 * enough to run for every application on every tick: no I/O, no date library, keys built only
 * for alerts that are due.
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
  assertSameNotice(application, year);
  const c: Collector = { alerts: [], application, year, nowMs: now.getTime(), alreadySent };
  const status = application.status;
  if (DRAFTING.has(status)) draftingAlerts(c);
  if (status === APPLICATION_STATUS.RETURNED) returnedAlerts(c);
  if (status === APPLICATION_STATUS.MATERIALS_RECEIVED) feeAlerts(c);
  if (AWAITING_PAPER.has(status)) paperAlerts(c);
  if (BEFORE_DEFENCE.has(status)) defenceAlerts(c);
  if (BEFORE_MEETING.has(status)) meetingAlert(c);
  if (status === APPLICATION_STATUS.PUBLICITY) publicityAlerts(c);
  if (isOutcome(status) && isFresh(c)) outcomeAlerts(c, status);
  return c.alerts;
}
