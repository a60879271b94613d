import type { Instant } from './deadline-format';

export interface TimedStep {
  startsAt: Instant | null;
  endsAt: Instant;
}

export const STEP_PHASE = { PAST: 'past', CURRENT: 'current', UPCOMING: 'upcoming' } as const;
export type StepPhase = (typeof STEP_PHASE)[keyof typeof STEP_PHASE];

const time = (instant: Instant): number => new Date(instant).getTime();

/**
 * Where a calendar step stands at a given moment. A bare deadline (no start) is upcoming until
 * it closes, then past.
 *
 * @param step - a window (start may be null for a bare deadline)
 * @param now - the moment to judge at
 * @example
 * stepPhase({ startsAt: '2023-07-19T16:00:00Z', endsAt: '2023-08-30T16:00:00Z' }, new Date('2023-08-01')) // 'current'
 */
export function stepPhase(step: TimedStep, now: Date): StepPhase {
  if (time(step.endsAt) <= now.getTime()) return STEP_PHASE.PAST;
  if (step.startsAt !== null && time(step.startsAt) <= now.getTime()) return STEP_PHASE.CURRENT;
  return STEP_PHASE.UPCOMING;
}

/**
 * The step whose deadline comes next: the earliest end still in the future.
 *
 * @param steps - a year's calendar, in any order (not mutated)
 * @param now - the moment to judge at
 * @returns the step, or null when every deadline has passed
 * @example
 * nextDeadline(events, new Date('2023-08-20T00:00:00Z'))?.kind // 'application'
 */
export function nextDeadline<T extends TimedStep>(steps: readonly T[], now: Date): T | null {
  let next: T | null = null;
  for (const step of steps) {
    if (time(step.endsAt) <= now.getTime()) continue;
    if (next === null || time(step.endsAt) < time(next.endsAt)) next = step;
  }
  return next;
}

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  isOver: boolean;
}

/**
 * The time left until a deadline, split for display; never negative.
 *
 * @param deadline - the closing instant
 * @param now - the moment to count from
 * @example
 * countdown('2023-08-30T16:00:00Z', new Date('2023-08-29T14:59:30Z')) // { days: 1, hours: 1, minutes: 0, seconds: 30, isOver: false }
 */
export function countdown(deadline: Instant, now: Date): Countdown {
  const left = Math.max(0, time(deadline) - now.getTime());
  const seconds = Math.floor(left / 1000);
  return {
    days: Math.floor(seconds / 86_400),
    hours: Math.floor((seconds % 86_400) / 3600),
    minutes: Math.floor((seconds % 3600) / 60),
    seconds: seconds % 60,
    isOver: left === 0,
  };
}

/**
 * How far a moment is through a year's calendar, for placing "today" on a timeline.
 *
 * @param steps - the calendar
 * @param now - the moment
 * @returns 0 before the first start, 1 after the last end, linear in between
 * @example
 * yearProgress(events, new Date('2020-01-01')) // 0
 */
export function yearProgress(steps: readonly TimedStep[], now: Date): number {
  if (steps.length === 0) return 0;
  const starts = steps.map((step) => time(step.startsAt ?? step.endsAt));
  const first = Math.min(...starts);
  const last = Math.max(...steps.map((step) => time(step.endsAt)));
  if (last <= first) return now.getTime() >= last ? 1 : 0;
  return Math.min(1, Math.max(0, (now.getTime() - first) / (last - first)));
}
