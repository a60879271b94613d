import { formatStoredTime } from '../stored-time';

describe('formatStoredTime', () => {
  const savedAt = new Date(2026, 10, 28, 9, 5).getTime();

  it('should give the time alone for a copy saved today', () => {
    expect(formatStoredTime(savedAt, new Date(2026, 10, 28, 23, 59).getTime())).toBe('09:05');
  });

  it('should give the day as well for an older copy, in ASCII digits', () => {
    expect(formatStoredTime(savedAt, new Date(2026, 10, 29, 0, 1).getTime())).toBe(
      '2026-11-28 09:05',
    );
    expect(formatStoredTime(savedAt, new Date(2027, 10, 28, 9, 5).getTime())).toBe(
      '2026-11-28 09:05',
    );
  });
});
