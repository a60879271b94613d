// Beijing calendar days as YYYY-MM-DD strings, computed with fixed-offset integer arithmetic so
// the result never depends on the host's time zone and no date library runs in hot paths.
const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether a string is a real calendar day written YYYY-MM-DD.
 *
 * @param value - the candidate
 * @example
 * isCalendarDate('2023-02-30') // false
 */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (match === null) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === value;
}

/**
 * Milliseconds of 00:00 UTC on a calendar day; throws on anything but a real YYYY-MM-DD.
 *
 * @param date - YYYY-MM-DD
 * @example
 * utcDayMs('2023-10-07') // 1696636800000
 */
export function utcDayMs(date: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/**
 * The Beijing calendar day an instant falls on.
 *
 * @param instant - a Date, an epoch in milliseconds or an ISO string
 * @example
 * beijingDateOf('2023-08-30T16:30:00Z') // '2023-08-31'
 */
export function beijingDateOf(instant: Date | number | string): string {
  const ms = typeof instant === 'number' ? instant : new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A calendar day plus (or minus) whole days.
 *
 * @param date - YYYY-MM-DD
 * @param days - may be negative
 * @example
 * addCalendarDays('2023-09-30', 2) // '2023-10-02'
 */
export function addCalendarDays(date: string, days: number): string {
  return new Date(utcDayMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day of the week of a calendar day, 0 = Sunday … 6 = Saturday.
 *
 * @param date - YYYY-MM-DD
 * @example
 * dayOfWeek('2023-10-07') // 6
 */
export function dayOfWeek(date: string): number {
  return new Date(utcDayMs(date)).getUTCDay();
}

/**
 * The instant a Beijing day starts, in epoch milliseconds (the cheap form of beijingDayStart).
 *
 * @param date - YYYY-MM-DD
 * @example
 * beijingDayStartMs('2023-07-20') // 1689782400000 (2023-07-19T16:00:00Z)
 */
export function beijingDayStartMs(date: string): number {
  return utcDayMs(date) - BEIJING_OFFSET_MS;
}

/**
 * The instant a Beijing day ends (its 24:00), in epoch milliseconds.
 *
 * @param date - YYYY-MM-DD
 * @example
 * beijingDayEndMs('2023-08-30') // 1693411200000 (2023-08-30T16:00:00Z)
 */
export function beijingDayEndMs(date: string): number {
  return beijingDayStartMs(date) + DAY_MS;
}
