import { beijingDayEndMs } from '../calendar/beijing-day';
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
import type { EventWindow } from './notice-year';
import { revisionDeadlineMs, submissionsLeft } from './revision';
import { levelTier } from './title-level';
import { URGENCY, urgencyOf } from './urgency';
import type { Urgency } from './urgency';

// The to-do engine: what an applicant must do next (tasks) and what to keep an eye on (watch
// items), each with its deadline, urgency, rule and notice section. It reads only the mirrored
// application and the year's notice; it never counts working days, so it does not pull in the
// holiday data (the employer publicity dates come from the mirror).

export const ACTION_KIND = {
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
export type ActionKind = (typeof ACTION_KIND)[keyof typeof ACTION_KIND];

// Message data per kind: JSON-safe (ISO strings, numbers), ready for a template.
export interface ActionDataByKind {
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

export type NextAction = {
  [K in ActionKind]: {
    kind: K;
    isTask: boolean; // the applicant must act; otherwise something to watch for
    deadline: Date | null;
    urgency: Urgency;
    ruleId: RuleId;
    section: string;
    data: ActionDataByKind[K];
  };
}[ActionKind];

const KIND_ORDER: Readonly<Record<ActionKind, number>> = {
  revise_application: 0,
  submit_application: 1,
  complete_continuing_education: 2,
  pay_fee: 3,
  send_paper_materials: 4,
  prepare_defence: 5,
  note_defence_exemption: 6,
  watch_employer_publicity: 7,
  await_review: 8,
  watch_evaluation_meeting: 9,
  watch_publicity: 10,
  await_qualification_document: 11,
  await_certificate: 12,
  download_certificate: 13,
};

const EMPTY: Record<string, never> = {};

interface Builder {
  actions: NextAction[];
  year: NoticeYear;
  nowMs: number;
}

interface ActionInput<K extends ActionKind> {
  kind: K;
  isTask: boolean;
  deadlineMs: number | null;
  ruleId: RuleId;
  section: string;
  data: ActionDataByKind[K];
}

function push<K extends ActionKind>(builder: Builder, input: ActionInput<K>): void {
  const { deadlineMs, isTask } = input;
  builder.actions.push({
    kind: input.kind,
    isTask,
    deadline: deadlineMs === null ? null : new Date(deadlineMs),
    urgency: isTask ? urgencyOf(deadlineMs, builder.nowMs, builder.year.rules) : URGENCY.INFO,
    ruleId: input.ruleId,
    section: input.section,
    data: input.data,
  } as NextAction);
}

// The section of a calendar step (R3), e.g. 三(二); the notice's §三 when the event is missing.
function calendarSection(window: EventWindow | null, year: NoticeYear): string {
  return window === null ? year.rules.sections.R3 : window.section;
}

const endOf = (window: EventWindow | null): number | null =>
  window === null ? null : window.endsAtMs;
const startIso = (window: EventWindow | null): string | null =>
  window === null || window.startsAtMs === null ? null : new Date(window.startsAtMs).toISOString();
const dayEnd = (day: string | null): number | null => (day === null ? null : beijingDayEndMs(day));

function addDraftingActions(builder: Builder, application: Application): void {
  const { year, nowMs } = builder;
  const window = eventWindow(year, CALENDAR_EVENT_KIND.APPLICATION);
  // Late or off-platform applications are not recognised (R3): once the window has closed there
  // is nothing left to do but wait for the not-accepted outcome.
  if (window !== null && nowMs >= window.endsAtMs) return;
  const deadlineMs = endOf(window);
  push(builder, {
    kind: ACTION_KIND.SUBMIT_APPLICATION,
    isTask: true,
    deadlineMs,
    ruleId: 'R3',
    section: calendarSection(window, year),
    data: {
      opensAt: startIso(window),
      isOpen: window === null || window.startsAtMs === null || nowMs >= window.startsAtMs,
    },
  });
  for (const check of continuingEducationShortfalls(application, year.rules)) {
    push(builder, {
      kind: ACTION_KIND.COMPLETE_CONTINUING_EDUCATION,
      isTask: true,
      deadlineMs,
      ruleId: 'R13',
      section: year.rules.sections.R13,
      data: {
        year: check.year,
        totalHours: check.totalHours,
        professionalHours: check.professionalHours,
        totalShortBy: check.totalShortBy,
        professionalShortBy: check.professionalShortBy,
      },
    });
  }
}

function addReviewAction(builder: Builder): void {
  const window = eventWindow(builder.year, CALENDAR_EVENT_KIND.REVIEW);
  push(builder, {
    kind: ACTION_KIND.AWAIT_REVIEW,
    isTask: false,
    deadlineMs: endOf(window),
    ruleId: 'R3',
    section: calendarSection(window, builder.year),
    data: EMPTY,
  });
}

function addEmployerPublicityAction(builder: Builder, application: Application): void {
  const publicity = application.employerPublicity;
  const endsOn = publicity === null ? null : publicity.endsOn;
  push(builder, {
    kind: ACTION_KIND.WATCH_EMPLOYER_PUBLICITY,
    isTask: false,
    deadlineMs: dayEnd(endsOn),
    ruleId: 'R9',
    section: builder.year.rules.sections.R9,
    data: {
      startsOn: publicity === null ? null : publicity.startsOn,
      endsOn,
      minWorkingDays: builder.year.rules.publicity.minWorkingDays,
    },
  });
}

function addRevisionAction(builder: Builder, application: Application): void {
  const { year, nowMs } = builder;
  const left = submissionsLeft(application.submissionCount, year.rules);
  if (application.returnedAt === null || left === 0) return;
  const deadlineMs = revisionDeadlineMs(Date.parse(application.returnedAt), year);
  // Past the deadline the application is not accepted (R4): no task can change that.
  if (nowMs >= deadlineMs) return;
  push(builder, {
    kind: ACTION_KIND.REVISE_APPLICATION,
    isTask: true,
    deadlineMs,
    ruleId: 'R4',
    section: year.rules.sections.R4,
    data: {
      returnedAt: application.returnedAt,
      submissionsUsed: application.submissionCount,
      submissionsLeft: left,
    },
  });
}

function addFeeAction(builder: Builder, application: Application): void {
  if (application.feePaid) return;
  const { year } = builder;
  push(builder, {
    kind: ACTION_KIND.PAY_FEE,
    isTask: true,
    deadlineMs: endOf(eventWindow(year, year.rules.fee.deadlineEvent)),
    ruleId: 'R17',
    section: year.rules.sections.R17,
    data: {
      amountCny: feeAmountCny(application.level, year.rules),
      tier: levelTier(application.level),
    },
  });
}

function addPaperAction(builder: Builder): void {
  const { year } = builder;
  const window = eventWindow(year, year.rules.paperMaterials.deadlineEvent);
  push(builder, {
    kind: ACTION_KIND.SEND_PAPER_MATERIALS,
    isTask: true,
    deadlineMs: endOf(window),
    ruleId: 'R3',
    section: calendarSection(window, year),
    data: EMPTY,
  });
}

function addDefenceActions(builder: Builder, application: Application): void {
  const { year, nowMs } = builder;
  const requirement = defenceRequirement(
    application.level,
    application.defence.serviceInApplicationYear,
    year.rules,
  );
  if (requirement.kind === 'not_required') return;
  const section = year.rules.sections.R11;
  if (requirement.kind === 'exempt') {
    push(builder, {
      kind: ACTION_KIND.NOTE_DEFENCE_EXEMPTION,
      isTask: false,
      deadlineMs: null,
      ruleId: 'R11',
      section,
      data: { service: requirement.service, scoring: requirement.scoring },
    });
  }
  const scheduledAt = application.defence.scheduledAt;
  const scheduledMs = scheduledAt === null ? null : Date.parse(scheduledAt);
  if (scheduledMs !== null && nowMs >= scheduledMs) return;
  // An exempt applicant may still choose to sit; only a scheduled defence makes it a task then.
  if (requirement.kind === 'exempt' && scheduledMs === null) return;
  push(builder, {
    kind: ACTION_KIND.PREPARE_DEFENCE,
    isTask: true,
    deadlineMs: scheduledMs,
    ruleId: 'R11',
    section,
    data: { scheduledAt },
  });
}

function addMeetingAction(builder: Builder, application: Application): void {
  const window = eventWindow(builder.year, CALENDAR_EVENT_KIND.EVALUATION_MEETINGS);
  const meetingOn = application.evaluationMeetingOn;
  push(builder, {
    kind: ACTION_KIND.WATCH_EVALUATION_MEETING,
    isTask: false,
    deadlineMs: meetingOn !== null ? beijingDayEndMs(meetingOn) : endOf(window),
    ruleId: 'R3',
    section: calendarSection(window, builder.year),
    data: { meetingOn, windowStartsAt: startIso(window) },
  });
}

function addPublicityAction(builder: Builder, application: Application): void {
  const publicity = application.publicity;
  const endsOn = publicity === null ? null : publicity.endsOn;
  const meetings = eventWindow(builder.year, CALENDAR_EVENT_KIND.EVALUATION_MEETINGS);
  push(builder, {
    kind: ACTION_KIND.WATCH_PUBLICITY,
    isTask: false,
    deadlineMs: dayEnd(endsOn),
    ruleId: 'R3',
    section: calendarSection(meetings, builder.year),
    data: { startsOn: publicity === null ? null : publicity.startsOn, endsOn },
  });
}

type EventWatchKind =
  | typeof ACTION_KIND.AWAIT_QUALIFICATION_DOCUMENT
  | typeof ACTION_KIND.AWAIT_CERTIFICATE;

function addEventWatch(builder: Builder, kind: EventWatchKind, event: CalendarEventKind): void {
  const window = eventWindow(builder.year, event);
  push(builder, {
    kind,
    isTask: false,
    deadlineMs: endOf(window),
    ruleId: 'R3',
    section: calendarSection(window, builder.year),
    data: EMPTY,
  });
}

function addCertificateAction(builder: Builder, application: Application): void {
  const window = eventWindow(builder.year, CALENDAR_EVENT_KIND.POST_FILING_AND_CERTIFICATES);
  push(builder, {
    kind: ACTION_KIND.DOWNLOAD_CERTIFICATE,
    isTask: true,
    deadlineMs: null,
    ruleId: 'R3',
    section: calendarSection(window, builder.year),
    data: { certificateIssuedAt: application.certificateIssuedAt },
  });
}

function byDeadlineThenKind(a: NextAction, b: NextAction): number {
  const aMs = a.deadline === null ? Number.POSITIVE_INFINITY : a.deadline.getTime();
  const bMs = b.deadline === null ? Number.POSITIVE_INFINITY : b.deadline.getTime();
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * The ordered list of what an applicant must do next (and what to watch), earliest deadline
 * first; empty once the application has reached a terminal status.
 *
 * @param application - the mirrored application
 * @param year - the notice year of the application's year and route
 * @param now - the moment to judge at
 * @throws NoticeMismatchError when the notice is for another year or route
 * @example
 * nextActions({ ...application, status: 'materials_received', level: 'intermediate' }, HOTAN_2023, now)
 * // [{ kind: 'pay_fee', deadline: 2023-09-29T16:00:00Z, data: { amountCny: 280, tier: 'intermediate' }, … },
 * //  { kind: 'send_paper_materials', deadline: 2023-09-29T16:00:00Z, … }, { kind: 'prepare_defence', … }]
 */
export function nextActions(application: Application, year: NoticeYear, now: Date): NextAction[] {
  assertSameNotice(application, year);
  const builder: Builder = { actions: [], year, nowMs: now.getTime() };
  const status = application.status;
  switch (status) {
    case APPLICATION_STATUS.REGISTERED:
    case APPLICATION_STATUS.DRAFTING:
      addDraftingActions(builder, application);
      break;
    case APPLICATION_STATUS.SUBMITTED:
    case APPLICATION_STATUS.AUTHORITY_REVIEW:
      addReviewAction(builder);
      break;
    case APPLICATION_STATUS.EMPLOYER_REVIEW:
      addEmployerPublicityAction(builder, application);
      break;
    case APPLICATION_STATUS.RETURNED:
      addRevisionAction(builder, application);
      break;
    case APPLICATION_STATUS.MATERIALS_RECEIVED:
      addFeeAction(builder, application);
      addPaperAction(builder);
      addDefenceActions(builder, application);
      break;
    case APPLICATION_STATUS.FEE_PAID:
      addPaperAction(builder);
      addDefenceActions(builder, application);
      break;
    case APPLICATION_STATUS.PAPER_MATERIALS_RECEIVED:
    case APPLICATION_STATUS.DEFENCE:
      addDefenceActions(builder, application);
      addMeetingAction(builder, application);
      break;
    case APPLICATION_STATUS.EVALUATION_MEETING:
      addMeetingAction(builder, application);
      break;
    case APPLICATION_STATUS.PUBLICITY:
      addPublicityAction(builder, application);
      break;
    case APPLICATION_STATUS.PASSED:
      addEventWatch(
        builder,
        ACTION_KIND.AWAIT_QUALIFICATION_DOCUMENT,
        CALENDAR_EVENT_KIND.QUALIFICATION_DOCUMENTS,
      );
      break;
    case APPLICATION_STATUS.QUALIFICATION_DOCUMENT_ISSUED:
    case APPLICATION_STATUS.POST_FILED:
      addEventWatch(
        builder,
        ACTION_KIND.AWAIT_CERTIFICATE,
        CALENDAR_EVENT_KIND.POST_FILING_AND_CERTIFICATES,
      );
      break;
    case APPLICATION_STATUS.CERTIFICATE_ISSUED:
      addCertificateAction(builder, application);
      break;
    case APPLICATION_STATUS.NOT_PASSED:
    case APPLICATION_STATUS.NOT_ACCEPTED:
    case APPLICATION_STATUS.WITHDRAWN:
    case APPLICATION_STATUS.QUALIFICATION_REVOKED:
      return [];
    default:
      return assertUnreachable(status);
  }
  if (builder.actions.length > 1) builder.actions.sort(byDeadlineThenKind);
  return builder.actions;
}
