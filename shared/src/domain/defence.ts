import type { NoticeRules } from '../calendar/notice-rules.type';
import type { GrassrootsService, TitleLevel } from './application.type';

// R11 (§四(四)): "申报正高、副高、中级职称评审的专业技术人员参加专业水平答辩。专业技术人员参加“访惠聚”驻村、
// 驻村管寺、南疆学前教育支教和内地服务管理工作的，当年申报职称评审也可免于参加专业水平答辩（答辩成绩按照当年
// 参加该专业答辩人员的平均分予以赋分）。"

export const DEFENCE_REQUIREMENT = {
  NOT_REQUIRED: 'not_required',
  REQUIRED: 'required',
  EXEMPT: 'exempt',
} as const;
export type DefenceRequirementKind = (typeof DEFENCE_REQUIREMENT)[keyof typeof DEFENCE_REQUIREMENT];

export type DefenceRequirement =
  | { kind: 'not_required' }
  | { kind: 'required' }
  // Exempt applicants may still choose to sit; if they do not, they get the specialty average.
  | { kind: 'exempt'; service: GrassrootsService; scoring: 'specialty_average' };

/**
 * R11: whether an applicant must sit the professional defence (专业水平答辩), by level, and the
 * exemption for service in the application year.
 *
 * @param level - the level applied for
 * @param serviceInApplicationYear - grassroots service done in the application year, if any
 * @param rules - the year's rules (levels that defend, services that exempt)
 * @example
 * defenceRequirement('intermediate', 'fang_hui_ju', HOTAN_2023_RULES)
 * // { kind: 'exempt', service: 'fang_hui_ju', scoring: 'specialty_average' }
 */
export function defenceRequirement(
  level: TitleLevel,
  serviceInApplicationYear: GrassrootsService | null,
  rules: NoticeRules,
): DefenceRequirement {
  if (!rules.defence.requiredLevels.includes(level)) return { kind: 'not_required' };
  const service = serviceInApplicationYear;
  if (service !== null && rules.defence.exemptServices.includes(service)) {
    return { kind: 'exempt', service, scoring: 'specialty_average' };
  }
  return { kind: 'required' };
}

/**
 * R11: the defence score an exempt applicant is given: the average of that specialty's defence
 * scores that year. Null when nobody in the specialty sat the defence (the committee decides).
 *
 * @param specialtyScores - the scores of everyone who sat that specialty's defence that year
 * @example
 * exemptDefenceScore([80, 90, 85]) // 85
 */
export function exemptDefenceScore(specialtyScores: readonly number[]): number | null {
  if (specialtyScores.length === 0) return null;
  let sum = 0;
  for (const score of specialtyScores) {
    if (!Number.isFinite(score)) throw new RangeError(`Not a score: ${String(score)}`);
    sum += score;
  }
  return sum / specialtyScores.length;
}
