import {
  addCalendarDays,
  beijingDateOf,
  beijingDayEndMs,
  beijingDayStartMs,
  dayOfWeek,
  isCalendarDate,
  utcDayMs,
} from './beijing-day';
import { beijingDayEnd, beijingDayStart } from './beijing-time';

describe('isCalendarDate', () => {
  it.each([
    ['2023-10-07', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-2-9', false],
    ['2023-10-07T00:00:00Z', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('utcDayMs', () => {
  it('rejects a day that does not exist', () => {
    expect(() => utcDayMs('2023-02-30')).toThrow(RangeError);
  });
});

describe('beijingDateOf', () => {
  it('reads the Beijing day, which starts at 16:00 UTC the day before', () => {
    expect(beijingDateOf('2023-08-30T15:59:59Z')).toBe('2023-08-30');
    expect(beijingDateOf('2023-08-30T16:00:00Z')).toBe('2023-08-31');
    expect(beijingDateOf(new Date('2023-08-30T16:00:00Z'))).toBe('2023-08-31');
    expect(beijingDateOf(Date.parse('2023-08-30T16:00:00Z'))).toBe('2023-08-31');
  });

  it('rejects something that is not an instant', () => {
    expect(() => beijingDateOf('soon')).toThrow(RangeError);
  });
});

describe('addCalendarDays', () => {
  it('crosses month and year ends, both ways', () => {
    expect(addCalendarDays('2023-09-30', 2)).toBe('2023-10-02');
    expect(addCalendarDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addCalendarDays('2023-10-12', -5)).toBe('2023-10-07');
  });
});

describe('dayOfWeek', () => {
  it('reads 2023-10-07 as a Saturday and 2023-10-09 as a Monday', () => {
    expect(dayOfWeek('2023-10-07')).toBe(6);
    expect(dayOfWeek('2023-10-08')).toBe(0);
    expect(dayOfWeek('2023-10-09')).toBe(1);
  });
});

describe('beijingDayStartMs / beijingDayEndMs', () => {
  it('agree with beijingDayStart and beijingDayEnd', () => {
    for (const day of ['2023-07-20', '2023-08-30', '2023-12-31']) {
      expect(beijingDayStartMs(day)).toBe(beijingDayStart(day).getTime());
      expect(beijingDayEndMs(day)).toBe(beijingDayEnd(day).getTime());
    }
  });
});
