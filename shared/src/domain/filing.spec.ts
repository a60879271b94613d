import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import {
  isFiledInWindow,
  postFilingWindow,
  preMeetingFilingWindow,
  preWorkFilingWindow,
} from './filing';

describe('R15 preMeetingFilingWindow', () => {
  it('R15 opens 5 days and closes 3 days before the meeting, calendar days, Beijing time', () => {
    const window = preMeetingFilingWindow('2023-10-12', HOTAN_2023_RULES);
    expect(window).toMatchObject({ opensOn: '2023-10-07', closesOn: '2023-10-09' });
    expect(window.opensAt?.toISOString()).toBe('2023-10-06T16:00:00.000Z');
    expect(window.closesAt.toISOString()).toBe('2023-10-09T16:00:00.000Z');
  });

  it('R15 counts calendar days straight through the National Day holiday', () => {
    expect(preMeetingFilingWindow('2023-10-08', HOTAN_2023_RULES)).toMatchObject({
      opensOn: '2023-10-03',
      closesOn: '2023-10-05',
    });
  });

  it.each([
    ['2023-10-06T15:59:59Z', false], // 10-06 23:59 Beijing: 6 days before, too early
    ['2023-10-06T16:00:00Z', true],
    ['2023-10-09T15:59:59Z', true],
    ['2023-10-09T16:00:00Z', false], // 10-10: 2 days before, too late
  ])(
    'R15 a pre-meeting filing at %s for a meeting on 2023-10-12 is in time: %s',
    (filedAt, expected) => {
      expect(isFiledInWindow(filedAt, preMeetingFilingWindow('2023-10-12', HOTAN_2023_RULES))).toBe(
        expected,
      );
    },
  );

  it('rejects a malformed meeting day', () => {
    expect(() => preMeetingFilingWindow('12 Oct', HOTAN_2023_RULES)).toThrow(RangeError);
  });
});

describe('R15 postFilingWindow', () => {
  it('R15 does not count the issue day and closes at 24:00 of the 5th day after it', () => {
    const window = postFilingWindow('2023-11-28', HOTAN_2023_RULES);
    expect(window.closesOn).toBe('2023-12-03');
    expect(isFiledInWindow('2023-12-03T15:59:59Z', window)).toBe(true);
    expect(isFiledInWindow('2023-12-03T16:00:00Z', window)).toBe(false);
    expect(isFiledInWindow('2023-11-27T16:00:00Z', window)).toBe(true);
  });
});

describe('R15 preWorkFilingWindow', () => {
  it('R15 reads "7月20日前" strictly: the last day is 07-19', () => {
    const window = preWorkFilingWindow(HOTAN_2023_RULES);
    expect(window.closesAt.toISOString()).toBe('2023-07-19T16:00:00.000Z');
    expect(isFiledInWindow(new Date('2023-07-01T00:00:00Z'), window)).toBe(true);
  });
});

describe('isFiledInWindow', () => {
  it('rejects something that is not an instant', () => {
    expect(() => isFiledInWindow('yesterday', preWorkFilingWindow(HOTAN_2023_RULES))).toThrow(
      RangeError,
    );
  });
});
