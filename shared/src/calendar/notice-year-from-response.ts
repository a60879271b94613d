import type { CalendarYearResponse } from '../contract/calendar';
import { beijingDateOf } from './beijing-day';
import type { CalendarEventDefinition } from './calendar.type';
import type { NoticeYear } from './notice-rules.type';

/**
 * The notice year the to-do engine computes with (its calendar in Beijing days, its rules), made
 * from a published notice as the API sends it. The API gives instants: an event that closes at
 * Beijing 24:00 of its last day ends at the next day's 00:00, so the last day is the Beijing day
 * of one millisecond before the end.
 *
 * @param response - GET /api/calendars/:year
 * @returns a NoticeYear; the input is not changed
 * @example
 * noticeYearFromResponse(hotan2023).calendar.events[0].endsOn // '2023-08-30' (from endsAt '2023-08-30T16:00:00.000Z')
 */
export function noticeYearFromResponse(response: CalendarYearResponse): NoticeYear {
  const events: CalendarEventDefinition[] = response.events.map((event) => {
    const endsAtMs = new Date(event.endsAt).getTime();
    if (Number.isNaN(endsAtMs)) throw new RangeError(`Not an instant: ${event.endsAt}`);
    return {
      kind: event.kind,
      title: event.title,
      ...(event.startsAt === null ? {} : { startsOn: beijingDateOf(event.startsAt) }),
      endsOn: beijingDateOf(endsAtMs - 1),
      section: event.section,
      wording: event.wording,
      ...(event.interpretation === null ? {} : { interpretation: event.interpretation }),
    };
  });
  return {
    calendar: {
      year: response.year,
      route: response.route,
      region: response.region,
      title: response.title,
      noticeDocumentNumber: response.noticeDocumentNumber,
      events,
    },
    rules: response.rules,
  };
}
