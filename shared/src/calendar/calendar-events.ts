import { beijingDayEnd, beijingDayStart } from './beijing-time';
import type { CalendarEvent, CalendarYearDefinition } from './calendar.type';

/**
 * Turns a year's calendar (Beijing days, both ends inclusive) into windows of instants.
 *
 * @param calendar - a validated year calendar
 * @returns its events ordered by end, each starting at 00:00 and ending at 24:00 Beijing time
 * @example
 * toCalendarEvents(HOTAN_2023_CALENDAR)[0].endsAt.toISOString() // '2023-08-30T16:00:00.000Z'
 */
export function toCalendarEvents(calendar: CalendarYearDefinition): CalendarEvent[] {
  return calendar.events
    .map((event) => ({
      kind: event.kind,
      title: event.title,
      startsAt: event.startsOn === undefined ? null : beijingDayStart(event.startsOn),
      endsAt: beijingDayEnd(event.endsOn),
      section: event.section,
      wording: event.wording,
      interpretation: event.interpretation ?? null,
    }))
    .sort((a, b) => a.endsAt.getTime() - b.endsAt.getTime());
}
