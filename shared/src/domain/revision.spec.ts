import { HOTAN_2023, HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import type { NoticeYear } from '../calendar/notice-rules.type';
import {
  checkResubmission,
  reviewFailureOutcome,
  revisionDeadline,
  revisionDeadlineMs,
  submissionsLeft,
} from './revision';

const calendarDays: NoticeYear = {
  ...HOTAN_2023,
  rules: {
    ...HOTAN_2023_RULES,
    revision: { ...HOTAN_2023_RULES.revision, windowUnit: 'calendar_days', windowAmount: 2 },
  },
};

describe('R4 revisionDeadline', () => {
  it.each([
    // returned at (UTC)        48 hours later, capped by the end of review (2023-09-10 24:00 Beijing)
    ['2023-08-15T02:00:00Z', '2023-08-17T02:00:00.000Z'], // 10:00 Beijing → 08-17 10:00
    ['2023-08-15T15:30:00Z', '2023-08-17T15:30:00.000Z'], // 23:30 Beijing, late at night
    ['2023-09-08T04:00:00Z', '2023-09-10T04:00:00.000Z'],
    ['2023-09-09T04:00:00Z', '2023-09-10T16:00:00.000Z'], // capped at the end of review
    ['2023-09-29T04:00:00Z', '2023-09-10T16:00:00.000Z'], // after review: already closed
  ])('R4 a return at %s must be answered by %s (48 hours)', (returnedAt, expected) => {
    expect(revisionDeadline(returnedAt, HOTAN_2023).toISOString()).toBe(expected);
  });

  it('R4 48 hours is never later than the Civil Code reading (end of the 2nd day after the return day)', () => {
    for (const returnedAt of [
      '2023-08-15T16:00:00Z',
      '2023-08-15T02:00:00Z',
      '2023-08-16T15:59:59Z',
    ]) {
      const hours = revisionDeadline(returnedAt, HOTAN_2023).getTime();
      const days = revisionDeadline(returnedAt, calendarDays).getTime();
      expect(hours).toBeLessThanOrEqual(days);
    }
  });

  it.each([
    ['2023-08-15T02:00:00Z', '2023-08-17T16:00:00.000Z'], // returned 08-15 → 08-17 24:00 Beijing
    ['2023-08-15T16:30:00Z', '2023-08-18T16:00:00.000Z'], // 08-16 00:30 Beijing → 08-18 24:00
  ])('R4 with a calendar-days notice a return at %s is due at %s', (returnedAt, expected) => {
    expect(revisionDeadline(returnedAt, calendarDays).toISOString()).toBe(expected);
  });

  it('R4 takes a Date as well as an ISO string, and agrees with revisionDeadlineMs', () => {
    const at = new Date('2023-08-15T02:00:00Z');
    expect(revisionDeadline(at, HOTAN_2023).getTime()).toBe(
      revisionDeadlineMs(at.getTime(), HOTAN_2023),
    );
  });

  it('rejects something that is not an instant', () => {
    expect(() => revisionDeadline('the day before yesterday', HOTAN_2023)).toThrow(RangeError);
  });
});

describe('R4 submissionsLeft', () => {
  it.each([
    [0, 3],
    [1, 2],
    [2, 1],
    [3, 0],
    [5, 0],
  ])('R4 after %i submissions, %i left', (count, left) => {
    expect(submissionsLeft(count, HOTAN_2023_RULES)).toBe(left);
  });
});

describe('R4 reviewFailureOutcome', () => {
  it.each([
    [1, 'returned'],
    [2, 'returned'],
    [3, 'not_accepted'],
  ] as const)('R4 submission %i failing review → %s', (count, outcome) => {
    expect(reviewFailureOutcome(count, HOTAN_2023_RULES)).toBe(outcome);
  });
});

describe('R4 checkResubmission', () => {
  const returnedAt = '2023-08-15T02:00:00Z';

  it('R4 allows a resubmission inside the window and says how many are left', () => {
    expect(checkResubmission(returnedAt, 1, HOTAN_2023, new Date('2023-08-16T00:00:00Z'))).toEqual({
      isAllowed: true,
      deadline: new Date('2023-08-17T02:00:00Z'),
      submissionsLeft: 2,
    });
  });

  it('R4 a resubmission after the deadline is not accepted', () => {
    expect(
      checkResubmission(returnedAt, 1, HOTAN_2023, new Date('2023-08-17T02:00:00Z')),
    ).toMatchObject({
      isAllowed: false,
      reason: 'revision_window_closed',
    });
  });

  it('R4 a fourth submission is refused whatever the time', () => {
    expect(
      checkResubmission(returnedAt, 3, HOTAN_2023, new Date('2023-08-15T03:00:00Z')),
    ).toMatchObject({
      isAllowed: false,
      reason: 'submissions_exhausted',
      submissionsLeft: 0,
    });
  });
});
