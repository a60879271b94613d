import type { NoticeRules } from '../calendar/notice-rules.type';
import type { ApplicantFacts } from './applicant-facts';
import { EMPLOYER_KIND } from './application.type';
import type { RuleId, TitleLevel, TitleSeries } from './application.type';
import { assertUnreachable } from './assert-unreachable';
import { checkContinuingEducationHours, continuingEducationYears } from './continuing-education';
import { ELIGIBILITY_VERDICT } from './eligibility.type';
import type { EligibilityAnswer, EligibilityVerdict } from './eligibility.type';
import { checkFalsificationBan } from './falsification-ban';
import { FAST_TRACK_REFUSAL, checkFastTrack } from './fast-track';
import { SCOPE_REFUSAL, checkScope } from './scope';
import { BRIDGE_REFUSAL, checkSkilledWorkerBridge } from './skilled-worker-bridge';
import { nextTitleLevel } from './title-level';

// "What I may do, from what is true about me": one answer per rule, each resting on the notice's
// own words. The rules are decided in their own modules; this only reads the facts into them.

// The notice sentence each answer rests on (和地职称办〔2023〕1号 and its 附件3), verbatim.
export const ELIGIBILITY_QUOTE = {
  R1: '在和田地区从事专业技术工作的企（事）业单位专业技术人员可申报相应系列（专业）职称评审（国家以考代评的专业除外）。',
  R2: '申报人在同一年度只能选择上述一种方式申报。',
  R12: '专业技术人员取得职称后，连续三年参加“访惠聚”驻村等基层服务工作，且连续三年考核优秀，可直接认定现专业的高一级职称（以考代评的专业除外）。',
  R13: '专业技术人员按规定每年须完成不少于90学时的继续教育学习（专业科目不少于60学时）',
  R16: '取得高级工、技师、高级技师职业资格或职业技能等级后，从事技术技能工作分别满2年、3年、4年的，可分别申报评审相应专业助理级、中级、副高级职称。',
  R19: '如申请人提交弄虚作假确认材料的，一经查实，不予受理确认申报或取消已确认的资格，并从申报年度下一年度起 3 年内，不得申报专业技术资格。',
} as const satisfies Partial<Record<RuleId, string>>;
type AnsweredRule = keyof typeof ELIGIBILITY_QUOTE;

// The translation keys of the reasons (zh-CN and ug, under `eligibility.reasons`).
export const ELIGIBILITY_REASON = {
  IN_SCOPE: 'eligibility.reasons.inScope',
  OUTSIDE_REGION: 'eligibility.reasons.outsideRegion',
  EXAM_REPLACED: 'eligibility.reasons.examReplaced',
  BARRED_BY_CONDITIONS: 'eligibility.reasons.barredByConditions',
  ROUTE_CHOSEN: 'eligibility.reasons.routeChosen',
  ROUTE_NOT_CHOSEN: 'eligibility.reasons.routeNotChosen',
  FAST_TRACK_ELIGIBLE: 'eligibility.reasons.fastTrackEligible',
  FAST_TRACK_NO_HIGHER_LEVEL: 'eligibility.reasons.fastTrackNoHigherLevel',
  FAST_TRACK_EXAM_REPLACED: 'eligibility.reasons.fastTrackExamReplaced',
  FAST_TRACK_NOT_ENOUGH_SERVICE: 'eligibility.reasons.fastTrackNotEnoughService',
  CE_MET: 'eligibility.reasons.ceMet',
  CE_EXEMPT: 'eligibility.reasons.ceExempt',
  CE_NOT_REQUIRED: 'eligibility.reasons.ceNotRequired',
  CE_SHORT: 'eligibility.reasons.ceShort',
  CE_UNKNOWN: 'eligibility.reasons.ceUnknown',
  BRIDGE_ELIGIBLE: 'eligibility.reasons.bridgeEligible',
  BRIDGE_LEVEL_TOO_HIGH: 'eligibility.reasons.bridgeLevelTooHigh',
  BRIDGE_SERIES_NOT_BRIDGED: 'eligibility.reasons.bridgeSeriesNotBridged',
  BRIDGE_NOT_ENOUGH_YEARS: 'eligibility.reasons.bridgeNotEnoughYears',
  BRIDGE_APPRAISALS: 'eligibility.reasons.bridgeAppraisals',
  NOT_BANNED: 'eligibility.reasons.notBanned',
  FALSIFICATION_BANNED: 'eligibility.reasons.falsificationBanned',
} as const;
export type EligibilityReason = (typeof ELIGIBILITY_REASON)[keyof typeof ELIGIBILITY_REASON];

export interface EligibilityInput {
  facts: ApplicantFacts;
  level: TitleLevel;
  series: TitleSeries;
  year: number;
  currentLevel?: TitleLevel | null; // the title held now (R12); null: none
  titleObtainedYear?: number | null; // the year it was obtained (R12)
  // Whether the person works in the prefecture (R1); not given: the app serves Hotan's notice.
  worksInRegion?: boolean;
  falsificationYears?: readonly number[]; // application years with falsification found (R19)
}

const answer = (
  ruleId: AnsweredRule,
  verdict: EligibilityVerdict,
  reason: EligibilityReason,
  rules: NoticeRules,
  values: Record<string, string | number> = {},
): EligibilityAnswer => ({
  ruleId,
  verdict,
  reason,
  values,
  quote: ELIGIBILITY_QUOTE[ruleId],
  section: rules.sections[ruleId],
});

function scopeAnswer(input: EligibilityInput, rules: NoticeRules): EligibilityAnswer {
  const { series, level } = input;
  const scope = checkScope(
    { series, level, worksInRegion: input.worksInRegion ?? true, isBarredByConditions: false },
    rules,
  );
  if (scope.isInScope) {
    return answer('R1', ELIGIBILITY_VERDICT.CAN_APPLY, ELIGIBILITY_REASON.IN_SCOPE, rules, {
      series,
      level,
    });
  }
  const refused = (reason: EligibilityReason) =>
    answer('R1', ELIGIBILITY_VERDICT.CANNOT_APPLY, reason, rules, { series, level });
  switch (scope.reason) {
    case SCOPE_REFUSAL.OUTSIDE_REGION:
      return refused(ELIGIBILITY_REASON.OUTSIDE_REGION);
    case SCOPE_REFUSAL.EXAM_REPLACES_EVALUATION:
      return refused(ELIGIBILITY_REASON.EXAM_REPLACED);
    case SCOPE_REFUSAL.BARRED_BY_CONDITIONS:
      return refused(ELIGIBILITY_REASON.BARRED_BY_CONDITIONS);
    default:
      return assertUnreachable(scope.reason);
  }
}

function routeAnswer(input: EligibilityInput, rules: NoticeRules): EligibilityAnswer {
  const route = input.facts.routeThisYear;
  if (route === undefined) {
    return answer('R2', ELIGIBILITY_VERDICT.UNKNOWN, ELIGIBILITY_REASON.ROUTE_NOT_CHOSEN, rules, {
      year: input.year,
    });
  }
  return answer('R2', ELIGIBILITY_VERDICT.CAN_APPLY, ELIGIBILITY_REASON.ROUTE_CHOSEN, rules, {
    year: input.year,
    route: route.value,
  });
}

// R12 is a way in of its own, told only to people who have a title and a record of service.
function fastTrackAnswer(input: EligibilityInput, rules: NoticeRules): EligibilityAnswer | null {
  const { currentLevel, titleObtainedYear } = input;
  const service = input.facts.grassrootsService;
  if (
    currentLevel === undefined ||
    currentLevel === null ||
    titleObtainedYear === undefined ||
    titleObtainedYear === null ||
    service === undefined
  ) {
    return null;
  }
  const check = checkFastTrack(
    { currentLevel, series: input.series, titleObtainedYear, serviceYears: service.value },
    rules,
  );
  if (check.isEligible) {
    const { targetLevel, qualifyingYears } = check;
    return answer(
      'R12',
      ELIGIBILITY_VERDICT.CAN_APPLY,
      ELIGIBILITY_REASON.FAST_TRACK_ELIGIBLE,
      rules,
      {
        targetLevel,
        firstYear: qualifyingYears[0] ?? titleObtainedYear,
        lastYear: qualifyingYears[qualifyingYears.length - 1] ?? titleObtainedYear,
      },
    );
  }
  const refused = (reason: EligibilityReason, values: Record<string, string | number> = {}) =>
    answer('R12', ELIGIBILITY_VERDICT.CANNOT_APPLY, reason, rules, values);
  switch (check.reason) {
    case FAST_TRACK_REFUSAL.NO_HIGHER_LEVEL:
      return refused(ELIGIBILITY_REASON.FAST_TRACK_NO_HIGHER_LEVEL);
    case FAST_TRACK_REFUSAL.EXAM_REPLACES_EVALUATION:
      return refused(ELIGIBILITY_REASON.FAST_TRACK_EXAM_REPLACED);
    case FAST_TRACK_REFUSAL.NOT_ENOUGH_SERVICE:
      return refused(ELIGIBILITY_REASON.FAST_TRACK_NOT_ENOUGH_SERVICE, {
        years: rules.fastTrack.consecutiveYears,
        sinceYear: titleObtainedYear + 1,
      });
    default:
      return assertUnreachable(check.reason);
  }
}

// R13. Where the employer kind or first application is not known, the stricter reading is used
// (every counting year), so that "can apply" is never said on a guess; declaring them can only
// lighten the requirement.
function continuingEducationAnswer(input: EligibilityInput, rules: NoticeRules): EligibilityAnswer {
  const { facts, year } = input;
  const { minHoursPerYear, minProfessionalHours } = rules.continuingEducation;
  const limits = { minHours: minHoursPerYear, minProfessional: minProfessionalHours };
  if (facts.isContinuingEducationExempt?.value === true) {
    return answer('R13', ELIGIBILITY_VERDICT.CAN_APPLY, ELIGIBILITY_REASON.CE_EXEMPT, rules);
  }
  const years = continuingEducationYears(
    {
      year,
      employerKind: facts.employerKind?.value ?? EMPLOYER_KIND.PUBLIC_INSTITUTION,
      isFirstApplication: facts.isFirstApplication?.value ?? false,
      isExempt: false,
    },
    rules,
  );
  if (years.length === 0) {
    return answer('R13', ELIGIBILITY_VERDICT.CAN_APPLY, ELIGIBILITY_REASON.CE_NOT_REQUIRED, rules);
  }
  const hours = facts.continuingEducation;
  if (hours === undefined) {
    return answer('R13', ELIGIBILITY_VERDICT.UNKNOWN, ELIGIBILITY_REASON.CE_UNKNOWN, rules, limits);
  }
  const checks = checkContinuingEducationHours(hours.value, years, rules);
  const short = checks.find((check) => !check.isMet);
  if (short === undefined) {
    return answer('R13', ELIGIBILITY_VERDICT.CAN_APPLY, ELIGIBILITY_REASON.CE_MET, rules, {
      ...limits,
      firstYear: years[0] ?? year,
      lastYear: years[years.length - 1] ?? year,
    });
  }
  return answer('R13', ELIGIBILITY_VERDICT.MISSING, ELIGIBILITY_REASON.CE_SHORT, rules, {
    year: short.year,
    totalShortBy: short.totalShortBy,
    professionalShortBy: short.professionalShortBy,
  });
}

// Whether `level` is `ceiling` or below it on the title ladder.
function isAtOrBelow(level: TitleLevel, ceiling: TitleLevel): boolean {
  for (let step: TitleLevel | null = level; step !== null; step = nextTitleLevel(step)) {
    if (step === ceiling) return true;
  }
  return false;
}

// R16, told only to people with a skilled-worker certificate. The notice also asks for three
// satisfactory appraisals, which no fact records yet: the reason text names that condition.
function bridgeAnswer(input: EligibilityInput, rules: NoticeRules): EligibilityAnswer | null {
  const held = input.facts.skilledWorkerCertificate?.value;
  if (held === undefined || held === null) return null;
  const check = checkSkilledWorkerBridge(
    {
      series: input.series,
      certificates: [
        { certificate: held.certificate, yearsOfSkilledWork: held.yearsOfSkilledWork },
      ],
      hasSatisfactoryAppraisals: true,
    },
    rules,
  );
  const base = {
    certificate: held.certificate,
    yearsOfSkilledWork: held.yearsOfSkilledWork,
    appraisalYears: rules.skilledWorkerBridge.appraisalYears,
  };
  if (check.isEligible) {
    const values = { ...base, allowedLevel: check.level };
    return isAtOrBelow(input.level, check.level)
      ? answer(
          'R16',
          ELIGIBILITY_VERDICT.CAN_APPLY,
          ELIGIBILITY_REASON.BRIDGE_ELIGIBLE,
          rules,
          values,
        )
      : answer(
          'R16',
          ELIGIBILITY_VERDICT.CANNOT_APPLY,
          ELIGIBILITY_REASON.BRIDGE_LEVEL_TOO_HIGH,
          rules,
          values,
        );
  }
  const refused = (reason: EligibilityReason, values: Record<string, string | number> = base) =>
    answer('R16', ELIGIBILITY_VERDICT.CANNOT_APPLY, reason, rules, values);
  switch (check.reason) {
    case BRIDGE_REFUSAL.SERIES_NOT_BRIDGED:
      return refused(ELIGIBILITY_REASON.BRIDGE_SERIES_NOT_BRIDGED, {
        ...base,
        series: input.series,
      });
    case BRIDGE_REFUSAL.NOT_ENOUGH_YEARS: {
      const step = rules.skilledWorkerBridge.steps.find((s) => s.certificate === held.certificate);
      return refused(ELIGIBILITY_REASON.BRIDGE_NOT_ENOUGH_YEARS, {
        ...base,
        minYears: step?.minYears ?? 0,
      });
    }
    // Not reached while no fact records the appraisals (passed as satisfactory above).
    case BRIDGE_REFUSAL.APPRAISALS_NOT_SATISFACTORY:
      return refused(ELIGIBILITY_REASON.BRIDGE_APPRAISALS);
    default:
      return assertUnreachable(check.reason);
  }
}

function falsificationAnswer(input: EligibilityInput, rules: NoticeRules): EligibilityAnswer {
  const ban = checkFalsificationBan(input.falsificationYears ?? [], input.year, rules);
  if (!ban.isBanned) {
    return answer('R19', ELIGIBILITY_VERDICT.CAN_APPLY, ELIGIBILITY_REASON.NOT_BANNED, rules);
  }
  return answer(
    'R19',
    ELIGIBILITY_VERDICT.CANNOT_APPLY,
    ELIGIBILITY_REASON.FALSIFICATION_BANNED,
    rules,
    {
      sinceApplicationYear: ban.sinceApplicationYear,
      firstBannedYear: ban.sinceApplicationYear + 1,
      lastBannedYear: ban.lastBannedYear,
    },
  );
}

/**
 * What a person may apply for at a level and series in a year, rule by rule: R1 scope, R2 one
 * route a year, R12 the fast track (only with a current title, its year and a service record),
 * R13 continuing education, R16 the skilled-worker bridge (only with a certificate) and R19 the
 * falsification ban. Each answer names its reason key, the values for it, and the notice's words.
 *
 * @param input - the person's facts, the level, series and year, and what the facts do not hold
 * @param rules - the year's notice rules
 * @example
 * checkEligibility({ facts: {}, level: 'intermediate', series: 'accounting', year: 2023 }, HOTAN_2023_RULES)[0]
 * // { ruleId: 'R1', verdict: 'cannot_apply', reason: 'eligibility.reasons.examReplaced', section: '一', … }
 */
export function checkEligibility(input: EligibilityInput, rules: NoticeRules): EligibilityAnswer[] {
  const answers: EligibilityAnswer[] = [scopeAnswer(input, rules), routeAnswer(input, rules)];
  const fastTrack = fastTrackAnswer(input, rules);
  if (fastTrack !== null) answers.push(fastTrack);
  answers.push(continuingEducationAnswer(input, rules));
  const bridge = bridgeAnswer(input, rules);
  if (bridge !== null) answers.push(bridge);
  answers.push(falsificationAnswer(input, rules));
  return answers;
}
