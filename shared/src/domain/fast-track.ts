import type { NoticeRules } from '../calendar/notice-rules.type';
import type { GrassrootsService, TitleLevel, TitleSeries } from './application.type';
import { isExamReplaced } from './scope';
import { nextTitleLevel } from './title-level';

// R12 (§四(五)): "专业技术人员取得职称后，连续三年参加“访惠聚”驻村等基层服务工作，且连续三年考核优秀，可直接认定
// 现专业的高一级职称（以考代评的专业除外）。"

export const APPRAISAL_RATING = {
  EXCELLENT: 'excellent',
  COMPETENT: 'competent',
  BASICALLY_COMPETENT: 'basically_competent',
  INCOMPETENT: 'incompetent',
} as const;
export type AppraisalRating = (typeof APPRAISAL_RATING)[keyof typeof APPRAISAL_RATING];

export const APPRAISAL_RATING_LABEL: Readonly<Record<AppraisalRating, string>> = {
  excellent: '优秀',
  competent: '合格',
  basically_competent: '基本合格',
  incompetent: '不合格',
};

export interface ServiceYear {
  year: number;
  service: GrassrootsService;
  rating: AppraisalRating;
}

export interface FastTrackInput {
  currentLevel: TitleLevel;
  series: TitleSeries;
  titleObtainedYear: number;
  serviceYears: readonly ServiceYear[];
}

export const FAST_TRACK_REFUSAL = {
  NO_HIGHER_LEVEL: 'no_higher_level',
  EXAM_REPLACES_EVALUATION: 'exam_replaces_evaluation',
  NOT_ENOUGH_SERVICE: 'not_enough_service',
} as const;
export type FastTrackRefusal = (typeof FAST_TRACK_REFUSAL)[keyof typeof FAST_TRACK_REFUSAL];

export type FastTrackCheck =
  | { isEligible: true; targetLevel: TitleLevel; qualifyingYears: number[] }
  | { isEligible: false; reason: FastTrackRefusal };

/**
 * R12: whether three consecutive years of village service rated excellent, after obtaining the
 * current title, earn direct recognition at the next level.
 *
 * @param input - current level and series, the year the title was obtained, service years
 * @param rules - the year's rules (years needed, services that qualify)
 * @example
 * checkFastTrack({ currentLevel: 'intermediate', series: 'agriculture', titleObtainedYear: 2019,
 *   serviceYears: [2020, 2021, 2022].map((year) => ({ year, service: 'fang_hui_ju', rating: 'excellent' })) }, HOTAN_2023_RULES)
 * // { isEligible: true, targetLevel: 'deputy_senior', qualifyingYears: [2020, 2021, 2022] }
 */
export function checkFastTrack(input: FastTrackInput, rules: NoticeRules): FastTrackCheck {
  const targetLevel = nextTitleLevel(input.currentLevel);
  if (targetLevel === null) {
    return { isEligible: false, reason: FAST_TRACK_REFUSAL.NO_HIGHER_LEVEL };
  }
  if (isExamReplaced(input.series, targetLevel, rules)) {
    return { isEligible: false, reason: FAST_TRACK_REFUSAL.EXAM_REPLACES_EVALUATION };
  }
  const { consecutiveYears, qualifyingServices } = rules.fastTrack;
  const goodYears = new Set<number>();
  for (const entry of input.serviceYears) {
    if (
      entry.year > input.titleObtainedYear &&
      entry.rating === APPRAISAL_RATING.EXCELLENT &&
      qualifyingServices.includes(entry.service)
    ) {
      goodYears.add(entry.year);
    }
  }
  // The earliest run of consecutive good years long enough to qualify.
  for (const start of [...goodYears].sort((a, b) => a - b)) {
    const run: number[] = [];
    for (let year = start; goodYears.has(year) && run.length < consecutiveYears; year += 1) {
      run.push(year);
    }
    if (run.length === consecutiveYears) {
      return { isEligible: true, targetLevel, qualifyingYears: run };
    }
  }
  return { isEligible: false, reason: FAST_TRACK_REFUSAL.NOT_ENOUGH_SERVICE };
}
