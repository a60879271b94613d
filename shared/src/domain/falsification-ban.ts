import type { NoticeRules } from '../calendar/notice-rules.type';

// R19 (附件3 个人承诺书): "如申请人提交弄虚作假确认材料的，一经查实，不予受理确认申报或取消已确认的资格，并从申报
// 年度下一年度起 3 年内，不得申报专业技术资格。"

/**
 * R19: the years in which a person found to have falsified material may not apply.
 *
 * @param applicationYear - the year of the application with falsified material
 * @param rules - the year's rules (ban length)
 * @example
 * falsificationBanYears(2023, HOTAN_2023_RULES) // [2024, 2025, 2026]
 */
export function falsificationBanYears(applicationYear: number, rules: NoticeRules): number[] {
  const years: number[] = [];
  for (let i = 1; i <= rules.falsificationBan.years; i += 1) years.push(applicationYear + i);
  return years;
}

export type FalsificationBanCheck =
  { isBanned: false } | { isBanned: true; sinceApplicationYear: number; lastBannedYear: number };

/**
 * R19: whether past falsification findings bar an application in a year.
 *
 * @param findingApplicationYears - application years in which falsification was found
 * @param year - the year the person wants to apply in
 * @param rules - the year's rules
 * @example
 * checkFalsificationBan([2023], 2026, HOTAN_2023_RULES) // { isBanned: true, sinceApplicationYear: 2023, lastBannedYear: 2026 }
 */
export function checkFalsificationBan(
  findingApplicationYears: readonly number[],
  year: number,
  rules: NoticeRules,
): FalsificationBanCheck {
  let ban: FalsificationBanCheck = { isBanned: false };
  for (const applicationYear of findingApplicationYears) {
    const lastBannedYear = applicationYear + rules.falsificationBan.years;
    if (year > applicationYear && year <= lastBannedYear) {
      if (!ban.isBanned || lastBannedYear > ban.lastBannedYear) {
        ban = { isBanned: true, sinceApplicationYear: applicationYear, lastBannedYear };
      }
    }
  }
  return ban;
}
