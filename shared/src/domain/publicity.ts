import { addCalendarDays, isCalendarDate } from '../calendar/beijing-day';
import type { NoticeRules } from '../calendar/notice-rules.type';
import { countOfficialWorkdays, nthOfficialWorkday } from './working-days';

// R9 (§四(二)): "用人单位对审核情况填写明确意见，在单位内部进行不少于5个工作日的公示，经公示无异议的按程序提交。"
// The template (附件1) writes the period "从××××年××月××日起至××××年××月××日止（公示期不少于5个工作日）".

function firstCountedDay(startsOn: string, rules: NoticeRules): string {
  if (!isCalendarDate(startsOn)) throw new RangeError(`Not a calendar date: ${startsOn}`);
  return rules.publicity.startDayCounts ? startsOn : addCalendarDays(startsOn, 1);
}

/**
 * R9: the earliest last day of an employer publicity that starts on a given day, counting
 * official working days (holidays excluded, make-up workdays included).
 *
 * @param startsOn - YYYY-MM-DD, the first day of the publicity
 * @param rules - the year's rules (minimum working days, whether the start day counts)
 * @throws WorkdayDataUnavailableError when the period reaches a year without holiday data
 * @example
 * earliestPublicityEnd('2023-09-28', HOTAN_2023_RULES) // '2023-10-10' (09-28, 10-07, 10-08, 10-09, 10-10)
 */
export function earliestPublicityEnd(startsOn: string, rules: NoticeRules): string {
  return nthOfficialWorkday(firstCountedDay(startsOn, rules), rules.publicity.minWorkingDays);
}

export interface PublicityCheck {
  isValid: boolean;
  workingDays: number;
  requiredWorkingDays: number;
  earliestEndsOn: string;
}

/**
 * R9: whether an employer publicity from one day to another (both included) lasts the minimum
 * number of official working days.
 *
 * @param startsOn - YYYY-MM-DD
 * @param endsOn - YYYY-MM-DD
 * @param rules - the year's rules
 * @throws WorkdayDataUnavailableError when the period reaches a year without holiday data
 * @example
 * checkPublicityPeriod('2023-09-28', '2023-10-09', HOTAN_2023_RULES)
 * // { isValid: false, workingDays: 4, requiredWorkingDays: 5, earliestEndsOn: '2023-10-10' }
 */
export function checkPublicityPeriod(
  startsOn: string,
  endsOn: string,
  rules: NoticeRules,
): PublicityCheck {
  if (!isCalendarDate(endsOn)) throw new RangeError(`Not a calendar date: ${endsOn}`);
  const earliestEndsOn = earliestPublicityEnd(startsOn, rules);
  const workingDays =
    endsOn < startsOn ? 0 : countOfficialWorkdays(firstCountedDay(startsOn, rules), endsOn);
  return {
    isValid: workingDays >= rules.publicity.minWorkingDays,
    workingDays,
    requiredWorkingDays: rules.publicity.minWorkingDays,
    earliestEndsOn,
  };
}
