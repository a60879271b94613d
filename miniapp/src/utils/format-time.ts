import { dualClock } from '@titletrack/shared/domain';
import type { Instant } from '@titletrack/shared/domain';

import type { Translate } from '../locales';

// Left-to-right isolates keep "2023-08-30 24:00" readable inside right-to-left Uyghur text.
const isolate = (text: string, isRtl: boolean): string => (isRtl ? `\u2066${text}\u2069` : text);

// A moment on both clocks people in Hotan use, worded in the current language.
export function formatDual(t: Translate, instant: Instant, isEnd: boolean, isRtl = false): string {
  const { beijing, xinjiang } = dualClock(instant, isEnd);
  const xjTime = xinjiang.date === beijing.date ? xinjiang.time : `${xinjiang.date} ${xinjiang.time}`;
  return t('time.dual', {
    date: isolate(beijing.date, isRtl),
    time: isolate(beijing.time, isRtl),
    xjTime: isolate(xjTime, isRtl),
  });
}

// The phone's own wall-clock time of a stored answer ("as of 14:05").
export function formatClockTime(epochMs: number): string {
  const at = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

// A Beijing calendar day of an instant, for history rows ("2023-08-20 10:00").
export function formatBeijingMinute(instant: Instant): string {
  const { beijing } = dualClock(instant, false);
  return `${beijing.date} ${beijing.time}`;
}
