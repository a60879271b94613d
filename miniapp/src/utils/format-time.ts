import { dualClock } from '@titletrack/shared/domain';
import type { Instant } from '@titletrack/shared/domain';

// The dual-clock wording is shared with the server's first screen.
export { formatDual } from '@titletrack/shared/locales';

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
