import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import type { NoticeRules } from '../calendar/notice-rules.type';
import { checkPublicityPeriod, earliestPublicityEnd } from './publicity';
import { WorkdayDataUnavailableError } from './working-days';

const startDayNotCounted: NoticeRules = {
  ...HOTAN_2023_RULES,
  publicity: { ...HOTAN_2023_RULES.publicity, startDayCounts: false },
};

describe('R9 earliestPublicityEnd', () => {
  it.each([
    ['2023-08-07', '2023-08-11'], // Monday → Friday
    ['2023-08-10', '2023-08-16'], // Thursday → across a weekend
    ['2023-08-12', '2023-08-18'], // starts on a Saturday: the Saturday does not count
    ['2023-09-25', '2023-10-07'], // 25, 26, 27, 28 (29 → 10-06 holiday), 10-07 make-up workday
    ['2023-09-28', '2023-10-10'], // 28, 10-07, 10-08, 10-09, 10-10
    ['2023-10-01', '2023-10-11'], // holiday start: 10-07, 10-08, 10-09, 10-10, 10-11
  ])('R9 a publicity from %s ends on %s at the earliest', (startsOn, endsOn) => {
    expect(earliestPublicityEnd(startsOn, HOTAN_2023_RULES)).toBe(endsOn);
  });

  it('R9 a year that does not count the start day ends one working day later', () => {
    expect(earliestPublicityEnd('2023-08-07', startDayNotCounted)).toBe('2023-08-14');
    expect(earliestPublicityEnd('2023-09-28', startDayNotCounted)).toBe('2023-10-11');
  });

  it('R9 says so for a year chinese-days does not know', () => {
    expect(() => earliestPublicityEnd('2027-03-01', HOTAN_2023_RULES)).toThrow(
      WorkdayDataUnavailableError,
    );
  });

  it('rejects a malformed day', () => {
    expect(() => earliestPublicityEnd('2023/08/07', HOTAN_2023_RULES)).toThrow(RangeError);
  });
});

describe('R9 checkPublicityPeriod', () => {
  it.each([
    ['2023-08-07', '2023-08-11', true, 5],
    ['2023-08-07', '2023-08-10', false, 4],
    ['2023-09-28', '2023-10-09', false, 4],
    ['2023-09-28', '2023-10-10', true, 5],
    ['2023-09-25', '2023-10-07', true, 5],
    ['2023-09-25', '2023-10-06', false, 4],
    ['2023-08-11', '2023-08-07', false, 0],
  ])('R9 %s → %s valid: %s (%i working days)', (startsOn, endsOn, isValid, workingDays) => {
    expect(checkPublicityPeriod(startsOn, endsOn, HOTAN_2023_RULES)).toMatchObject({
      isValid,
      workingDays,
      requiredWorkingDays: 5,
    });
  });

  it('R9 tells the earliest valid end alongside', () => {
    expect(checkPublicityPeriod('2023-09-28', '2023-10-09', HOTAN_2023_RULES).earliestEndsOn).toBe(
      '2023-10-10',
    );
  });

  it('rejects a malformed end', () => {
    expect(() => checkPublicityPeriod('2023-08-07', '2023-08-32', HOTAN_2023_RULES)).toThrow(
      RangeError,
    );
  });
});
