import type { CalendarYearResponse } from '../contract/calendar';
import { toCalendarEvents } from './calendar-events';
import { HOTAN_2023_CALENDAR } from './hotan-2023.calendar';
import { HOTAN_2023, HOTAN_2023_RULES } from './hotan-2023.rules';
import { noticeYearFromResponse } from './notice-year-from-response';

// GET /api/calendars/2023 as the server answers it for the seed notice.
const HOTAN_2023_RESPONSE: CalendarYearResponse = {
  year: 2023,
  route: 'prefecture_directed',
  regionCode: '6532',
  region: HOTAN_2023_CALENDAR.region,
  title: HOTAN_2023_CALENDAR.title,
  noticeDocumentNumber: HOTAN_2023_CALENDAR.noticeDocumentNumber,
  events: toCalendarEvents(HOTAN_2023_CALENDAR).map((event) => ({
    id: event.kind,
    kind: event.kind,
    title: event.title,
    startsAt: event.startsAt?.toISOString() ?? null,
    endsAt: event.endsAt.toISOString(),
    section: event.section,
    wording: event.wording,
    interpretation: event.interpretation,
  })),
  rules: HOTAN_2023_RULES,
  version: 1,
  publishedAt: '2023-07-12T02:00:00.000Z',
};

const byKind = <T extends { kind: string }>(events: readonly T[]): T[] =>
  [...events].sort((a, b) => a.kind.localeCompare(b.kind));

describe('noticeYearFromResponse', () => {
  it('gives back the Beijing days of the notice from the instants the API sends', () => {
    const year = noticeYearFromResponse(HOTAN_2023_RESPONSE);
    expect(byKind(year.calendar.events)).toEqual(byKind(HOTAN_2023.calendar.events));
    expect({ ...year.calendar, events: [] }).toEqual({ ...HOTAN_2023.calendar, events: [] });
    expect(year.rules).toBe(HOTAN_2023_RULES);
  });

  it('reads an end at Beijing midnight as the day before, and any later instant as its own day', () => {
    const [first] = HOTAN_2023_RESPONSE.events;
    if (!first) throw new Error('the fixture has events');
    const at = (endsAt: string, startsAt: string | null = null) =>
      noticeYearFromResponse({
        ...HOTAN_2023_RESPONSE,
        events: [{ ...first, startsAt, endsAt }],
      }).calendar.events[0];
    expect(at('2023-08-30T16:00:00.000Z')?.endsOn).toBe('2023-08-30');
    expect(at('2023-08-30T16:00:00.001Z')?.endsOn).toBe('2023-08-31');
    expect(at('2023-08-30T10:00:00.000Z')?.endsOn).toBe('2023-08-30');
    expect(at('2023-08-30T16:00:00.000Z', '2023-07-19T16:00:00.000Z')?.startsOn).toBe('2023-07-20');
  });

  it('leaves out a missing start and a missing interpretation instead of writing null', () => {
    const year = noticeYearFromResponse(HOTAN_2023_RESPONSE);
    const fee = year.calendar.events.find((event) => event.kind === 'fee');
    expect(fee).toBeDefined();
    expect(fee && 'startsOn' in fee).toBe(false);
    expect(year.calendar.events.every((event) => event.interpretation !== null)).toBe(true);
  });

  it('does not change the response', () => {
    const copy = JSON.parse(JSON.stringify(HOTAN_2023_RESPONSE)) as CalendarYearResponse;
    noticeYearFromResponse(copy);
    expect(copy).toEqual(JSON.parse(JSON.stringify(HOTAN_2023_RESPONSE)));
  });

  it('refuses an end that is not an instant', () => {
    const [first] = HOTAN_2023_RESPONSE.events;
    if (!first) throw new Error('the fixture has events');
    expect(() =>
      noticeYearFromResponse({ ...HOTAN_2023_RESPONSE, events: [{ ...first, endsAt: 'soon' }] }),
    ).toThrow(RangeError);
  });
});
