import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import { checkScope, isExamReplaced } from './scope';
import type { ScopeInput } from './scope';

const input = (overrides: Partial<ScopeInput> = {}): ScopeInput => ({
  series: 'engineering',
  level: 'intermediate',
  worksInRegion: true,
  isBarredByConditions: false,
  ...overrides,
});

describe('R1 isExamReplaced', () => {
  it.each([
    ['accounting', 'intermediate', true],
    ['accounting', 'deputy_senior', false], // 高级会计师 is evaluated
    ['economics', 'assistant', true],
    ['computer_software', 'deputy_senior', true],
    ['translation', 'full_senior', false],
    ['engineering', 'intermediate', false],
    ['health', 'intermediate', false], // southern-Xinjiang directed evaluation, see the interpretation
  ] as const)('R1 %s at %s is exam-replaced: %s', (series, level, expected) => {
    expect(isExamReplaced(series, level, HOTAN_2023_RULES)).toBe(expected);
  });
});

describe('R1 checkScope', () => {
  it('R1 lets a professional working in Hotan apply in an evaluated specialty', () => {
    expect(checkScope(input(), HOTAN_2023_RULES)).toEqual({ isInScope: true });
  });

  it.each([
    [{ worksInRegion: false }, 'outside_region'],
    [{ series: 'statistics', level: 'assistant' }, 'exam_replaces_evaluation'],
    [{ isBarredByConditions: true }, 'barred_by_conditions'],
  ] as const)('R1 refuses %o: %s', (overrides, reason) => {
    expect(checkScope(input(overrides), HOTAN_2023_RULES)).toEqual({ isInScope: false, reason });
  });

  it('R1 follows the year’s list, not a constant', () => {
    const rules = { ...HOTAN_2023_RULES, scope: { ...HOTAN_2023_RULES.scope, examReplaced: [] } };
    expect(checkScope(input({ series: 'accounting', level: 'intermediate' }), rules)).toEqual({
      isInScope: true,
    });
  });
});
