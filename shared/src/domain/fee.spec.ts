import { HOTAN_2023, HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import { APPLICATION_STATUS } from './application-status';
import { feeAmountCny, feeDeadline, feeDue, isFeePayable } from './fee';

describe('R17 feeAmountCny', () => {
  it.each([
    ['full_senior', 450],
    ['deputy_senior', 450],
    ['intermediate', 280],
    ['assistant', 140],
    ['technician', 140],
  ] as const)('R17 %s pays %i CNY', (level, amount) => {
    expect(feeAmountCny(level, HOTAN_2023_RULES)).toBe(amount);
  });
});

describe('R17 isFeePayable', () => {
  it('R17 is payable only once the application shows 已接收材料, and only until paid', () => {
    for (const status of Object.values(APPLICATION_STATUS)) {
      expect(isFeePayable(status, false)).toBe(status === 'materials_received');
    }
    expect(isFeePayable('materials_received', true)).toBe(false);
  });
});

describe('R17 feeDeadline', () => {
  it('R17 is the fee event of the calendar: before 2023-09-30, i.e. 09-29 24:00 Beijing', () => {
    expect(feeDeadline(HOTAN_2023)?.toISOString()).toBe('2023-09-29T16:00:00.000Z');
  });

  it('is null for a calendar without the event', () => {
    const calendar = {
      ...HOTAN_2023.calendar,
      events: HOTAN_2023.calendar.events.filter((e) => e.kind !== 'fee'),
    };
    expect(feeDeadline({ ...HOTAN_2023, calendar })).toBeNull();
  });
});

describe('R17 feeDue', () => {
  const application = {
    level: 'deputy_senior',
    status: 'materials_received',
    feePaid: false,
  } as const;

  it('R17 says how much, which tier and by when', () => {
    expect(feeDue(application, HOTAN_2023, new Date('2023-09-01T00:00:00Z'))).toEqual({
      amountCny: 450,
      tier: 'senior',
      deadline: new Date('2023-09-29T16:00:00Z'),
      isOverdue: false,
    });
  });

  it('R17 is overdue from the deadline on', () => {
    expect(feeDue(application, HOTAN_2023, new Date('2023-09-29T16:00:00Z'))?.isOverdue).toBe(true);
  });

  it('R17 is null before materials are received and after payment', () => {
    expect(
      feeDue({ ...application, status: 'authority_review' }, HOTAN_2023, new Date('2023-09-01')),
    ).toBeNull();
    expect(
      feeDue({ ...application, feePaid: true }, HOTAN_2023, new Date('2023-09-01')),
    ).toBeNull();
  });
});
