import { pickCalendarYear } from './pick-calendar-year';

describe('pickCalendarYear', () => {
  it('picks the current Beijing year when it has a calendar', () => {
    expect(pickCalendarYear([2023, 2024], new Date('2024-03-01T00:00:00Z'))).toBe(2024);
  });

  it('switches year at Beijing midnight, not UTC midnight', () => {
    expect(pickCalendarYear([2023, 2024], new Date('2023-12-31T15:59:59Z'))).toBe(2023);
    expect(pickCalendarYear([2023, 2024], new Date('2023-12-31T16:00:00Z'))).toBe(2024);
  });

  it('falls back to the latest year before now', () => {
    expect(pickCalendarYear([2024, 2023], new Date('2026-11-25T00:00:00Z'))).toBe(2024);
  });

  it('shows the earliest calendar when every one lies ahead', () => {
    expect(pickCalendarYear([2025, 2024], new Date('2020-01-01T00:00:00Z'))).toBe(2024);
  });

  it('is null with no calendars and does not mutate its input', () => {
    expect(pickCalendarYear([], new Date())).toBeNull();
    const years = [2024, 2023];
    pickCalendarYear(years, new Date());
    expect(years).toEqual([2024, 2023]);
  });
});
