import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

// Nothing is pushed between 22:00 and 08:00 Xinjiang time (UTC+6, no daylight saving) unless
// the deadline is less than 12 hours away. The inbox is never held.
const XINJIANG_OFFSET_MINUTES = 6 * 60;
export const QUIET_STARTS_HOUR = 22;
export const QUIET_ENDS_HOUR = 8;
export const URGENT_WITHIN_MS = 12 * 3_600_000;

/**
 * When a push may go out.
 *
 * @returns null when it may go now, else the end of the current quiet hours
 * @example
 * pushHeldUntil(new Date('2023-08-15T17:00:00Z'), null) // 23:00 in Hotan → 2023-08-16T02:00:00Z (08:00)
 */
export function pushHeldUntil(now: Date, deadline: Date | null): Date | null {
  if (deadline !== null && deadline.getTime() - now.getTime() < URGENT_WITHIN_MS) return null;
  const local = dayjs.utc(now).utcOffset(XINJIANG_OFFSET_MINUTES);
  const hour = local.hour();
  if (hour >= QUIET_ENDS_HOUR && hour < QUIET_STARTS_HOUR) return null;
  const day = hour >= QUIET_STARTS_HOUR ? local.add(1, 'day') : local;
  return day.hour(QUIET_ENDS_HOUR).minute(0).second(0).millisecond(0).toDate();
}
