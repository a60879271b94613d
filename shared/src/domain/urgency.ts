import type { NoticeRules } from '../calendar/notice-rules.type';

export const URGENCY = {
  OVERDUE: 'overdue',
  CRITICAL: 'critical',
  SOON: 'soon',
  NORMAL: 'normal',
  INFO: 'info',
} as const;
export type Urgency = (typeof URGENCY)[keyof typeof URGENCY];

const HOUR_MS = 3_600_000;

/**
 * How urgent a task with a deadline is: overdue once it has passed, critical and soon within the
 * year's thresholds (24 h and 72 h in 2023), normal otherwise or without a deadline.
 *
 * @param deadlineMs - the deadline in epoch milliseconds, or null
 * @param nowMs - the moment, in epoch milliseconds
 * @param rules - the year's rules (thresholds)
 * @example
 * urgencyOf(Date.parse('2023-09-29T16:00:00Z'), Date.parse('2023-09-29T00:00:00Z'), HOTAN_2023_RULES) // 'critical'
 */
export function urgencyOf(deadlineMs: number | null, nowMs: number, rules: NoticeRules): Urgency {
  if (deadlineMs === null) return URGENCY.NORMAL;
  const left = deadlineMs - nowMs;
  if (left <= 0) return URGENCY.OVERDUE;
  if (left <= rules.urgency.criticalWithinHours * HOUR_MS) return URGENCY.CRITICAL;
  if (left <= rules.urgency.soonWithinHours * HOUR_MS) return URGENCY.SOON;
  return URGENCY.NORMAL;
}
