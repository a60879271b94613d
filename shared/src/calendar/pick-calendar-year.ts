import { beijingDayStart } from './beijing-time';

/**
 * Which year's calendar to show at a moment: the current Beijing year if it has one, else the
 * latest year before it, else the earliest there is (a notice not yet in force).
 *
 * @param years - the years that have a calendar, in any order
 * @param now - the moment
 * @returns the year, or null when there are no calendars
 * @example
 * pickCalendarYear([2023], new Date('2026-11-25T00:00:00Z')) // 2023
 */
export function pickCalendarYear(years: readonly number[], now: Date): number | null {
  if (years.length === 0) return null;
  const sorted = [...years].sort((a, b) => a - b);
  let current = sorted[0] ?? null;
  for (const year of sorted) {
    if (beijingDayStart(`${year}-01-01`).getTime() <= now.getTime()) current = year;
  }
  return current;
}
