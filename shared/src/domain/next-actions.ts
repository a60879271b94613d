import type { NoticeYear } from '../calendar/notice-rules.type';
import type { Application, RuleId } from './application.type';
import { OBLIGATION_KIND, deriveObligations } from './obligations';
import type { ObligationDataByKind, ObligationKind } from './obligations';
import { URGENCY, urgencyOf } from './urgency';
import type { Urgency } from './urgency';

// The to-do list: the obligations of deriveObligations, each rated by urgency and sorted. The
// rules themselves live in obligations.ts, shared with the alerts.

export const ACTION_KIND = OBLIGATION_KIND;
export type ActionKind = ObligationKind;
export type ActionDataByKind = ObligationDataByKind;

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
      }) as NextAction,
  );
  if (actions.length > 1) actions.sort(byDeadlineThenKind);
  return actions;
}
