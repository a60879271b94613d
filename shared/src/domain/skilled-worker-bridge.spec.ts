import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import type { SkillCertificate } from '../calendar/notice-rules.type';
import type { TitleSeries } from './application.type';
import { checkSkilledWorkerBridge } from './skilled-worker-bridge';

const check = (certificate: SkillCertificate, years: number, series: TitleSeries = 'engineering') =>
  checkSkilledWorkerBridge(
    {
      series,
      hasSatisfactoryAppraisals: true,
      certificates: [{ certificate, yearsOfSkilledWork: years }],
    },
    HOTAN_2023_RULES,
  );

describe('R16 checkSkilledWorkerBridge', () => {
  it.each([
    ['senior_worker', 2, 'assistant'],
    ['technician', 3, 'intermediate'],
    ['senior_technician', 4, 'deputy_senior'],
    ['technician', 2, 'assistant'], // a technician also holds what a senior worker holds
    ['senior_technician', 3, 'intermediate'],
    ['senior_technician', 10, 'deputy_senior'],
  ] as const)('R16 %s after %i years → %s', (certificate, years, level) => {
    expect(check(certificate, years)).toMatchObject({ isEligible: true, level });
  });

  it.each([
    ['senior_worker', 1],
    ['technician', 1],
    ['senior_technician', 1],
  ] as const)('R16 %s after %i year is too early', (certificate, years) => {
    expect(check(certificate, years)).toEqual({ isEligible: false, reason: 'not_enough_years' });
  });

  it('R16 waives the education, paper, language and computer conditions', () => {
    expect(check('technician', 3)).toMatchObject({
      waivedConditions: ['学历', '论文', '外语', '计算机'],
    });
  });

  it.each([
    'engineering',
    'agriculture',
    'arts_and_crafts',
    'cultural_relics',
    'experimental_technology',
    'art',
    'sports',
    'technical_school_teachers',
  ] as const)('R16 is open in series %s', (series) => {
    expect(check('technician', 3, series).isEligible).toBe(true);
  });

  it.each(['health', 'education', 'accounting'] as const)(
    'R16 is closed in series %s',
    (series) => {
      expect(check('technician', 3, series)).toEqual({
        isEligible: false,
        reason: 'series_not_bridged',
      });
    },
  );

  it('R16 needs satisfactory appraisals in the last 3 years', () => {
    expect(
      checkSkilledWorkerBridge(
        {
          series: 'engineering',
          hasSatisfactoryAppraisals: false,
          certificates: [{ certificate: 'technician', yearsOfSkilledWork: 5 }],
        },
        HOTAN_2023_RULES,
      ),
    ).toEqual({ isEligible: false, reason: 'appraisals_not_satisfactory' });
  });

  it('R16 takes the best of several certificates', () => {
    expect(
      checkSkilledWorkerBridge(
        {
          series: 'engineering',
          hasSatisfactoryAppraisals: true,
          certificates: [
            { certificate: 'senior_worker', yearsOfSkilledWork: 9 },
            { certificate: 'technician', yearsOfSkilledWork: 3 },
          ],
        },
        HOTAN_2023_RULES,
      ),
    ).toMatchObject({ level: 'intermediate', basedOn: 'technician' });
  });
});
