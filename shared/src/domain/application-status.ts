import { CALENDAR_EVENT_KIND } from '../calendar/calendar.type';
import type { NoticeYear } from '../calendar/notice-rules.type';
import type { Application, RuleId } from './application.type';
import { defenceRequirement } from './defence';
import { eventWindow } from './notice-year';
import { revisionDeadlineMs } from './revision';

// The life of an application (DOMAIN.md), as the server mirrors it from the official platform.
export const APPLICATION_STATUS = {
  REGISTERED: 'registered',
  DRAFTING: 'drafting',
  SUBMITTED: 'submitted',
  EMPLOYER_REVIEW: 'employer_review',
  AUTHORITY_REVIEW: 'authority_review',
  RETURNED: 'returned',
  MATERIALS_RECEIVED: 'materials_received',
  FEE_PAID: 'fee_paid',
  PAPER_MATERIALS_RECEIVED: 'paper_materials_received',
  DEFENCE: 'defence',
  EVALUATION_MEETING: 'evaluation_meeting',
  PUBLICITY: 'publicity',
  PASSED: 'passed',
  NOT_PASSED: 'not_passed',
  QUALIFICATION_DOCUMENT_ISSUED: 'qualification_document_issued',
  POST_FILED: 'post_filed',
  CERTIFICATE_ISSUED: 'certificate_issued',
  NOT_ACCEPTED: 'not_accepted',
  WITHDRAWN: 'withdrawn',
  QUALIFICATION_REVOKED: 'qualification_revoked',
} as const;
export type ApplicationStatus = (typeof APPLICATION_STATUS)[keyof typeof APPLICATION_STATUS];

const S = APPLICATION_STATUS;

export const APPLICATION_STATUS_LABEL: Readonly<Record<ApplicationStatus, string>> = {
  registered: '已注册',
  drafting: '填报中',
  submitted: '已提交',
  employer_review: '单位审核公示',
  authority_review: '主管部门审核',
  returned: '已退回',
  materials_received: '已接收材料',
  fee_paid: '已缴费',
  paper_materials_received: '已接收纸质材料',
  defence: '专业水平答辩',
  evaluation_meeting: '评审会',
  publicity: '评审结果公示',
  passed: '评审通过',
  not_passed: '评审未通过',
  qualification_document_issued: '任职资格文件已印发',
  post_filed: '已事后备案',
  certificate_issued: '电子证书已签发',
  not_accepted: '不予受理',
  withdrawn: '已撤回',
  qualification_revoked: '已取消资格',
};

// Position on the progress timeline. `returned` sits at the review step it loops back from;
// the side exits have no place on the main line (null).
export const APPLICATION_STATUS_ORDER: Readonly<Record<ApplicationStatus, number | null>> = {
  registered: 0,
  drafting: 1,
  submitted: 2,
  employer_review: 3,
  authority_review: 4,
  returned: 4,
  materials_received: 5,
  fee_paid: 6,
  paper_materials_received: 7,
  defence: 8,
  evaluation_meeting: 9,
  publicity: 10,
  passed: 11,
  qualification_document_issued: 12,
  post_filed: 13,
  certificate_issued: 14,
  not_passed: null,
  not_accepted: null,
  withdrawn: null,
  qualification_revoked: null,
};

// Withdrawal is possible until the evaluation meeting; after it the committee has decided.
// Not accepted (R4 late/exhausted, R3 late, R19 falsification) is possible until the result;
// after a pass, falsification revokes the qualification instead (R19).
const BEFORE_MEETING_EXITS = [S.WITHDRAWN, S.NOT_ACCEPTED] as const;
const AFTER_PASS_EXITS = [S.QUALIFICATION_REVOKED] as const;

export const APPLICATION_TRANSITIONS: Readonly<
  Record<ApplicationStatus, readonly ApplicationStatus[]>
> = {
  registered: [S.DRAFTING, ...BEFORE_MEETING_EXITS],
  drafting: [S.SUBMITTED, ...BEFORE_MEETING_EXITS],
  submitted: [S.EMPLOYER_REVIEW, S.RETURNED, ...BEFORE_MEETING_EXITS],
  employer_review: [S.AUTHORITY_REVIEW, S.RETURNED, ...BEFORE_MEETING_EXITS],
  authority_review: [S.MATERIALS_RECEIVED, S.RETURNED, ...BEFORE_MEETING_EXITS],
  returned: [S.SUBMITTED, ...BEFORE_MEETING_EXITS],
  materials_received: [S.FEE_PAID, ...BEFORE_MEETING_EXITS],
  fee_paid: [S.PAPER_MATERIALS_RECEIVED, ...BEFORE_MEETING_EXITS],
  paper_materials_received: [S.DEFENCE, S.EVALUATION_MEETING, ...BEFORE_MEETING_EXITS],
  defence: [S.EVALUATION_MEETING, ...BEFORE_MEETING_EXITS],
  evaluation_meeting: [S.PUBLICITY, S.NOT_PASSED, S.NOT_ACCEPTED],
  publicity: [S.PASSED, S.NOT_PASSED, S.NOT_ACCEPTED],
  passed: [S.QUALIFICATION_DOCUMENT_ISSUED, ...AFTER_PASS_EXITS],
  qualification_document_issued: [S.POST_FILED, ...AFTER_PASS_EXITS],
  post_filed: [S.CERTIFICATE_ISSUED, ...AFTER_PASS_EXITS],
  certificate_issued: [...AFTER_PASS_EXITS],
  not_passed: [],
  not_accepted: [],
  withdrawn: [],
  qualification_revoked: [],
};

const STATUS_VALUES: ReadonlySet<string> = new Set(Object.values(APPLICATION_STATUS));

/**
 * Whether a string (from the database, the platform export) is a known status.
 *
 * @param value - the candidate
 * @example
 * isApplicationStatus('materials_received') // true
 */
export function isApplicationStatus(value: string): value is ApplicationStatus {
  return STATUS_VALUES.has(value);
}

/**
 * Whether a status is final: no transition leaves it and nothing is left to do.
 *
 * @param status - the status
 * @example
 * isTerminalStatus('withdrawn') // true
 */
export function isTerminalStatus(status: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[status].length === 0;
}

/**
 * The statuses the graph allows after a status (before any guard).
 *
 * @param status - the current status
 * @example
 * allowedNextStatuses('returned') // ['submitted', 'withdrawn', 'not_accepted']
 */
export function allowedNextStatuses(status: ApplicationStatus): readonly ApplicationStatus[] {
  return APPLICATION_TRANSITIONS[status];
}

export const TRANSITION_REFUSAL = {
  NO_CHANGE: 'no_change',
  FROM_TERMINAL: 'from_terminal',
  NOT_AN_EDGE: 'not_an_edge',
  APPLICATION_WINDOW_NOT_OPEN: 'application_window_not_open',
  APPLICATION_WINDOW_CLOSED: 'application_window_closed',
  SUBMISSIONS_EXHAUSTED: 'submissions_exhausted',
  REVISION_WINDOW_CLOSED: 'revision_window_closed',
  DEFENCE_NOT_REQUIRED: 'defence_not_required',
  DEFENCE_REQUIRED: 'defence_required',
} as const;
export type TransitionRefusal = (typeof TRANSITION_REFUSAL)[keyof typeof TRANSITION_REFUSAL];

export type TransitionCheck =
  { isAllowed: true } | { isAllowed: false; reason: TransitionRefusal; ruleId: RuleId | null };

// The facts the guards read. Without a context only the graph is checked.
export interface TransitionContext {
  application: Pick<Application, 'level' | 'submissionCount' | 'returnedAt' | 'defence'>;
  year: NoticeYear;
  now: Date;
}

const refuse = (reason: TransitionRefusal, ruleId: RuleId | null = null): TransitionCheck => ({
  isAllowed: false,
  reason,
  ruleId,
});
const ALLOWED: TransitionCheck = { isAllowed: true };

/**
 * Says whether an application may move from one status to another, and why not. Without a
 * context only the graph is checked; with one, the rules' guards run too: R3 the application
 * window, R4 the submission limit and the revision deadline, R11 the defence by level.
 *
 * @param from - the current status
 * @param to - the proposed status
 * @param context - the application's facts, the notice year and the moment of the change
 * @example
 * checkTransition('returned', 'submitted', { application, year: HOTAN_2023, now })
 * // { isAllowed: false, reason: 'revision_window_closed', ruleId: 'R4' } once the 48 hours are over
 */
export function checkTransition(
  from: ApplicationStatus,
  to: ApplicationStatus,
  context?: TransitionContext,
): TransitionCheck {
  if (from === to) return refuse(TRANSITION_REFUSAL.NO_CHANGE);
  if (isTerminalStatus(from)) return refuse(TRANSITION_REFUSAL.FROM_TERMINAL);
  if (!APPLICATION_TRANSITIONS[from].includes(to)) return refuse(TRANSITION_REFUSAL.NOT_AN_EDGE);
  if (context === undefined) return ALLOWED;

  const { application, year, now } = context;
  const maxSubmissions = year.rules.revision.maxSubmissions;
  if (from === S.DRAFTING && to === S.SUBMITTED) {
    const window = eventWindow(year, CALENDAR_EVENT_KIND.APPLICATION);
    if (window !== null && window.startsAtMs !== null && now.getTime() < window.startsAtMs) {
      return refuse(TRANSITION_REFUSAL.APPLICATION_WINDOW_NOT_OPEN, 'R3');
    }
    if (window !== null && now.getTime() >= window.endsAtMs) {
      return refuse(TRANSITION_REFUSAL.APPLICATION_WINDOW_CLOSED, 'R3');
    }
  }
  if (to === S.RETURNED && application.submissionCount >= maxSubmissions) {
    // The last allowed submission failed: the outcome is not accepted, not another return.
    return refuse(TRANSITION_REFUSAL.SUBMISSIONS_EXHAUSTED, 'R4');
  }
  if (from === S.RETURNED && to === S.SUBMITTED) {
    if (application.submissionCount >= maxSubmissions) {
      return refuse(TRANSITION_REFUSAL.SUBMISSIONS_EXHAUSTED, 'R4');
    }
    if (application.returnedAt !== null) {
      const deadline = revisionDeadlineMs(Date.parse(application.returnedAt), year);
      if (now.getTime() >= deadline) return refuse(TRANSITION_REFUSAL.REVISION_WINDOW_CLOSED, 'R4');
    }
  }
  if (from === S.PAPER_MATERIALS_RECEIVED && (to === S.DEFENCE || to === S.EVALUATION_MEETING)) {
    const requirement = defenceRequirement(
      application.level,
      application.defence.serviceInApplicationYear,
      year.rules,
    );
    if (to === S.DEFENCE && requirement.kind === 'not_required') {
      return refuse(TRANSITION_REFUSAL.DEFENCE_NOT_REQUIRED, 'R11');
    }
    if (to === S.EVALUATION_MEETING && requirement.kind === 'required') {
      return refuse(TRANSITION_REFUSAL.DEFENCE_REQUIRED, 'R11');
    }
  }
  return ALLOWED;
}
