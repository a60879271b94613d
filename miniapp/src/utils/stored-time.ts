// When a stored answer was saved, by the phone's own clock, as the offline banner shows it: the
// time alone for a copy from today ("14:05"), with its day for an older one ("2026-11-28 14:05"),
// since a copy shown offline may be days old. ASCII digits in every language (Uyghur writes them
// too), and no Intl (missing on WeChat's Android engine). `nowMs` is the phone's real time, never
// the demo clock: `savedAt` is real time too.
export function formatStoredTime(epochMs: number, nowMs: number = Date.now()): string {
  const at = new Date(epochMs);
  const now = new Date(nowMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const isToday =
    at.getFullYear() === now.getFullYear() &&
    at.getMonth() === now.getMonth() &&
    at.getDate() === now.getDate();
  return isToday
    ? time
    : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}
