import { NOTICE_PARAMETER_NAME, NOTICE_PARAMETER_UNIT } from './notice-draft.type';
import type { DraftParameter, NoticeParameterName } from './notice-draft.type';

// Longer level names first, so "副高级" is never read as "高级".
const FEE_LEVELS: ReadonlyArray<readonly [string, NoticeParameterName]> = [
  ['正高级', NOTICE_PARAMETER_NAME.FEE_FULL_SENIOR],
  ['正高', NOTICE_PARAMETER_NAME.FEE_FULL_SENIOR],
  ['副高级', NOTICE_PARAMETER_NAME.FEE_DEPUTY_SENIOR],
  ['副高', NOTICE_PARAMETER_NAME.FEE_DEPUTY_SENIOR],
  ['高级', NOTICE_PARAMETER_NAME.FEE_SENIOR],
  ['中级', NOTICE_PARAMETER_NAME.FEE_INTERMEDIATE],
  ['初级', NOTICE_PARAMETER_NAME.FEE_PRIMARY],
  ['助理级', NOTICE_PARAMETER_NAME.FEE_ASSISTANT],
  ['员级', NOTICE_PARAMETER_NAME.FEE_TECHNICIAN],
];
const FEE_AMOUNT = new RegExp(
  `(${FEE_LEVELS.map(([label]) => label).join('|')})[^，,；;。\\d]{0,12}?(\\d+(?:\\.\\d+)?)\\s*元`,
  'g',
);
const FEE_CONTEXT = /费|收费|缴纳|缴费/;
const REVISION_CONTEXT = /退回|修改|补正|补充材料/;
const REVISION_WINDOW = /(\d+)\s*(个)?\s*(工作日|日|天)\s*内/;
const MAX_SUBMISSIONS = /(?:最多|至多|不超过|不得超过)[^，,。；\d]{0,10}?(\d+)\s*次/;
const HOURS = /(\d+)\s*学时/g;
const PUBLICITY_DAYS = /(\d+)\s*个\s*工作日/;
const URL = /(?:https?:\/\/|www\.)[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?:[/?#][^\s)）>\]"“”，,。；]*)?/g;
const PLATFORM_CONTEXT = /平台|系统/;

function normalizeUrl(url: string): string {
  return url
    .replace(/^https?:\/\//, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

/**
 * Reads the figures one sentence of a notice states: fees, revision window, submissions,
 * continuing-education hours, publicity days and web addresses.
 *
 * @param sentence - one sentence, digits already half-width
 * @example
 * readSentenceParameters('高级450元/人,中级280元/人。')
 * // [{ name: 'fee_senior', value: 450, unit: 'yuan', quote: '高级450元/人,中级280元/人。' }, { name: 'fee_intermediate', … }]
 */
export function readSentenceParameters(sentence: string): DraftParameter[] {
  const found: DraftParameter[] = [];
  const add = (name: NoticeParameterName, value: number | string, unit: DraftParameter['unit']) =>
    found.push({ name, value, unit, quote: sentence });

  if (FEE_CONTEXT.test(sentence)) {
    for (const match of sentence.matchAll(FEE_AMOUNT)) {
      const level = FEE_LEVELS.find(([label]) => label === match[1]);
      if (level) add(level[1], Number(match[2]), NOTICE_PARAMETER_UNIT.YUAN);
    }
  }

  const revision = REVISION_CONTEXT.test(sentence) ? REVISION_WINDOW.exec(sentence) : null;
  if (revision !== null) {
    const isWorkingDays = revision[3] === '工作日';
    add(
      NOTICE_PARAMETER_NAME.REVISION_WINDOW,
      Number(revision[1]),
      isWorkingDays ? NOTICE_PARAMETER_UNIT.WORKING_DAY : NOTICE_PARAMETER_UNIT.DAY,
    );
  }

  const submissions = /提交|审核|申报/.test(sentence) ? MAX_SUBMISSIONS.exec(sentence) : null;
  if (submissions !== null) {
    add(
      NOTICE_PARAMETER_NAME.MAX_SUBMISSIONS,
      Number(submissions[1]),
      NOTICE_PARAMETER_UNIT.SUBMISSION,
    );
  }

  for (const match of sentence.matchAll(HOURS)) {
    const before = sentence.slice(Math.max(0, match.index - 10), match.index);
    const name = /(?:专业科目|专业课)[^公]*$/.test(before)
      ? NOTICE_PARAMETER_NAME.CONTINUING_EDUCATION_PROFESSIONAL_HOURS
      : /公需[^专]*$/.test(before)
        ? NOTICE_PARAMETER_NAME.CONTINUING_EDUCATION_PUBLIC_HOURS
        : NOTICE_PARAMETER_NAME.CONTINUING_EDUCATION_HOURS;
    add(name, Number(match[1]), NOTICE_PARAMETER_UNIT.HOUR);
  }

  const publicity = /公示/.test(sentence) ? PUBLICITY_DAYS.exec(sentence) : null;
  if (publicity !== null) {
    add(
      NOTICE_PARAMETER_NAME.PUBLICITY_WORKING_DAYS,
      Number(publicity[1]),
      NOTICE_PARAMETER_UNIT.WORKING_DAY,
    );
  }

  const name = PLATFORM_CONTEXT.test(sentence)
    ? NOTICE_PARAMETER_NAME.PLATFORM_URL
    : NOTICE_PARAMETER_NAME.REFERENCE_URL;
  const seen = new Set<string>();
  for (const match of sentence.matchAll(URL)) {
    const key = normalizeUrl(match[0]);
    if (seen.has(key)) continue;
    seen.add(key);
    add(name, match[0], null);
  }
  return found;
}

/**
 * Keeps the first statement of each figure: notices repeat a rule in their templates.
 *
 * @param parameters - parameters in text order
 * @example
 * dedupeParameters([a, sameNameAndValueAsA]) // [a]
 */
export function dedupeParameters(parameters: DraftParameter[]): DraftParameter[] {
  const seen = new Set<string>();
  return parameters.filter((parameter) => {
    const value =
      typeof parameter.value === 'string' ? normalizeUrl(parameter.value) : String(parameter.value);
    const key = `${parameter.name}:${value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
