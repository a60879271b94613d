import { dualClock } from '../domain';
import type { Instant } from '../domain';
import { isolate } from './bidi';
import type { Translate } from './index';

// A moment on both clocks people in Hotan use, worded in the current language.
export function formatDual(t: Translate, instant: Instant, isEnd: boolean, isRtl = false): string {
  const { beijing, xinjiang } = dualClock(instant, isEnd);
  const xjTime =
    xinjiang.date === beijing.date ? xinjiang.time : `${xinjiang.date} ${xinjiang.time}`;
  return t('time.dual', {
    date: isolate(beijing.date, isRtl),
    time: isolate(beijing.time, isRtl),
    xjTime: isolate(xjTime, isRtl),
  });
}
