import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import { defenceRequirement, exemptDefenceScore } from './defence';

describe('R11 defenceRequirement', () => {
  it.each([
    ['full_senior', null, 'required'],
    ['deputy_senior', null, 'required'],
    ['intermediate', null, 'required'],
    ['assistant', null, 'not_required'],
    ['technician', null, 'not_required'],
    ['intermediate', 'fang_hui_ju', 'exempt'],
    ['full_senior', 'village_mosque_management', 'exempt'],
    ['deputy_senior', 'south_xinjiang_preschool_teaching', 'exempt'],
    ['intermediate', 'inland_service_management', 'exempt'],
    ['assistant', 'fang_hui_ju', 'not_required'],
  ] as const)('R11 %s with service %s → %s', (level, service, kind) => {
    expect(defenceRequirement(level, service, HOTAN_2023_RULES).kind).toBe(kind);
  });

  it('R11 an exempt applicant is scored the specialty average', () => {
    expect(defenceRequirement('intermediate', 'fang_hui_ju', HOTAN_2023_RULES)).toEqual({
      kind: 'exempt',
      service: 'fang_hui_ju',
      scoring: 'specialty_average',
    });
  });

  it('R11 follows the year’s exemption list', () => {
    const rules = {
      ...HOTAN_2023_RULES,
      defence: { ...HOTAN_2023_RULES.defence, exemptServices: [] },
    };
    expect(defenceRequirement('intermediate', 'fang_hui_ju', rules).kind).toBe('required');
  });
});

describe('R11 exemptDefenceScore', () => {
  it('R11 is the average of the specialty’s defence scores that year', () => {
    expect(exemptDefenceScore([80, 90, 85])).toBe(85);
    expect(exemptDefenceScore([77.5])).toBe(77.5);
  });

  it('R11 is null when nobody in the specialty sat the defence', () => {
    expect(exemptDefenceScore([])).toBeNull();
  });

  it('rejects a score that is not a number', () => {
    expect(() => exemptDefenceScore([80, Number.NaN])).toThrow(RangeError);
  });

  it('does not mutate the scores', () => {
    const scores = [90, 70];
    exemptDefenceScore(scores);
    expect(scores).toEqual([90, 70]);
  });
});
