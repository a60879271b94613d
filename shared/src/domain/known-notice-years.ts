import { HOTAN_2023 } from '../calendar/hotan-2023.rules';
import type { NoticeYear } from '../calendar/notice-rules.type';

// The notice years whose rules this product knows: a new notice adds one line here, and the
// server (progress, reminders) and the mini-app pick it up. Keyed by year and route, because the
// planner looks one up for every application on every tick.
export const KNOWN_NOTICE_YEARS: readonly NoticeYear[] = [HOTAN_2023];

const byYearAndRoute = new Map(
  KNOWN_NOTICE_YEARS.map((year) => [`${year.rules.year}:${year.calendar.route}`, year]),
);

/**
 * The rules of an application's notice year, or null for a year or route we do not know (no
 * deadline is better than a wrong one).
 *
 * @example
 * findNoticeYear(2023, 'prefecture_directed') === HOTAN_2023 // true
 */
export const findNoticeYear = (year: number, route: string): NoticeYear | null =>
  byYearAndRoute.get(`${year}:${route}`) ?? null;
