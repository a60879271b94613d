import chineseDays from 'chinese-days';

import { addCalendarDays, dayOfWeek, isCalendarDate } from '../calendar/beijing-day';

// Official PRC working days (法定工作日): Monday–Friday, minus the public holidays, plus the
// weekend make-up workdays (调休上班), as the State Council's yearly notice sets them. The data
// come from chinese-days, never from a hand-typed list.
//
// Two traps in chinese-days 1.5.7, handled here:
// - For a year it has no data for it silently answers "Monday–Friday"; we refuse instead.
// - It reads 'YYYY-MM-DD' as UTC midnight and then takes the weekday in the host's time zone, so
//   west of UTC every plain weekday shifts by one. Its holiday tables shift the same way as its
//   lookups, so a listed day is read correctly; for unlisted days we compute the weekday ourselves.
// This module is the only one that imports chinese-days, so a mini-app page that does not count
// working days does not ship it.

const WEEKDAY_NAMES: ReadonlySet<string> = new Set([
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
]);

export class WorkdayDataUnavailableError extends RangeError {
  constructor(readonly year: number) {
    super(`No official holiday data for ${year}: working days cannot be counted`);
    this.name = 'WorkdayDataUnavailableError';
  }
}

const knownYears = new Map<number, boolean>();

function isListed(date: string): { isListed: boolean; isWork: boolean } {
  const detail = chineseDays.getDayDetail(date);
  return { isListed: !WEEKDAY_NAMES.has(detail.name), isWork: detail.work };
}

/**
 * Whether the official holiday arrangement of a year is known (published and in chinese-days).
 * New Year's Day is a statutory holiday every year, so a year whose 1 January is not listed has
 * no data.
 *
 * @param year - e.g. 2023
 * @example
 * hasOfficialWorkdayData(2023) // true
 */
export function hasOfficialWorkdayData(year: number): boolean {
  let known = knownYears.get(year);
  if (known === undefined) {
    const isPlausible = Number.isInteger(year) && year >= 1000 && year <= 9999;
    known = isPlausible && isListed(`${year}-01-01`).isListed;
    knownYears.set(year, known);
  }
  return known;
}

const workdayCache = new Map<string, boolean>();

/**
 * Whether a Beijing calendar day is an official working day: make-up workdays (调休) count,
 * public holidays do not.
 *
 * @param date - YYYY-MM-DD
 * @throws WorkdayDataUnavailableError for a year without published holiday data
 * @example
 * isOfficialWorkday('2023-10-07') // true (Saturday, make-up workday for National Day)
 */
export function isOfficialWorkday(date: string): boolean {
  const cached = workdayCache.get(date);
  if (cached !== undefined) return cached;
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const year = Number(date.slice(0, 4));
  if (!hasOfficialWorkdayData(year)) throw new WorkdayDataUnavailableError(year);
  const listed = isListed(date);
  const weekday = dayOfWeek(date);
  const isWork = listed.isListed ? listed.isWork : weekday >= 1 && weekday <= 5;
  workdayCache.set(date, isWork);
  return isWork;
}

/**
 * The official working days between two days, both included.
 *
 * @param startsOn - YYYY-MM-DD
 * @param endsOn - YYYY-MM-DD, not before startsOn
 * @throws WorkdayDataUnavailableError when the range touches a year without data
 * @example
 * countOfficialWorkdays('2023-09-28', '2023-10-08') // 3 (09-28, 10-07, 10-08)
 */
export function countOfficialWorkdays(startsOn: string, endsOn: string): number {
  if (endsOn < startsOn) return 0;
  let count = 0;
  for (let day = startsOn; day <= endsOn; day = addCalendarDays(day, 1)) {
    if (isOfficialWorkday(day)) count += 1;
  }
  return count;
}

// No run of non-working days in the PRC calendar comes near this; it only stops a runaway loop.
const MAX_SEARCH_DAYS = 60;

/**
 * The day on which the n-th official working day counted from a day falls.
 *
 * @param from - YYYY-MM-DD, the first day considered
 * @param n - 1 for the first working day on or after `from`
 * @example
 * nthOfficialWorkday('2023-09-28', 2) // '2023-10-07'
 */
export function nthOfficialWorkday(from: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Not a positive count: ${n}`);
  let seen = 0;
  let day = from;
  for (let i = 0; i < MAX_SEARCH_DAYS * n; i += 1, day = addCalendarDays(day, 1)) {
    if (isOfficialWorkday(day)) {
      seen += 1;
      if (seen === n) return day;
    }
  }
  throw new RangeError(`No ${n} working days within ${MAX_SEARCH_DAYS * n} days of ${from}`);
}
