import type { NoticeParameterName, NoticeParameterUnit } from '../notice-draft/notice-draft.type';
import { HOTAN_2023_RULES } from './hotan-2023.rules';
import {
  inheritParameters,
  NoticeParameterError,
  noticeRulesFromParameters,
} from './notice-rules-from-parameters';
import type { NoticeParameterValue } from './notice-rules-from-parameters';
import { REVISION_WINDOW_UNIT } from './notice-rules.type';

const parameter = (
  name: NoticeParameterName,
  value: number | string,
  unit: NoticeParameterUnit | null = null,
): NoticeParameterValue => ({ name, value, unit, quote: `quote of ${name}`, isConfirmed: true });

const NOTICE_2024 = { year: 2024, noticeDocumentNumber: '和地职称办〔2024〕1号' };

describe('noticeRulesFromParameters', () => {
  it('takes the year and the document number of the new notice', () => {
    const rules = noticeRulesFromParameters(HOTAN_2023_RULES, [], NOTICE_2024);
    expect(rules.year).toBe(2024);
    expect(rules.noticeDocumentNumber).toBe('和地职称办〔2024〕1号');
  });

  it('counts continuing education over the three years ending with the notice year', () => {
    const rules = noticeRulesFromParameters(HOTAN_2023_RULES, [], NOTICE_2024);
    expect(rules.continuingEducation.countingYears).toEqual([2022, 2023, 2024]);
  });

  it("moves the base notice's dated pre-work filing day into the new year", () => {
    const rules = noticeRulesFromParameters(HOTAN_2023_RULES, [], NOTICE_2024);
    expect(rules.filing.preWorkFilingBy).toBe('2024-07-19');
  });

  it('moves a 29 February to the 28th in a year that has none', () => {
    const base = {
      ...HOTAN_2023_RULES,
      filing: { ...HOTAN_2023_RULES.filing, preWorkFilingBy: '2024-02-29' },
    };
    const rules = noticeRulesFromParameters(base, [], { ...NOTICE_2024, year: 2025 });
    expect(rules.filing.preWorkFilingBy).toBe('2025-02-28');
  });

  it('keeps every rule the notice does not state as the base has it', () => {
    const rules = noticeRulesFromParameters(HOTAN_2023_RULES, [], NOTICE_2024);
    expect(rules.fee).toEqual(HOTAN_2023_RULES.fee);
    expect(rules.revision).toEqual(HOTAN_2023_RULES.revision);
    expect(rules.defence).toEqual(HOTAN_2023_RULES.defence);
    expect(rules.sections).toEqual(HOTAN_2023_RULES.sections);
    expect(rules.platformUrl).toBe(HOTAN_2023_RULES.platformUrl);
  });

  it('puts the fee of each tier in, full and deputy senior as senior, assistant and technician as primary', () => {
    const rules = noticeRulesFromParameters(
      HOTAN_2023_RULES,
      [
        parameter('fee_deputy_senior', 500, 'yuan'),
        parameter('fee_intermediate', 300, 'yuan'),
        parameter('fee_technician', 150, 'yuan'),
      ],
      NOTICE_2024,
    );
    expect(rules.fee.amountsCny).toEqual({ senior: 500, intermediate: 300, primary: 150 });
  });

  it("prefers a tier's own fee over one of its levels", () => {
    const rules = noticeRulesFromParameters(
      HOTAN_2023_RULES,
      [parameter('fee_full_senior', 600, 'yuan'), parameter('fee_senior', 480, 'yuan')],
      NOTICE_2024,
    );
    expect(rules.fee.amountsCny.senior).toBe(480);
  });

  it('counts a revision window stated in days as hours when the rules count hours', () => {
    const rules = noticeRulesFromParameters(
      HOTAN_2023_RULES,
      [parameter('revision_window', 3, 'day')],
      NOTICE_2024,
    );
    expect(rules.revision.windowUnit).toBe(REVISION_WINDOW_UNIT.HOURS);
    expect(rules.revision.windowAmount).toBe(72);
  });

  it('keeps the days of a revision window when the base counts calendar days', () => {
    const base = {
      ...HOTAN_2023_RULES,
      revision: {
        ...HOTAN_2023_RULES.revision,
        windowUnit: REVISION_WINDOW_UNIT.CALENDAR_DAYS,
        windowAmount: 2,
      },
    };
    const rules = noticeRulesFromParameters(
      base,
      [parameter('revision_window', 3, 'day')],
      NOTICE_2024,
    );
    expect(rules.revision.windowUnit).toBe(REVISION_WINDOW_UNIT.CALENDAR_DAYS);
    expect(rules.revision.windowAmount).toBe(3);
  });

  it('puts in submissions, hours, publicity days and the platform address', () => {
    const rules = noticeRulesFromParameters(
      HOTAN_2023_RULES,
      [
        parameter('max_submissions', 2, 'submission'),
        parameter('continuing_education_hours', 72, 'hour'),
        parameter('continuing_education_professional_hours', 48, 'hour'),
        parameter('publicity_working_days', 7, 'working_day'),
        parameter('platform_url', ' http://ks.xjzcsq.com '),
      ],
      NOTICE_2024,
    );
    expect(rules.revision.maxSubmissions).toBe(2);
    expect(rules.continuingEducation.minHoursPerYear).toBe(72);
    expect(rules.continuingEducation.minProfessionalHours).toBe(48);
    expect(rules.publicity.minWorkingDays).toBe(7);
    expect(rules.platformUrl).toBe('http://ks.xjzcsq.com');
  });

  it('takes the first value when a parameter is given twice', () => {
    const rules = noticeRulesFromParameters(
      HOTAN_2023_RULES,
      [parameter('max_submissions', 2), parameter('max_submissions', 5)],
      NOTICE_2024,
    );
    expect(rules.revision.maxSubmissions).toBe(2);
  });

  it('does not mutate the base rules or the parameters', () => {
    const base = structuredClone(HOTAN_2023_RULES);
    const parameters = [
      parameter('fee_senior', 999, 'yuan'),
      parameter('revision_window', 1, 'day'),
    ];
    const copy = structuredClone(parameters);
    noticeRulesFromParameters(base, parameters, NOTICE_2024);
    expect(base).toEqual(HOTAN_2023_RULES);
    expect(parameters).toEqual(copy);
  });

  it.each([
    ['a fee that is text', parameter('fee_senior', '四百五十')],
    ['a fee of zero', parameter('fee_primary', 0)],
    ['a negative window', parameter('revision_window', -2, 'day')],
    ['a fractional number of submissions', parameter('max_submissions', 2.5)],
    ['an empty platform address', parameter('platform_url', '  ')],
  ])('refuses %s', (_label, bad) => {
    expect(() => noticeRulesFromParameters(HOTAN_2023_RULES, [bad], NOTICE_2024)).toThrow(
      NoticeParameterError,
    );
  });
});

describe('inheritParameters', () => {
  const previous = [
    parameter('fee_senior', 450, 'yuan'),
    parameter('max_submissions', 3, 'submission'),
    parameter('publicity_working_days', 5, 'working_day'),
  ];

  it('keeps what the new notice states and copies the rest from the previous one, marked inherited', () => {
    const resolved = inheritParameters(previous, [parameter('fee_senior', 500, 'yuan')]);
    expect(resolved).toEqual([
      { ...parameter('fee_senior', 500, 'yuan'), isInherited: false },
      { ...parameter('max_submissions', 3, 'submission'), isInherited: true },
      { ...parameter('publicity_working_days', 5, 'working_day'), isInherited: true },
    ]);
  });

  it('inherits nothing when the notice states everything', () => {
    const resolved = inheritParameters(previous, previous);
    expect(resolved.every((p) => !p.isInherited)).toBe(true);
    expect(resolved).toHaveLength(3);
  });

  it('inherits nothing when there is no previous notice', () => {
    expect(inheritParameters([], [parameter('fee_senior', 500)])).toEqual([
      { ...parameter('fee_senior', 500), isInherited: false },
    ]);
  });

  it('inherits a name given twice before only once', () => {
    const resolved = inheritParameters(
      [parameter('platform_url', 'a'), parameter('platform_url', 'b')],
      [],
    );
    expect(resolved.map((p) => p.value)).toEqual(['a']);
  });

  it('does not mutate its inputs', () => {
    const before = structuredClone(previous);
    inheritParameters(previous, []);
    expect(previous).toEqual(before);
  });
});
