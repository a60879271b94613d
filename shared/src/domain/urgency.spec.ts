import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import { urgencyOf } from './urgency';

const deadline = Date.parse('2023-09-29T16:00:00Z');
const hoursBefore = (h: number) => deadline - h * 3_600_000;

describe('urgencyOf', () => {
  it.each([
    [hoursBefore(100), 'normal'],
    [hoursBefore(72), 'soon'],
    [hoursBefore(25), 'soon'],
    [hoursBefore(24), 'critical'],
    [hoursBefore(0.01), 'critical'],
    [deadline, 'overdue'],
  ])('at %i → %s', (now, expected) => {
    expect(urgencyOf(deadline, now, HOTAN_2023_RULES)).toBe(expected);
  });

  it('is normal without a deadline', () => {
    expect(urgencyOf(null, deadline, HOTAN_2023_RULES)).toBe('normal');
  });
});
