import type { NoticeRules, NoticeYear } from '../calendar/notice-rules.type';
import type { Application, RuleId } from './application.type';
import { assertUnreachable } from './assert-unreachable';
import { OBLIGATION_KIND, deriveObligations } from './obligations';
import type { ObligationDataByKind, ObligationKind } from './obligations';
import { URGENCY, urgencyOf } from './urgency';
import type { Urgency } from './urgency';

// The to-do list: the obligations of deriveObligations, each rated by urgency and sorted. The
// rules themselves live in obligations.ts, shared with the alerts.

export const ACTION_KIND = OBLIGATION_KIND;
export type ActionKind = ObligationKind;
export type ActionDataByKind = ObligationDataByKind;

// Where an action leads: the platform where it is done, a screen of the app, the office that
// receives paper materials, or nowhere (something only to wait for).
export const ACTION_SCREEN = {
  FEE: 'fee',
  CERTIFICATE: 'certificate',
  FACTS: 'facts',
  APPLICATION: 'application',
  CHECKLIST: 'checklist',
} as const;
export type ActionScreen = (typeof ACTION_SCREEN)[keyof typeof ACTION_SCREEN];

export type ActionTarget =
  // The platform's address for the route (the notice's), null when the notice names none.
  | { kind: 'platform'; url: string | null }
  | { kind: 'screen'; screen: ActionScreen }
  // Paper materials: the title office, with the address and contact phone the notice gives.
  | { kind: 'office'; address: string | null; phone: string | null }
  | { kind: 'none' };

export type NextAction = {
  [K in ActionKind]: {
    kind: K;
    isTask: boolean; // the applicant must act; otherwise something to watch for
    deadline: Date | null;
    urgency: Urgency;
    ruleId: RuleId;
    section: string;
    data: ActionDataByKind[K];
    target: ActionTarget;
    // The step is the office's (or its committees'): its date is when to expect it ("预计…前"),
    // not a deadline of the applicant's.
    isOfficeDeadline: boolean;
  };
}[ActionKind];

const screen = (name: ActionScreen): ActionTarget => ({ kind: 'screen', screen: name });
const NOWHERE: ActionTarget = { kind: 'none' };

/**
 * Where the applicant goes to do (or follow) an action: submitting, revising and the employer
 * publicity are on the platform; the fee, continuing education, the defence and the certificate
 * have screens of their own; paper materials go to the office; the office's own steps lead nowhere.
 *
 * @param kind - the action kind
 * @param rules - the year's rules (platform address, office address and contacts)
 * @example
 * actionTarget('submit_application', HOTAN_2023_RULES) // { kind: 'platform', url: 'http://ht.xjzcsq.com' }
 */
export function actionTarget(kind: ActionKind, rules: NoticeRules): ActionTarget {
  switch (kind) {
    case ACTION_KIND.SUBMIT_APPLICATION:
    case ACTION_KIND.REVISE_APPLICATION:
    case ACTION_KIND.WATCH_EMPLOYER_PUBLICITY:
      return { kind: 'platform', url: rules.platformUrl ?? null };
    case ACTION_KIND.PAY_FEE:
      return screen(ACTION_SCREEN.FEE);
    case ACTION_KIND.COMPLETE_CONTINUING_EDUCATION:
      return screen(ACTION_SCREEN.FACTS);
    case ACTION_KIND.PREPARE_DEFENCE:
    case ACTION_KIND.NOTE_DEFENCE_EXEMPTION:
      return screen(ACTION_SCREEN.APPLICATION);
    case ACTION_KIND.SEND_PAPER_MATERIALS: {
      const contact = rules.contacts.find((c) => c.role === 'contact');
      return {
        kind: 'office',
        address: rules.officeAddress ?? null,
        phone: contact?.phone ?? null,
      };
    }
    case ACTION_KIND.DOWNLOAD_CERTIFICATE:
      return screen(ACTION_SCREEN.CERTIFICATE);
    case ACTION_KIND.AWAIT_REVIEW:
    case ACTION_KIND.WATCH_EVALUATION_MEETING:
    case ACTION_KIND.WATCH_PUBLICITY:
    case ACTION_KIND.AWAIT_QUALIFICATION_DOCUMENT:
    case ACTION_KIND.AWAIT_CERTIFICATE:
      return NOWHERE;
    default:
      return assertUnreachable(kind);
  }
}

// The steps the office and its committees take, whose dates the applicant can only expect: the
// review (三(二)), the meetings and their publicity (三(四)), the qualification documents (三(五))
// and the post filing with the certificates (三(六)). The employer publicity is the employer's.
const IS_OFFICE_DEADLINE: Readonly<Record<ActionKind, boolean>> = {
  submit_application: false,
  complete_continuing_education: false,
  watch_employer_publicity: false,
  await_review: true,
  revise_application: false,
  pay_fee: false,
  send_paper_materials: false,
  prepare_defence: false,
  note_defence_exemption: false,
  watch_evaluation_meeting: true,
  watch_publicity: true,
  await_qualification_document: true,
  await_certificate: true,
  download_certificate: false,
};

/**
 * Whether an action's date is the office's step, to be worded as expected ("预计…前") rather than
 * as the applicant's deadline.
 *
 * @param kind - the action kind
 * @example
 * isOfficeDeadline('await_qualification_document') // true
 */
export function isOfficeDeadline(kind: ActionKind): boolean {
  return IS_OFFICE_DEADLINE[kind];
}

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
  const nowMs = now.getTime();
  const actions = deriveObligations(application, year, now).map(
    ({ kind, isTask, deadlineMs, ruleId, section, data }) =>
      ({
        kind,
        isTask,
        deadline: deadlineMs === null ? null : new Date(deadlineMs),
        // Watch items have nothing to be late for.
        urgency: isTask ? urgencyOf(deadlineMs, nowMs, year.rules) : URGENCY.INFO,
        ruleId,
        section,
        data,
        target: actionTarget(kind, year.rules),
        isOfficeDeadline: IS_OFFICE_DEADLINE[kind],
      }) as NextAction,
  );
  if (actions.length > 1) actions.sort(byDeadlineThenKind);
  return actions;
}
