// A demo clock for presentations and browser tests: `?now=2023-08-20T10:00:00+08:00` shifts the
// app's clock by a fixed offset, so time still runs and countdowns still tick. The server says
// whether it is allowed (never in production).
let offsetMs = 0;

export function parseClockOverride(value: string | undefined | null): Date | null {
  if (!value) return null;
  const decoded = decodeURIComponent(value).replace(' ', '+');
  // Only full ISO instants with a zone: a bare date would silently mean the device's zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(decoded))
    return null;
  const parsed = new Date(decoded);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export function setClockOverride(at: Date | null, deviceNow: number = Date.now()): void {
  offsetMs = at === null ? 0 : at.getTime() - deviceNow;
}

export function isClockOverridden(): boolean {
  return offsetMs !== 0;
}

export function appNow(deviceNow: number = Date.now()): Date {
  return new Date(deviceNow + offsetMs);
}
