import type { NoticeRules } from '../calendar/notice-rules.type';
import { EMPLOYER_KIND } from './application.type';
import type { Application, ContinuingEducationHours, EmployerKind } from './application.type';

// R13 (§四(六)): "专业技术人员按规定每年须完成不少于90学时的继续教育学习（专业科目不少于60学时），专业技术人员需
// 上传近3年继续教育培训合格证书（公需科目及专业科目）。对首次申报职称的民营企业专业技术人员继续教育学时不作要求，
// 其他民营企业专业技术人员须完成上一年度和当年的继续教育专业课和公需课培训。"

export interface ContinuingEducationProfile {
  year: number; // the application year
  employerKind: EmployerKind;
  isFirstApplication: boolean;
  isExempt: boolean; // an approved exemption form (免学审批表, R8)
}

/**
 * R13: the years whose continuing-education hours count for an application.
 *
 * @param profile - application year, employer kind, first application or not, exemption
 * @param rules - the year's rules
 * @returns the years, oldest first; empty when nothing is required
 * @example
 * continuingEducationYears({ year: 2023, employerKind: 'private_enterprise', isFirstApplication: false, isExempt: false }, HOTAN_2023_RULES)
 * // [2022, 2023]
 */
export function continuingEducationYears(
  profile: ContinuingEducationProfile,
  rules: NoticeRules,
): readonly number[] {
  const ce = rules.continuingEducation;
  if (profile.isExempt) return [];
  if (profile.employerKind !== EMPLOYER_KIND.PRIVATE_ENTERPRISE) return ce.countingYears;
  if (profile.isFirstApplication && ce.privateFirstTimeExempt) return [];
  const years: number[] = [];
  for (let y = profile.year - ce.privateRecentYears + 1; y <= profile.year; y += 1) years.push(y);
  return years;
}

export interface ContinuingEducationYearCheck {
  year: number;
  totalHours: number;
  professionalHours: number;
  publicHours: number;
  isMet: boolean;
  totalShortBy: number;
  professionalShortBy: number;
}

/**
 * R13: for each year that counts, whether the hours reach the minimum (≥ 90 a year, of which
 * ≥ 60 professional). A year with no record counts as zero hours.
 *
 * @param records - certified hours per year
 * @param years - the years that count (continuingEducationYears)
 * @param rules - the year's rules
 * @example
 * checkContinuingEducationHours([{ year: 2023, totalHours: 90, professionalHours: 50 }], [2023], HOTAN_2023_RULES)[0]
 * // { year: 2023, totalHours: 90, professionalHours: 50, publicHours: 40, isMet: false, totalShortBy: 0, professionalShortBy: 10 }
 */
export function checkContinuingEducationHours(
  records: readonly ContinuingEducationHours[],
  years: readonly number[],
  rules: NoticeRules,
): ContinuingEducationYearCheck[] {
  const { minHoursPerYear, minProfessionalHours } = rules.continuingEducation;
  return years.map((year) => {
    let totalHours = 0;
    let professionalHours = 0;
    for (const record of records) {
      if (record.year !== year) continue;
      totalHours += record.totalHours;
      professionalHours += record.professionalHours;
    }
    const totalShortBy = Math.max(0, minHoursPerYear - totalHours);
    const professionalShortBy = Math.max(0, minProfessionalHours - professionalHours);
    return {
      year,
      totalHours,
      professionalHours,
      publicHours: Math.max(0, totalHours - professionalHours),
      isMet: totalShortBy === 0 && professionalShortBy === 0,
      totalShortBy,
      professionalShortBy,
    };
  });
}

/**
 * R13: the counting years in which an application's continuing-education hours fall short.
 *
 * @param application - the application (year, employer kind, first application, exemption, hours)
 * @param rules - the year's rules
 * @returns the unmet year checks, oldest first; empty when the hours are not known yet
 *   (`continuingEducation` is null) or no year counts
 * @example
 * continuingEducationShortfalls({ ...application, year: 2023, employerKind: 'private_enterprise', isFirstApplication: false, continuingEducation: [{ year: 2022, totalHours: 90, professionalHours: 60 }, { year: 2023, totalHours: 80, professionalHours: 60 }] }, HOTAN_2023_RULES)
 * // [{ year: 2023, totalHours: 80, professionalHours: 60, publicHours: 20, isMet: false, totalShortBy: 10, professionalShortBy: 0 }]
 */
export function continuingEducationShortfalls(
  application: Application,
  rules: NoticeRules,
): ContinuingEducationYearCheck[] {
  if (application.continuingEducation === null) return [];
  const years = continuingEducationYears(
    {
      year: application.year,
      employerKind: application.employerKind,
      isFirstApplication: application.isFirstApplication,
      isExempt: application.isContinuingEducationExempt,
    },
    rules,
  );
  if (years.length === 0) return [];
  return checkContinuingEducationHours(application.continuingEducation, years, rules).filter(
    (check) => !check.isMet,
  );
}
