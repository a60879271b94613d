import type { RuleId } from './application.type';

// "可以申报" / "还差…" / "不能申报，因为…", or not enough facts to say.
export const ELIGIBILITY_VERDICT = {
  CAN_APPLY: 'can_apply',
  MISSING: 'missing',
  CANNOT_APPLY: 'cannot_apply',
  UNKNOWN: 'unknown',
} as const;
export type EligibilityVerdict = (typeof ELIGIBILITY_VERDICT)[keyof typeof ELIGIBILITY_VERDICT];

// One rule's answer for one person, level and series, with the notice sentence it rests on.
export interface EligibilityAnswer {
  ruleId: RuleId;
  verdict: EligibilityVerdict;
  // A translation key under `eligibility.reasons` (zh-CN and ug), with its values.
  reason: string;
  values: Record<string, string | number>;
  // The notice's own words the answer rests on, and where they stand (e.g. 四(六)).
  quote: string;
  section: string;
}
