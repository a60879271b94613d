import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

// Official deadlines are Beijing time (UTC+8); many people in Hotan live by Xinjiang time
// (UTC+6). Both are fixed offsets with no daylight saving, so no time-zone database is needed.
export const BEIJING_UTC_OFFSET_MINUTES = 8 * 60;
export const XINJIANG_UTC_OFFSET_MINUTES = 6 * 60;

/**
 * The first instant of a Beijing calendar day.
 *
 * @param date - YYYY-MM-DD
 * @example
 * beijingDayStart('2023-07-20').toISOString() // '2023-07-19T16:00:00.000Z'
 */
export function beijingDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * The instant a Beijing calendar day ends (its "24:00", i.e. the next day's 00:00).
 *
 * @param date - YYYY-MM-DD
 * @example
 * beijingDayEnd('2023-08-30').toISOString() // '2023-08-30T16:00:00.000Z'
 */
export function beijingDayEnd(date: string): Date {
  return dayjs(beijingDayStart(date)).add(1, 'day').toDate();
}

export interface WallClock {
  date: string; // YYYY-MM-DD
  time: string; // HH:mm, or 24:00 for the end of `date`
}

/**
 * Reads an instant on the wall clock of a fixed UTC offset.
 *
 * @param instant - the moment
 * @param offsetMinutes - e.g. BEIJING_UTC_OFFSET_MINUTES
 * @param isEnd - show midnight as 24:00 of the day before, as deadlines are written
 * @example
 * wallClock(new Date('2023-08-30T16:00:00Z'), 480, true) // { date: '2023-08-30', time: '24:00' }
 */
export function wallClock(instant: Date, offsetMinutes: number, isEnd = false): WallClock {
  const local = dayjs.utc(instant).utcOffset(offsetMinutes);
  if (isEnd && local.hour() === 0 && local.minute() === 0) {
    return { date: local.subtract(1, 'day').format('YYYY-MM-DD'), time: '24:00' };
  }
  return { date: local.format('YYYY-MM-DD'), time: local.format('HH:mm') };
}
