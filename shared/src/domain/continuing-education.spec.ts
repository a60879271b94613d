import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import { buildApplication } from './application.fixture';
import {
  checkContinuingEducationHours,
  continuingEducationShortfalls,
  continuingEducationYears,
} from './continuing-education';

describe('R13 continuingEducationYears', () => {
  it.each([
    ['public_institution', false, false, [2021, 2022, 2023]],
    ['state_enterprise', true, false, [2021, 2022, 2023]],
    ['private_enterprise', false, false, [2022, 2023]],
    ['private_enterprise', true, false, []],
    ['public_institution', false, true, []],
  ] as const)(
    'R13 %s, first application %s, exempt %s → %j',
    (employerKind, isFirstApplication, isExempt, years) => {
      expect(
        continuingEducationYears(
          { year: 2023, employerKind, isFirstApplication, isExempt },
          HOTAN_2023_RULES,
        ),
      ).toEqual(years);
    },
  );
});

describe('R13 checkContinuingEducationHours', () => {
  it.each([
    [90, 60, true, 0, 0],
    [120, 90, true, 0, 0],
    [89, 60, false, 1, 0],
    [90, 59, false, 0, 1],
    [100, 40, false, 0, 20],
    [0, 0, false, 90, 60],
  ])(
    'R13 %i hours of which %i professional: met %s (short %i / %i)',
    (total, professional, isMet, totalShortBy, professionalShortBy) => {
      const [check] = checkContinuingEducationHours(
        [{ year: 2023, totalHours: total, professionalHours: professional }],
        [2023],
        HOTAN_2023_RULES,
      );
      expect(check).toMatchObject({ year: 2023, isMet, totalShortBy, professionalShortBy });
      expect(check?.publicHours).toBe(Math.max(0, total - professional));
    },
  );

  it('R13 a year without a record counts as zero, and records of other years are ignored', () => {
    const checks = checkContinuingEducationHours(
      [
        { year: 2020, totalHours: 200, professionalHours: 200 },
        { year: 2022, totalHours: 90, professionalHours: 60 },
      ],
      [2021, 2022, 2023],
      HOTAN_2023_RULES,
    );
    expect(checks.map((c) => [c.year, c.isMet])).toEqual([
      [2021, false],
      [2022, true],
      [2023, false],
    ]);
  });

  it('R13 adds up several certificates of the same year', () => {
    const [check] = checkContinuingEducationHours(
      [
        { year: 2023, totalHours: 60, professionalHours: 60 },
        { year: 2023, totalHours: 30, professionalHours: 0 },
      ],
      [2023],
      HOTAN_2023_RULES,
    );
    expect(check?.isMet).toBe(true);
  });
});

describe('R13 continuingEducationShortfalls', () => {
  it('R13 returns only the counting years still short; none when the hours are unknown or not required', () => {
    const privateEnterprise = {
      employerKind: 'private_enterprise',
      continuingEducation: [
        { year: 2022, totalHours: 90, professionalHours: 60 },
        { year: 2023, totalHours: 80, professionalHours: 60 },
      ],
    } as const;
    expect(
      continuingEducationShortfalls(buildApplication(privateEnterprise), HOTAN_2023_RULES),
    ).toEqual([
      {
        year: 2023,
        totalHours: 80,
        professionalHours: 60,
        publicHours: 20,
        isMet: false,
        totalShortBy: 10,
        professionalShortBy: 0,
      },
    ]);
    expect(
      continuingEducationShortfalls(
        buildApplication({ continuingEducation: null }),
        HOTAN_2023_RULES,
      ),
    ).toEqual([]);
    expect(
      continuingEducationShortfalls(
        buildApplication({
          ...privateEnterprise,
          isFirstApplication: true,
          continuingEducation: [],
        }),
        HOTAN_2023_RULES,
      ),
    ).toEqual([]);
  });
});
