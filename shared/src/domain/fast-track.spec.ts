import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import { checkFastTrack } from './fast-track';
import type { FastTrackInput, ServiceYear } from './fast-track';

const excellent = (...years: number[]): ServiceYear[] =>
  years.map((year) => ({ year, service: 'fang_hui_ju', rating: 'excellent' }));

const input = (overrides: Partial<FastTrackInput> = {}): FastTrackInput => ({
  currentLevel: 'intermediate',
  series: 'agriculture',
  titleObtainedYear: 2019,
  serviceYears: excellent(2020, 2021, 2022),
  ...overrides,
});

describe('R12 checkFastTrack', () => {
  it('R12 three consecutive excellent years of 访惠聚 after the title → the next level', () => {
    expect(checkFastTrack(input(), HOTAN_2023_RULES)).toEqual({
      isEligible: true,
      targetLevel: 'deputy_senior',
      qualifyingYears: [2020, 2021, 2022],
    });
  });

  it.each([
    ['a gap between the years', { serviceYears: excellent(2020, 2021, 2023) }],
    [
      'a year rated only competent',
      {
        serviceYears: [
          ...excellent(2020, 2022),
          { year: 2021, service: 'fang_hui_ju', rating: 'competent' } as const,
        ],
      },
    ],
    ['a year served before obtaining the title', { titleObtainedYear: 2020 }],
    [
      'a service that does not count',
      {
        serviceYears: excellent(2020, 2021, 2022).map((s) => ({
          ...s,
          service: 'inland_service_management' as const,
        })),
      },
    ],
  ])('R12 is refused with %s', (_, overrides) => {
    expect(checkFastTrack(input(overrides), HOTAN_2023_RULES)).toEqual({
      isEligible: false,
      reason: 'not_enough_service',
    });
  });

  it('R12 finds a later run among more years', () => {
    expect(
      checkFastTrack(input({ serviceYears: excellent(2020, 2022, 2023, 2024) }), HOTAN_2023_RULES),
    ).toMatchObject({
      isEligible: true,
      qualifyingYears: [2022, 2023, 2024],
    });
  });

  it('R12 there is nothing above 正高级', () => {
    expect(checkFastTrack(input({ currentLevel: 'full_senior' }), HOTAN_2023_RULES)).toEqual({
      isEligible: false,
      reason: 'no_higher_level',
    });
  });

  it('R12 excludes specialties where an exam replaces evaluation at the next level', () => {
    expect(
      checkFastTrack(input({ series: 'accounting', currentLevel: 'assistant' }), HOTAN_2023_RULES),
    ).toEqual({ isEligible: false, reason: 'exam_replaces_evaluation' });
  });
});
