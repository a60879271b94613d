import type { CalendarRoundResponse, CalendarYearResponse } from '@titletrack/shared/contract';

import { beijingYearOf, chooseRound, roundCalendar } from '../current-round';

const NOW_2026 = new Date('2026-11-29T02:00:00Z');

describe('chooseRound', () => {
  it('should take the round of the latest bound application: its region, year and route', () => {
    expect(
      chooseRound(
        [
          { regionCode: '6531', year: 2023, route: 'prefecture_directed' },
          { regionCode: '6501', year: 2025, route: 'region' },
        ],
        '6532',
        NOW_2026,
      ),
    ).toEqual({ regionCode: '6501', year: 2025, route: 'region' });
  });

  it("should take this Beijing year's round of the chosen region when nothing is bound", () => {
    expect(chooseRound([], '6531', NOW_2026)).toEqual({
      regionCode: '6531',
      year: 2026,
      route: 'prefecture_directed',
    });
    // The autonomous region's notice is for applications sent up to it.
    expect(chooseRound([], '65', NOW_2026).route).toBe('region');
  });

  it('should fall back to Hotan for no choice, an unknown region or an application without one', () => {
    expect(chooseRound([], null, NOW_2026).regionCode).toBe('6532');
    expect(chooseRound([], '1101', NOW_2026).regionCode).toBe('6532');
    expect(
      chooseRound([{ regionCode: '', year: 2023, route: 'prefecture_directed' }], '6531', NOW_2026),
    ).toEqual({ regionCode: '6532', year: 2023, route: 'prefecture_directed' });
  });

  it('should follow the demo clock: in 2023 the round is 2023', () => {
    expect(chooseRound([], '6532', new Date('2023-08-20T02:00:00Z')).year).toBe(2023);
  });
});

describe('beijingYearOf', () => {
  it('should turn the year at Beijing midnight, not UTC midnight', () => {
    expect(beijingYearOf(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
    expect(beijingYearOf(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
  });
});

describe('roundCalendar', () => {
  const calendar = { year: 2023 } as CalendarYearResponse;
  const round: CalendarRoundResponse = {
    regionCode: '6532',
    regionName: '和田地区',
    year: 2026,
    route: 'prefecture_directed',
    isPublished: false,
    calendar: null,
    previous: calendar,
  };

  it("should show last year's calendar, marked as earlier, while this year's is not out", () => {
    expect(roundCalendar(round)).toEqual({ calendar, isEarlierYear: true });
  });

  it("should show this year's calendar once published", () => {
    const current = { year: 2026 } as CalendarYearResponse;
    expect(roundCalendar({ ...round, isPublished: true, calendar: current })).toEqual({
      calendar: current,
      isEarlierYear: false,
    });
  });

  it('should show nothing when no year was ever published', () => {
    expect(roundCalendar({ ...round, previous: null })).toEqual({
      calendar: null,
      isEarlierYear: false,
    });
  });
});
