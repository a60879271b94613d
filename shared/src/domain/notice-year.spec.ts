import { HOTAN_2023 } from '../calendar/hotan-2023.rules';
import { NoticeMismatchError, assertSameNotice, eventWindow } from './notice-year';

describe('eventWindow', () => {
  it('R3 gives the events as Beijing instants', () => {
    expect(eventWindow(HOTAN_2023, 'application')).toEqual({
      kind: 'application',
      startsAtMs: Date.parse('2023-07-19T16:00:00Z'),
      endsAtMs: Date.parse('2023-08-30T16:00:00Z'),
      section: '三(一)',
    });
    expect(eventWindow(HOTAN_2023, 'fee')?.startsAtMs).toBeNull();
  });

  it('returns the same object for the same calendar (memoised)', () => {
    expect(eventWindow(HOTAN_2023, 'review')).toBe(eventWindow(HOTAN_2023, 'review'));
  });

  it('is null for an event the calendar lacks', () => {
    const calendar = { ...HOTAN_2023.calendar, events: [] };
    expect(eventWindow({ ...HOTAN_2023, calendar }, 'review')).toBeNull();
  });
});

describe('assertSameNotice', () => {
  it('passes for the notice’s year and route', () => {
    expect(() =>
      assertSameNotice({ id: 'a1', year: 2023, route: 'prefecture_directed' }, HOTAN_2023),
    ).not.toThrow();
  });

  it.each([
    [{ id: 'a1', year: 2024, route: 'prefecture_directed' }, /year 2024/],
    [{ id: 'a1', year: 2023, route: 'region' }, /route region/],
  ])('refuses %o', (application, message) => {
    expect(() => assertSameNotice(application, HOTAN_2023)).toThrow(NoticeMismatchError);
    expect(() => assertSameNotice(application, HOTAN_2023)).toThrow(message);
  });
});
