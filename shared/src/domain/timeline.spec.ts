import { countdown, nextDeadline, stepPhase, yearProgress } from './timeline';

const window = { startsAt: '2023-07-19T16:00:00Z', endsAt: '2023-08-30T16:00:00Z' };
const bareDeadline = { startsAt: null, endsAt: '2023-09-29T16:00:00Z' };

describe('stepPhase', () => {
  it('is upcoming before the start, current inside, past from the closing instant on', () => {
    expect(stepPhase(window, new Date('2023-07-01T00:00:00Z'))).toBe('upcoming');
    expect(stepPhase(window, new Date('2023-07-19T16:00:00Z'))).toBe('current');
    expect(stepPhase(window, new Date('2023-08-30T15:59:59Z'))).toBe('current');
    expect(stepPhase(window, new Date('2023-08-30T16:00:00Z'))).toBe('past');
  });

  it('keeps a bare deadline upcoming until it closes', () => {
    expect(stepPhase(bareDeadline, new Date('2023-09-29T15:00:00Z'))).toBe('upcoming');
    expect(stepPhase(bareDeadline, new Date('2023-09-29T16:00:00Z'))).toBe('past');
  });
});

describe('nextDeadline', () => {
  const steps = [bareDeadline, window];

  it('picks the earliest deadline still ahead, whatever the order', () => {
    expect(nextDeadline(steps, new Date('2023-08-01T00:00:00Z'))).toBe(window);
    expect(nextDeadline(steps, new Date('2023-09-01T00:00:00Z'))).toBe(bareDeadline);
  });

  it('is null when every deadline has passed or there are none', () => {
    expect(nextDeadline(steps, new Date('2024-01-01T00:00:00Z'))).toBeNull();
    expect(nextDeadline([], new Date())).toBeNull();
  });

  it('does not mutate the list', () => {
    nextDeadline(steps, new Date('2023-08-01T00:00:00Z'));
    expect(steps).toEqual([bareDeadline, window]);
  });
});

describe('countdown', () => {
  it('splits the time left into days, hours, minutes and seconds', () => {
    expect(countdown('2023-08-30T16:00:00Z', new Date('2023-08-29T14:59:30Z'))).toEqual({
      days: 1,
      hours: 1,
      minutes: 0,
      seconds: 30,
      isOver: false,
    });
  });

  it('never goes negative once the deadline is past', () => {
    expect(countdown('2023-08-30T16:00:00Z', new Date('2023-09-01T00:00:00Z'))).toEqual({
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      isOver: true,
    });
  });
});

describe('yearProgress', () => {
  const steps = [window, bareDeadline];

  it('is 0 before the first start and 1 after the last end', () => {
    expect(yearProgress(steps, new Date('2023-01-01T00:00:00Z'))).toBe(0);
    expect(yearProgress(steps, new Date('2024-01-01T00:00:00Z'))).toBe(1);
  });

  it('grows linearly in between', () => {
    const mid = new Date((Date.parse(window.startsAt) + Date.parse(bareDeadline.endsAt)) / 2);
    expect(yearProgress(steps, mid)).toBeCloseTo(0.5, 5);
  });

  it('is 0 for an empty calendar', () => {
    expect(yearProgress([], new Date())).toBe(0);
  });
});
