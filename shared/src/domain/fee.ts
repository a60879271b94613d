import type { NoticeRules, NoticeYear } from '../calendar/notice-rules.type';
import { APPLICATION_STATUS } from './application-status';
import type { ApplicationStatus } from './application-status';
import type { LevelTier, TitleLevel } from './application.type';
import { eventWindow } from './notice-year';
import { levelTier } from './title-level';

// R17 (§四(十)): "高级450元/人，中级280元/人，初级140元/人。专业技术人员申报材料显示“已接收材料”后需按时缴纳相应评审费。"

/**
 * R17: the evaluation fee for a level, in CNY.
 *
 * @param level - the level applied for
 * @param rules - the year's rules (amounts by tier)
 * @example
 * feeAmountCny('full_senior', HOTAN_2023_RULES) // 450
 */
export function feeAmountCny(level: TitleLevel, rules: NoticeRules): number {
  return rules.fee.amountsCny[levelTier(level)];
}

/**
 * R17: whether the fee is payable now: the application shows 已接收材料 and it is not paid yet.
 *
 * @param status - the current status
 * @param feePaid - whether the payment is already recorded
 * @example
 * isFeePayable('authority_review', false) // false (not received yet)
 */
export function isFeePayable(status: ApplicationStatus, feePaid: boolean): boolean {
  return status === APPLICATION_STATUS.MATERIALS_RECEIVED && !feePaid;
}

/**
 * R17: the fee deadline of the year, from the calendar event the rules name.
 *
 * @param year - the notice year
 * @returns the instant, or null when this year's calendar has no fee event
 * @example
 * feeDeadline(HOTAN_2023)?.toISOString() // '2023-09-29T16:00:00.000Z'
 */
export function feeDeadline(year: NoticeYear): Date | null {
  const window = eventWindow(year, year.rules.fee.deadlineEvent);
  return window === null ? null : new Date(window.endsAtMs);
}

export interface FeeDue {
  amountCny: number;
  tier: LevelTier;
  deadline: Date | null;
  isOverdue: boolean;
}

/**
 * R17: what is owed now: amount, tier and deadline, or null when nothing is payable.
 *
 * @param application - level, status and whether the fee is paid
 * @param year - the notice year
 * @param now - the moment to judge at
 * @example
 * feeDue({ level: 'intermediate', status: 'materials_received', feePaid: false }, HOTAN_2023, new Date('2023-09-01'))
 * // { amountCny: 280, tier: 'intermediate', deadline: 2023-09-29T16:00:00Z, isOverdue: false }
 */
export function feeDue(
  application: { level: TitleLevel; status: ApplicationStatus; feePaid: boolean },
  year: NoticeYear,
  now: Date,
): FeeDue | null {
  if (!isFeePayable(application.status, application.feePaid)) return null;
  const deadline = feeDeadline(year);
  return {
    amountCny: feeAmountCny(application.level, year.rules),
    tier: levelTier(application.level),
    deadline,
    isOverdue: deadline !== null && now.getTime() >= deadline.getTime(),
  };
}
