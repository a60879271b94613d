import { dualClock, formatDeadline, formatInstant } from './deadline-format';

describe('formatDeadline', () => {
  it('writes midnight as 24:00 of the day before, in Beijing and Xinjiang time', () => {
    expect(formatDeadline('2023-08-30T16:00:00Z')).toBe(
      '2023-08-30 24:00 北京时间（新疆时间 22:00）',
    );
  });

  it('accepts a Date as well as an ISO string', () => {
    expect(formatDeadline(new Date('2023-08-30T16:00:00Z'))).toBe(
      '2023-08-30 24:00 北京时间（新疆时间 22:00）',
    );
  });

  it('repeats the Xinjiang date when it differs from the Beijing date', () => {
    // 01:30 Beijing on 31 August is still 30 August in Xinjiang time.
    expect(formatDeadline('2023-08-30T17:30:00Z')).toBe(
      '2023-08-31 01:30 北京时间（新疆时间 2023-08-30 23:30）',
    );
  });

  it('rejects something that is not an instant', () => {
    expect(() => formatDeadline('next Tuesday')).toThrow(RangeError);
  });
});

describe('formatInstant', () => {
  it('writes the start of a day as 00:00', () => {
    expect(formatInstant('2023-07-19T16:00:00Z')).toBe(
      '2023-07-20 00:00 北京时间（新疆时间 2023-07-19 22:00）',
    );
  });
});

describe('dualClock', () => {
  it('keeps the two clocks two hours apart', () => {
    expect(dualClock('2023-09-10T04:00:00Z')).toEqual({
      beijing: { date: '2023-09-10', time: '12:00' },
      xinjiang: { date: '2023-09-10', time: '10:00' },
    });
  });
});
