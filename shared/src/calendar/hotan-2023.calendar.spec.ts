import { formatDeadline } from '../domain/deadline-format';
import { toCalendarEvents } from './calendar-events';
import { parseCalendarYear } from './calendar.schema';
import { CALENDAR_EVENT_KIND } from './calendar.type';
import { HOTAN_2023_CALENDAR } from './hotan-2023.calendar';

const events = toCalendarEvents(parseCalendarYear(HOTAN_2023_CALENDAR));
const byKind = (kind: string) => {
  const event = events.find((e) => e.kind === kind);
  if (!event) throw new Error(`missing ${kind}`);
  return event;
};

describe('R3 HOTAN_2023_CALENDAR (notice §三)', () => {
  it('passes its own schema', () => {
    expect(() => parseCalendarYear(HOTAN_2023_CALENDAR)).not.toThrow();
  });

  it('has every dated step of §三 exactly once', () => {
    expect(events.map((e) => e.kind).sort()).toEqual(Object.values(CALENDAR_EVENT_KIND).sort());
  });

  it('R3 opens applications on 2023-07-20 and closes them at 2023-08-30 24:00 Beijing time', () => {
    const application = byKind(CALENDAR_EVENT_KIND.APPLICATION);
    expect(application.startsAt?.toISOString()).toBe('2023-07-19T16:00:00.000Z');
    expect(application.endsAt.toISOString()).toBe('2023-08-30T16:00:00.000Z');
    expect(formatDeadline(application.endsAt)).toBe('2023-08-30 24:00 北京时间（新疆时间 22:00）');
    expect(application.section).toBe('三(一)');
  });

  it('R3 reviews from 2023-08-10 to 2023-09-10', () => {
    const review = byKind(CALENDAR_EVENT_KIND.REVIEW);
    expect(formatDeadline(review.endsAt)).toBe('2023-09-10 24:00 北京时间（新疆时间 22:00）');
    expect(review.startsAt?.toISOString()).toBe('2023-08-09T16:00:00.000Z');
  });

  it('R3 reads "9月30日之前" strictly for paper materials and the fee, and says so', () => {
    for (const kind of [CALENDAR_EVENT_KIND.PAPER_MATERIALS, CALENDAR_EVENT_KIND.FEE]) {
      const event = byKind(kind);
      expect(event.wording).toContain('9月30日之前');
      expect(event.endsAt.toISOString()).toBe('2023-09-29T16:00:00.000Z');
      expect(event.interpretation).toContain('严格');
      expect(event.startsAt).toBeNull();
    }
  });

  it('R3 holds evaluation meetings from 2023-10-12 to 2023-11-10', () => {
    const meetings = byKind(CALENDAR_EVENT_KIND.EVALUATION_MEETINGS);
    expect(meetings.startsAt?.toISOString()).toBe('2023-10-11T16:00:00.000Z');
    expect(meetings.endsAt.toISOString()).toBe('2023-11-10T16:00:00.000Z');
  });

  it('R3 finishes county junior evaluations before 2023-11-30 and documents by the end of November', () => {
    expect(byKind(CALENDAR_EVENT_KIND.JUNIOR_EVALUATIONS).endsAt.toISOString()).toBe(
      '2023-11-29T16:00:00.000Z',
    );
    expect(byKind(CALENDAR_EVENT_KIND.QUALIFICATION_DOCUMENTS).endsAt.toISOString()).toBe(
      '2023-11-30T16:00:00.000Z',
    );
  });

  it('R3 files afterwards and issues e-certificates in December 2023', () => {
    const december = byKind(CALENDAR_EVENT_KIND.POST_FILING_AND_CERTIFICATES);
    expect(december.startsAt?.toISOString()).toBe('2023-11-30T16:00:00.000Z');
    expect(december.endsAt.toISOString()).toBe('2023-12-31T16:00:00.000Z');
  });

  it('orders the events by deadline', () => {
    const ends = events.map((e) => e.endsAt.getTime());
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });
});

describe('parseCalendarYear', () => {
  const valid = HOTAN_2023_CALENDAR;

  it('rejects a day that does not exist', () => {
    const input = { ...valid, events: [{ ...valid.events[0], endsOn: '2023-02-30' }] };
    expect(() => parseCalendarYear(input)).toThrow(/not a calendar date/);
  });

  it('rejects a window that ends before it starts', () => {
    const input = {
      ...valid,
      events: [{ ...valid.events[0], startsOn: '2023-09-01', endsOn: '2023-08-30' }],
    };
    expect(() => parseCalendarYear(input)).toThrow(/startsOn must not be after endsOn/);
  });

  it('rejects an unknown event kind and unknown fields', () => {
    expect(() =>
      parseCalendarYear({ ...valid, events: [{ ...valid.events[0], kind: 'party' }] }),
    ).toThrow();
    expect(() => parseCalendarYear({ ...valid, extra: 1 })).toThrow();
  });

  it('rejects the same kind twice in a year', () => {
    const first = valid.events[0];
    expect(() => parseCalendarYear({ ...valid, events: [first, first] })).toThrow(/once a year/);
  });

  it('does not mutate its input', () => {
    const copy = JSON.parse(JSON.stringify(valid));
    parseCalendarYear(valid);
    toCalendarEvents(valid);
    expect(valid).toEqual(copy);
  });
});
