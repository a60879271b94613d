import type { NoticeRules, SkillCertificate } from '../calendar/notice-rules.type';
import type { TitleLevel, TitleSeries } from './application.type';

// R16 (§四(九)): "具有高级工以上职业资格或职业技能等级，且近三年考核合格的高技能人才，不受学历、论文、外语、计算机等
// 条件的限制，均可参加职称评审……取得高级工、技师、高级技师职业资格或职业技能等级后，从事技术技能工作分别满2年、3年、
// 4年的，可分别申报评审相应专业助理级、中级、副高级职称。" Series: 工程技术、农业、工艺美术、文物博物、实验技术、
// 艺术、体育、技工院校教师.

export interface HeldSkillCertificate {
  certificate: SkillCertificate;
  yearsOfSkilledWork: number; // full years of skilled work since obtaining it
}

export interface SkilledWorkerInput {
  series: TitleSeries;
  certificates: readonly HeldSkillCertificate[];
  hasSatisfactoryAppraisals: boolean; // appraisals of the last 3 years all satisfactory (合格)
}

export const BRIDGE_REFUSAL = {
  SERIES_NOT_BRIDGED: 'series_not_bridged',
  APPRAISALS_NOT_SATISFACTORY: 'appraisals_not_satisfactory',
  NOT_ENOUGH_YEARS: 'not_enough_years',
} as const;
export type BridgeRefusal = (typeof BRIDGE_REFUSAL)[keyof typeof BRIDGE_REFUSAL];

export type SkilledWorkerBridgeCheck =
  | {
      isEligible: true;
      level: TitleLevel;
      basedOn: SkillCertificate;
      waivedConditions: readonly string[];
    }
  | { isEligible: false; reason: BridgeRefusal };

/**
 * R16: the highest title level a skilled worker may apply for through the bridge. A higher
 * certificate also stands for the lower ones (it can only be obtained after them), with at
 * least as many years.
 *
 * @param input - series, certificates held with years of skilled work since each, appraisals
 * @param rules - the year's rules (ladder, series, waived conditions)
 * @example
 * checkSkilledWorkerBridge({ series: 'engineering', hasSatisfactoryAppraisals: true,
 *   certificates: [{ certificate: 'technician', yearsOfSkilledWork: 3 }] }, HOTAN_2023_RULES)
 * // { isEligible: true, level: 'intermediate', basedOn: 'technician', waivedConditions: ['学历', '论文', '外语', '计算机'] }
 */
export function checkSkilledWorkerBridge(
  input: SkilledWorkerInput,
  rules: NoticeRules,
): SkilledWorkerBridgeCheck {
  const bridge = rules.skilledWorkerBridge;
  if (!bridge.series.includes(input.series)) {
    return { isEligible: false, reason: BRIDGE_REFUSAL.SERIES_NOT_BRIDGED };
  }
  if (!input.hasSatisfactoryAppraisals) {
    return { isEligible: false, reason: BRIDGE_REFUSAL.APPRAISALS_NOT_SATISFACTORY };
  }
  const rank = (certificate: SkillCertificate) =>
    bridge.steps.findIndex((step) => step.certificate === certificate);
  let best: { level: TitleLevel; basedOn: SkillCertificate; rank: number } | null = null;
  for (const [stepRank, step] of bridge.steps.entries()) {
    const qualifies = input.certificates.some(
      (held) => rank(held.certificate) >= stepRank && held.yearsOfSkilledWork >= step.minYears,
    );
    if (qualifies && (best === null || stepRank > best.rank)) {
      best = { level: step.level, basedOn: step.certificate, rank: stepRank };
    }
  }
  if (best === null) return { isEligible: false, reason: BRIDGE_REFUSAL.NOT_ENOUGH_YEARS };
  return {
    isEligible: true,
    level: best.level,
    basedOn: best.basedOn,
    waivedConditions: bridge.waivedConditions,
  };
}
