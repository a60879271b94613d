import { NOTICE_PARAMETER_NAME, NOTICE_PARAMETER_UNIT } from '../notice-draft/notice-draft.type';
import type { NoticeParameterName, NoticeParameterUnit } from '../notice-draft/notice-draft.type';
import { REVISION_WINDOW_UNIT } from './notice-rules.type';
import type { NoticeRules } from './notice-rules.type';

// A parameter of a notice as the office confirmed it (or as it was stored for an earlier notice).
export interface NoticeParameterValue {
  name: NoticeParameterName;
  value: number | string;
  unit: NoticeParameterUnit | null;
  quote: string | null;
  isConfirmed: boolean;
}

// The same parameter once the previous notice filled what this one does not state.
export interface ResolvedNoticeParameter extends NoticeParameterValue {
  isInherited: boolean;
}

// Thrown when a parameter's value cannot be one (a fee that is not a positive number…): the
// office must correct it, no rule is built from it.
export class NoticeParameterError extends RangeError {
  constructor(
    readonly parameter: NoticeParameterName,
    detail: string,
  ) {
    super(`Notice parameter ${parameter}: ${detail}`);
    this.name = 'NoticeParameterError';
  }
}

export interface NoticeIdentity {
  year: number;
  noticeDocumentNumber: string;
}

const { FEE_SENIOR, FEE_FULL_SENIOR, FEE_DEPUTY_SENIOR, FEE_INTERMEDIATE } = NOTICE_PARAMETER_NAME;
const { FEE_PRIMARY, FEE_ASSISTANT, FEE_TECHNICIAN } = NOTICE_PARAMETER_NAME;

// The rules know three fee tiers; a notice may price each level. When the two levels of a tier
// are priced apart, the tier's own line wins, then the higher level's (the one an applicant of
// the tier is least likely to underpay with).
const SENIOR_FEES = [FEE_SENIOR, FEE_FULL_SENIOR, FEE_DEPUTY_SENIOR] as const;
const INTERMEDIATE_FEES = [FEE_INTERMEDIATE] as const;
const PRIMARY_FEES = [FEE_PRIMARY, FEE_ASSISTANT, FEE_TECHNICIAN] as const;

const HOURS_PER_DAY = 24;

function positiveNumber(parameter: NoticeParameterValue): number {
  const { value } = parameter;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new NoticeParameterError(parameter.name, 'expected a positive number');
  }
  return value;
}

function wholeNumber(parameter: NoticeParameterValue): number {
  const value = positiveNumber(parameter);
  if (!Number.isInteger(value))
    throw new NoticeParameterError(parameter.name, 'expected a whole number');
  return value;
}

function firstOf(
  byName: ReadonlyMap<NoticeParameterName, NoticeParameterValue>,
  names: readonly NoticeParameterName[],
): NoticeParameterValue | null {
  for (const name of names) {
    const parameter = byName.get(name);
    if (parameter) return parameter;
  }
  return null;
}

// A YYYY-MM-DD day of the base notice's year in the new year (29 February becomes the 28th).
function moveToYear(date: string, year: number): string {
  const [, month, day] = date.split('-');
  const moved = `${String(year).padStart(4, '0')}-${month}-${day}`;
  const isReal = new Date(`${moved}T00:00:00Z`).toISOString().slice(0, 10) === moved;
  return isReal ? moved : `${String(year).padStart(4, '0')}-${month}-28`;
}

// The revision window in the base rules' unit: hours count "2日" as 48 hours; a rule counted in
// calendar days keeps the days.
function revisionWindowAmount(base: NoticeRules, parameter: NoticeParameterValue): number {
  const amount = positiveNumber(parameter);
  const isStatedInHours = parameter.unit === NOTICE_PARAMETER_UNIT.HOUR;
  if (base.revision.windowUnit === REVISION_WINDOW_UNIT.HOURS) {
    return isStatedInHours ? amount : amount * HOURS_PER_DAY;
  }
  return isStatedInHours ? amount / HOURS_PER_DAY : amount;
}

/**
 * The full rules of a new notice: the base notice's rules (the region's previous published
 * notice, or the 2023 Hotan template) with what the new notice states put in, and its year.
 * Interpretations stay the base notice's; the office corrects them if the new wording differs.
 *
 * @param base - the previous notice's rules
 * @param parameters - the new notice's confirmed parameters (inherited ones included)
 * @param identity - the new notice's year and document number
 * @returns new rules; `base` is not changed
 * @throws NoticeParameterError for a value that cannot be the parameter it names
 * @example
 * noticeRulesFromParameters(HOTAN_2023_RULES, [{ name: 'fee_senior', value: 500, unit: 'yuan', quote: null, isConfirmed: true }],
 *   { year: 2024, noticeDocumentNumber: '和地职称办〔2024〕1号' }).fee.amountsCny.senior // 500
 */
export function noticeRulesFromParameters(
  base: NoticeRules,
  parameters: readonly NoticeParameterValue[],
  { year, noticeDocumentNumber }: NoticeIdentity,
): NoticeRules {
  const byName = new Map<NoticeParameterName, NoticeParameterValue>();
  for (const parameter of parameters) {
    if (!byName.has(parameter.name)) byName.set(parameter.name, parameter);
  }
  const fee = (names: readonly NoticeParameterName[], fallback: number): number => {
    const parameter = firstOf(byName, names);
    return parameter === null ? fallback : positiveNumber(parameter);
  };
  const whole = (name: NoticeParameterName, fallback: number): number => {
    const parameter = byName.get(name);
    return parameter === undefined ? fallback : wholeNumber(parameter);
  };
  const revisionWindow = byName.get(NOTICE_PARAMETER_NAME.REVISION_WINDOW);
  const platform = byName.get(NOTICE_PARAMETER_NAME.PLATFORM_URL);
  if (
    platform !== undefined &&
    (typeof platform.value !== 'string' || platform.value.trim() === '')
  ) {
    throw new NoticeParameterError(platform.name, 'expected an address');
  }
  return {
    ...base,
    year,
    noticeDocumentNumber,
    platformUrl:
      platform === undefined ? (base.platformUrl ?? null) : String(platform.value).trim(),
    revision: {
      ...base.revision,
      windowAmount:
        revisionWindow === undefined
          ? base.revision.windowAmount
          : revisionWindowAmount(base, revisionWindow),
      maxSubmissions: whole(NOTICE_PARAMETER_NAME.MAX_SUBMISSIONS, base.revision.maxSubmissions),
    },
    publicity: {
      ...base.publicity,
      minWorkingDays: whole(
        NOTICE_PARAMETER_NAME.PUBLICITY_WORKING_DAYS,
        base.publicity.minWorkingDays,
      ),
    },
    filing: {
      ...base.filing,
      preWorkFilingBy: moveToYear(base.filing.preWorkFilingBy, year),
    },
    fee: {
      ...base.fee,
      amountsCny: {
        senior: fee(SENIOR_FEES, base.fee.amountsCny.senior),
        intermediate: fee(INTERMEDIATE_FEES, base.fee.amountsCny.intermediate),
        primary: fee(PRIMARY_FEES, base.fee.amountsCny.primary),
      },
    },
    continuingEducation: {
      ...base.continuingEducation,
      minHoursPerYear: whole(
        NOTICE_PARAMETER_NAME.CONTINUING_EDUCATION_HOURS,
        base.continuingEducation.minHoursPerYear,
      ),
      minProfessionalHours: whole(
        NOTICE_PARAMETER_NAME.CONTINUING_EDUCATION_PROFESSIONAL_HOURS,
        base.continuingEducation.minProfessionalHours,
      ),
      countingYears: [year - 2, year - 1, year],
    },
  };
}

/**
 * Every parameter the new notice has: those it states, and each one it does not state copied
 * from the previous notice and marked inherited (with its value, unit, quote and confirmation).
 *
 * @param previous - the previous notice's stored parameters (empty when there is none)
 * @param stated - the parameters the new notice states
 * @returns stated ones first, in their order, then the inherited ones in the previous order
 * @example
 * inheritParameters([{ name: 'fee_senior', value: 450, … }], []) // [{ name: 'fee_senior', value: 450, isInherited: true, … }]
 */
export function inheritParameters(
  previous: readonly NoticeParameterValue[],
  stated: readonly NoticeParameterValue[],
): ResolvedNoticeParameter[] {
  const statedNames = new Set(stated.map((parameter) => parameter.name));
  const inherited = new Set<NoticeParameterName>();
  const resolved: ResolvedNoticeParameter[] = stated.map((parameter) => ({
    ...parameter,
    isInherited: false,
  }));
  for (const parameter of previous) {
    if (statedNames.has(parameter.name) || inherited.has(parameter.name)) continue;
    inherited.add(parameter.name);
    resolved.push({ ...parameter, isInherited: true });
  }
  return resolved;
}
