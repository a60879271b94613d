import { appNow, isClockOverridden, parseClockOverride, setClockOverride } from '../clock';

describe('parseClockOverride', () => {
  it('should accept a full ISO instant with a zone, also URL-encoded', () => {
    expect(parseClockOverride('2023-08-20T12:00:00+08:00')?.toISOString()).toBe(
      '2023-08-20T04:00:00.000Z',
    );
    expect(parseClockOverride('2023-08-20T12:00:00%2B08:00')?.toISOString()).toBe(
      '2023-08-20T04:00:00.000Z',
    );
    expect(parseClockOverride('2023-08-20T04:00Z')?.toISOString()).toBe('2023-08-20T04:00:00.000Z');
  });

  it('should keep a "+" that a query string turned into a space', () => {
    expect(parseClockOverride('2023-08-20T12:00:00 08:00')?.toISOString()).toBe(
      '2023-08-20T04:00:00.000Z',
    );
  });

  it('should refuse dates without a zone and garbage', () => {
    expect(parseClockOverride('2023-08-20')).toBeNull();
    expect(parseClockOverride('2023-08-20T12:00:00')).toBeNull();
    expect(parseClockOverride('tomorrow')).toBeNull();
    expect(parseClockOverride(undefined)).toBeNull();
  });
});

describe('setClockOverride', () => {
  afterEach(() => setClockOverride(null));

  it('should shift the clock by a fixed offset so time keeps running', () => {
    setClockOverride(new Date('2023-08-20T04:00:00Z'), 1_000_000);
    expect(isClockOverridden()).toBe(true);
    expect(appNow(1_000_000).toISOString()).toBe('2023-08-20T04:00:00.000Z');
    expect(appNow(1_005_000).toISOString()).toBe('2023-08-20T04:00:05.000Z');
  });

  it('should go back to device time when cleared', () => {
    setClockOverride(null);
    expect(isClockOverridden()).toBe(false);
    expect(appNow(42).getTime()).toBe(42);
  });
});
