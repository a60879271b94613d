import {
  BEIJING_UTC_OFFSET_MINUTES,
  XINJIANG_UTC_OFFSET_MINUTES,
  wallClock,
} from '../calendar/beijing-time';
import type { WallClock } from '../calendar/beijing-time';

export type Instant = Date | string;

export interface DualClock {
  beijing: WallClock;
  xinjiang: WallClock;
}

/**
 * An instant read on both clocks people in Hotan use: Beijing time (official) and Xinjiang time.
 *
 * @param instant - a Date or an ISO string
 * @param isEnd - a deadline: midnight reads as 24:00 of the day before
 * @example
 * dualClock('2023-08-30T16:00:00Z', true)
 * // { beijing: { date: '2023-08-30', time: '24:00' }, xinjiang: { date: '2023-08-30', time: '22:00' } }
 */
export function dualClock(instant: Instant, isEnd = false): DualClock {
  const moment = new Date(instant);
  if (Number.isNaN(moment.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  return {
    beijing: wallClock(moment, BEIJING_UTC_OFFSET_MINUTES, isEnd),
    xinjiang: wallClock(moment, XINJIANG_UTC_OFFSET_MINUTES, isEnd),
  };
}

/**
 * The one way a deadline is written for a person: Beijing time, then Xinjiang time; the Xinjiang
 * date is repeated only when it differs from the Beijing one.
 *
 * @param instant - the deadline (the instant the window closes)
 * @example
 * formatDeadline('2023-08-30T16:00:00Z') // '2023-08-30 24:00 北京时间（新疆时间 22:00）'
 */
export function formatDeadline(instant: Instant): string {
  return formatDualClock(dualClock(instant, true));
}

/**
 * The same for the start of a window (midnight reads 00:00 of the day).
 *
 * @param instant - when the window opens
 * @example
 * formatInstant('2023-07-19T16:00:00Z') // '2023-07-20 00:00 北京时间（新疆时间 2023-07-19 22:00）'
 */
export function formatInstant(instant: Instant): string {
  return formatDualClock(dualClock(instant, false));
}

function formatDualClock({ beijing, xinjiang }: DualClock): string {
  const xinjiangText =
    xinjiang.date === beijing.date ? xinjiang.time : `${xinjiang.date} ${xinjiang.time}`;
  return `${beijing.date} ${beijing.time} 北京时间（新疆时间 ${xinjiangText}）`;
}
