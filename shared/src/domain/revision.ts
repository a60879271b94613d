import { addCalendarDays, beijingDateOf, beijingDayEndMs } from '../calendar/beijing-day';
import { REVISION_WINDOW_UNIT } from '../calendar/notice-rules.type';
import type { NoticeRules, NoticeYear } from '../calendar/notice-rules.type';
import { assertUnreachable } from './assert-unreachable';
import type { Instant } from './deadline-format';
import { eventWindow } from './notice-year';

const HOUR_MS = 3_600_000;

// R4 (§四(一)1): "申报人未通过首次审核的，应于退回后 2 日内根据修改意见修改材料并再次提交，提交评审委员会
// 审核次数不超过 3 次，对于第 3 次提交后申报材料仍不符合要求，或退回后超过申报时限的不予受理。"

function toMs(instant: Instant): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return ms;
}

/**
 * The same as revisionDeadline, in epoch milliseconds, for hot paths.
 *
 * @param returnedAtMs - when the application was returned
 * @param year - the notice year (its revision window and cap)
 * @example
 * revisionDeadlineMs(Date.parse('2023-08-15T02:00:00Z'), HOTAN_2023) // Date.parse('2023-08-17T02:00:00Z')
 */
export function revisionDeadlineMs(returnedAtMs: number, year: NoticeYear): number {
  const { windowUnit, windowAmount, capEvent } = year.rules.revision;
  let deadline: number;
  switch (windowUnit) {
    case REVISION_WINDOW_UNIT.HOURS:
      deadline = returnedAtMs + windowAmount * HOUR_MS;
      break;
    case REVISION_WINDOW_UNIT.CALENDAR_DAYS:
      // Civil Code art. 201: the day of the return is not counted; the last day ends at 24:00.
      deadline = beijingDayEndMs(addCalendarDays(beijingDateOf(returnedAtMs), windowAmount));
      break;
    default:
      return assertUnreachable(windowUnit);
  }
  const cap = capEvent === null ? null : eventWindow(year, capEvent);
  return cap === null ? deadline : Math.min(deadline, cap.endsAtMs);
}

/**
 * R4: the instant by which a returned application must be resubmitted. The window (48 hours, or
 * to the end of the 2nd Beijing day) and its cap (the end of review) come from the year's rules.
 *
 * @param returnedAt - when the application was returned
 * @param year - the notice year
 * @example
 * revisionDeadline('2023-08-15T02:00:00Z', HOTAN_2023).toISOString() // '2023-08-17T02:00:00.000Z'
 */
export function revisionDeadline(returnedAt: Instant, year: NoticeYear): Date {
  return new Date(revisionDeadlineMs(toMs(returnedAt), year));
}

/**
 * R4: how many more submissions the committee will take.
 *
 * @param submissionCount - submissions so far, the first included
 * @param rules - the year's rules (max submissions)
 * @example
 * submissionsLeft(1, HOTAN_2023_RULES) // 2
 */
export function submissionsLeft(submissionCount: number, rules: NoticeRules): number {
  return Math.max(0, rules.revision.maxSubmissions - submissionCount);
}

export const REVIEW_FAILURE_OUTCOME = {
  RETURNED: 'returned',
  NOT_ACCEPTED: 'not_accepted',
} as const;
export type ReviewFailureOutcome =
  (typeof REVIEW_FAILURE_OUTCOME)[keyof typeof REVIEW_FAILURE_OUTCOME];

/**
 * R4: what happens when a submission fails review: returned for revision, or not accepted once
 * the last allowed submission has failed.
 *
 * @param submissionCount - submissions so far, the failing one included
 * @param rules - the year's rules
 * @example
 * reviewFailureOutcome(3, HOTAN_2023_RULES) // 'not_accepted'
 */
export function reviewFailureOutcome(
  submissionCount: number,
  rules: NoticeRules,
): ReviewFailureOutcome {
  return submissionCount >= rules.revision.maxSubmissions
    ? REVIEW_FAILURE_OUTCOME.NOT_ACCEPTED
    : REVIEW_FAILURE_OUTCOME.RETURNED;
}

export const RESUBMISSION_REFUSAL = {
  REVISION_WINDOW_CLOSED: 'revision_window_closed',
  SUBMISSIONS_EXHAUSTED: 'submissions_exhausted',
} as const;
export type ResubmissionRefusal = (typeof RESUBMISSION_REFUSAL)[keyof typeof RESUBMISSION_REFUSAL];

export type ResubmissionCheck =
  | { isAllowed: true; deadline: Date; submissionsLeft: number }
  | { isAllowed: false; reason: ResubmissionRefusal; deadline: Date; submissionsLeft: number };

/**
 * R4: whether a returned application may still be resubmitted at a given moment; when it may
 * not, the application is not accepted (不予受理).
 *
 * @param returnedAt - when it was returned
 * @param submissionCount - submissions so far, the first included
 * @param year - the notice year
 * @param now - the moment of the resubmission
 * @example
 * checkResubmission('2023-08-15T02:00:00Z', 1, HOTAN_2023, new Date('2023-08-17T03:00:00Z'))
 * // { isAllowed: false, reason: 'revision_window_closed', deadline: 2023-08-17T02:00:00Z, submissionsLeft: 2 }
 */
export function checkResubmission(
  returnedAt: Instant,
  submissionCount: number,
  year: NoticeYear,
  now: Date,
): ResubmissionCheck {
  const deadline = revisionDeadline(returnedAt, year);
  const left = submissionsLeft(submissionCount, year.rules);
  if (left === 0) {
    return {
      isAllowed: false,
      reason: RESUBMISSION_REFUSAL.SUBMISSIONS_EXHAUSTED,
      deadline,
      submissionsLeft: 0,
    };
  }
  if (now.getTime() >= deadline.getTime()) {
    return {
      isAllowed: false,
      reason: RESUBMISSION_REFUSAL.REVISION_WINDOW_CLOSED,
      deadline,
      submissionsLeft: left,
    };
  }
  return { isAllowed: true, deadline, submissionsLeft: left };
}
