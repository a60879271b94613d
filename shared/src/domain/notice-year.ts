import { beijingDayEndMs, beijingDayStartMs } from '../calendar/beijing-day';
import type { CalendarEventKind } from '../calendar/calendar.type';
import type { NoticeYear } from '../calendar/notice-rules.type';

// A calendar event as epoch milliseconds, computed once per calendar object: the to-do engine and
// the alerts run for every application on every tick and must not re-parse dates each time.
export interface EventWindow {
  kind: CalendarEventKind;
  startsAtMs: number | null;
  endsAtMs: number;
  section: string;
}

const windowsByCalendar = new WeakMap<object, Map<CalendarEventKind, EventWindow>>();

/**
 * A year's calendar event as instants (Beijing day starts and ends), memoised per calendar object.
 *
 * @param year - the notice year
 * @param kind - the event
 * @returns the window, or null when this year's calendar has no such event
 * @example
 * eventWindow(HOTAN_2023, 'fee')?.endsAtMs // Date.parse('2023-09-29T16:00:00Z')
 */
export function eventWindow(year: NoticeYear, kind: CalendarEventKind): EventWindow | null {
  let windows = windowsByCalendar.get(year.calendar);
  if (windows === undefined) {
    windows = new Map();
    for (const event of year.calendar.events) {
      windows.set(event.kind, {
        kind: event.kind,
        startsAtMs: event.startsOn === undefined ? null : beijingDayStartMs(event.startsOn),
        endsAtMs: beijingDayEndMs(event.endsOn),
        section: event.section,
      });
    }
    windowsByCalendar.set(year.calendar, windows);
  }
  return windows.get(kind) ?? null;
}

// Thrown when an application is judged against another year's or another route's notice: its
// deadlines would be wrong, and a wrong deadline is worse than none.
export class NoticeMismatchError extends RangeError {
  constructor(
    readonly applicationId: string,
    readonly detail: string,
  ) {
    super(`Application ${applicationId} does not belong to this notice: ${detail}`);
    this.name = 'NoticeMismatchError';
  }
}

/**
 * Checks that an application belongs to a notice year (same year and route).
 *
 * @param application - id, year and route of the application
 * @param year - the notice year
 * @throws NoticeMismatchError otherwise
 * @example
 * assertSameNotice({ id: 'a1', year: 2023, route: 'prefecture_directed' }, HOTAN_2023) // passes
 */
export function assertSameNotice(
  application: { id: string; year: number; route: string },
  year: NoticeYear,
): void {
  if (application.year !== year.calendar.year || application.year !== year.rules.year) {
    throw new NoticeMismatchError(
      application.id,
      `year ${application.year} against notice year ${year.calendar.year}`,
    );
  }
  if (application.route !== year.calendar.route) {
    throw new NoticeMismatchError(
      application.id,
      `route ${application.route} against calendar route ${year.calendar.route}`,
    );
  }
}
