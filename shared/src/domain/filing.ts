import {
  addCalendarDays,
  beijingDayEndMs,
  beijingDayStartMs,
  isCalendarDate,
} from '../calendar/beijing-day';
import type { NoticeRules } from '../calendar/notice-rules.type';
import type { Instant } from './deadline-format';

// R15 (§四(八)): "评审工作事前备案在2023年7月20日前完成，评审会议会前备案需在评审会议召开前3—5天完成，
// 评审工作事后备案需在本系列（专业）职称评审任职资格文件印发后5天内完成。" "天" is read as calendar days.

export interface FilingWindow {
  opensOn: string | null; // YYYY-MM-DD, first day
  closesOn: string; // YYYY-MM-DD, last day
  opensAt: Date | null;
  closesAt: Date; // 24:00 Beijing time of closesOn
}

function toMs(instant: Instant): number {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return ms;
}

function assertDate(date: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
}

/**
 * R15: when the pre-meeting filing (会前备案) of an evaluation meeting must be done: from the 5th
 * to the 3rd calendar day before the meeting day, both included.
 *
 * @param meetingOn - YYYY-MM-DD, the day of the meeting
 * @param rules - the year's rules
 * @example
 * preMeetingFilingWindow('2023-10-12', HOTAN_2023_RULES) // opensOn '2023-10-07', closesOn '2023-10-09'
 */
export function preMeetingFilingWindow(meetingOn: string, rules: NoticeRules): FilingWindow {
  assertDate(meetingOn);
  const opensOn = addCalendarDays(meetingOn, -rules.filing.preMeetingMaxDaysBefore);
  const closesOn = addCalendarDays(meetingOn, -rules.filing.preMeetingMinDaysBefore);
  return {
    opensOn,
    closesOn,
    opensAt: new Date(beijingDayStartMs(opensOn)),
    closesAt: new Date(beijingDayEndMs(closesOn)),
  };
}

/**
 * R15: when the post-work filing (事后备案) is due after the qualification document is issued: the
 * issue day is not counted (Civil Code art. 201), the 5th day after it is the last.
 *
 * @param documentIssuedOn - YYYY-MM-DD
 * @param rules - the year's rules
 * @example
 * postFilingWindow('2023-11-28', HOTAN_2023_RULES).closesOn // '2023-12-03'
 */
export function postFilingWindow(documentIssuedOn: string, rules: NoticeRules): FilingWindow {
  assertDate(documentIssuedOn);
  const closesOn = addCalendarDays(documentIssuedOn, rules.filing.postFilingWithinDays);
  return {
    opensOn: documentIssuedOn,
    closesOn,
    opensAt: new Date(beijingDayStartMs(documentIssuedOn)),
    closesAt: new Date(beijingDayEndMs(closesOn)),
  };
}

/**
 * R15: the pre-work filing (事前备案) deadline of the year.
 *
 * @param rules - the year's rules
 * @example
 * preWorkFilingWindow(HOTAN_2023_RULES).closesAt.toISOString() // '2023-07-19T16:00:00.000Z'
 */
export function preWorkFilingWindow(rules: NoticeRules): FilingWindow {
  return {
    opensOn: null,
    closesOn: rules.filing.preWorkFilingBy,
    opensAt: null,
    closesAt: new Date(beijingDayEndMs(rules.filing.preWorkFilingBy)),
  };
}

/**
 * R15: whether a filing made at an instant falls inside its window.
 *
 * @param filedAt - when the filing was made
 * @param window - from preMeetingFilingWindow, postFilingWindow or preWorkFilingWindow
 * @example
 * isFiledInWindow('2023-10-06T03:00:00Z', preMeetingFilingWindow('2023-10-12', HOTAN_2023_RULES)) // false (too early)
 */
export function isFiledInWindow(filedAt: Instant, window: FilingWindow): boolean {
  const ms = toMs(filedAt);
  if (window.opensAt !== null && ms < window.opensAt.getTime()) return false;
  return ms < window.closesAt.getTime();
}
