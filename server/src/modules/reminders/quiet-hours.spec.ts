import { pushHeldUntil } from './quiet-hours';

describe(pushHeldUntil.name, () => {
  it.each([
    // [now (UTC), expected hold end or null]; Xinjiang = UTC+6
    ['2023-08-15T02:00:00Z', null], // 08:00 local: allowed
    ['2023-08-15T15:59:59Z', null], // 21:59:59 local
    ['2023-08-15T16:00:00Z', '2023-08-16T02:00:00.000Z'], // 22:00 local → next 08:00
    ['2023-08-15T18:30:00Z', '2023-08-16T02:00:00.000Z'], // 00:30 local the next day
    ['2023-08-16T01:59:59Z', '2023-08-16T02:00:00.000Z'], // 07:59:59 local
  ])('at %s holds until %s', (now, expected) => {
    const held = pushHeldUntil(new Date(now), null);
    expect(held === null ? null : held.toISOString()).toBe(expected);
  });

  it('lets an alert through at night when its deadline is less than 12 hours away', () => {
    const now = new Date('2023-08-15T18:00:00Z');
    expect(pushHeldUntil(now, new Date('2023-08-16T05:59:59Z'))).toBeNull();
    expect(pushHeldUntil(now, new Date('2023-08-16T06:00:00Z'))?.toISOString()).toBe(
      '2023-08-16T02:00:00.000Z',
    );
  });
});
