import type { NoticeRules } from '../calendar/notice-rules.type';
import type { TitleLevel, TitleSeries } from './application.type';

// R1 (§一): "在和田地区从事专业技术工作的企（事）业单位专业技术人员可申报相应系列（专业）职称评审（国家以考代评的
// 专业除外）。评审条件中规定不得申报或延迟申报的，从其规定执行。"

/**
 * R1: whether a national exam replaces evaluation for a series at a level (以考代评).
 *
 * @param series - the series
 * @param level - the level applied for
 * @param rules - the year's rules (the exam-replaced list)
 * @example
 * isExamReplaced('accounting', 'intermediate', HOTAN_2023_RULES) // true
 */
export function isExamReplaced(
  series: TitleSeries,
  level: TitleLevel,
  rules: NoticeRules,
): boolean {
  return rules.scope.examReplaced.some(
    (scope) => scope.series === series && scope.levels.includes(level),
  );
}

export const SCOPE_REFUSAL = {
  OUTSIDE_REGION: 'outside_region',
  EXAM_REPLACES_EVALUATION: 'exam_replaces_evaluation',
  BARRED_BY_CONDITIONS: 'barred_by_conditions',
} as const;
export type ScopeRefusal = (typeof SCOPE_REFUSAL)[keyof typeof SCOPE_REFUSAL];

export interface ScopeInput {
  series: TitleSeries;
  level: TitleLevel;
  worksInRegion: boolean; // a professional of an enterprise or institution in the prefecture
  isBarredByConditions: boolean; // the series conditions bar or defer this applicant this year
}

export type ScopeCheck = { isInScope: true } | { isInScope: false; reason: ScopeRefusal };

/**
 * R1: whether a person may apply through this notice at all.
 *
 * @param input - where the person works, the series and level, and whether the conditions bar them
 * @param rules - the year's rules
 * @example
 * checkScope({ series: 'engineering', level: 'intermediate', worksInRegion: true, isBarredByConditions: false }, HOTAN_2023_RULES)
 * // { isInScope: true }
 */
export function checkScope(input: ScopeInput, rules: NoticeRules): ScopeCheck {
  if (!input.worksInRegion) return { isInScope: false, reason: SCOPE_REFUSAL.OUTSIDE_REGION };
  if (isExamReplaced(input.series, input.level, rules)) {
    return { isInScope: false, reason: SCOPE_REFUSAL.EXAM_REPLACES_EVALUATION };
  }
  if (input.isBarredByConditions) {
    return { isInScope: false, reason: SCOPE_REFUSAL.BARRED_BY_CONDITIONS };
  }
  return { isInScope: true };
}
