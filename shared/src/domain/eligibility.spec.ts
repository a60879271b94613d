import { readFileSync } from 'fs';
import { join } from 'path';

import { HOTAN_2023_RULES } from '../calendar/hotan-2023.rules';
import { createTranslator, zhCN } from '../locales';
import type { Locale, MessageKey } from '../locales';
import { ug } from '../locales/ug';
import { HOTAN_2023_SEED_PATH } from '../notice-draft/notice-excerpts.fixture';
import type { ApplicantFacts, FactSource, SourcedFact } from './applicant-facts';
import { ELIGIBILITY_QUOTE, ELIGIBILITY_REASON, checkEligibility } from './eligibility';
import type { EligibilityInput } from './eligibility';
import type { EligibilityAnswer } from './eligibility.type';

const AT = '2023-07-21T02:00:00Z';
const fact = <T>(value: T, source: FactSource = 'declared'): SourcedFact<T> => ({
  value,
  source,
  recordedAt: AT,
});
const check = (overrides: Partial<EligibilityInput> = {}, facts: ApplicantFacts = {}) =>
  checkEligibility(
    { facts, level: 'intermediate', series: 'engineering', year: 2023, ...overrides },
    HOTAN_2023_RULES,
  );
const ruleAnswer = (answers: EligibilityAnswer[], ruleId: string) =>
  answers.find((a) => a.ruleId === ruleId);
const gist = (a: EligibilityAnswer | undefined) =>
  a === undefined ? undefined : { verdict: a.verdict, reason: a.reason, values: a.values };

const FULL_HOURS = [2021, 2022, 2023].map((year) => ({
  year,
  totalHours: 90,
  professionalHours: 60,
}));

describe('checkEligibility', () => {
  describe('the answers and their order', () => {
    it('answers R1, R2, R13 and R19 for anyone, each with its notice section', () => {
      const answers = check();
      expect(answers.map((a) => [a.ruleId, a.section])).toEqual([
        ['R1', '一'],
        ['R2', '二'],
        ['R13', '四(六)'],
        ['R19', '附件3'],
      ]);
    });

    it('adds R12 with a title and a service record, and R16 with a skilled-worker certificate, in rule order', () => {
      const answers = check(
        { currentLevel: 'assistant', titleObtainedYear: 2019 },
        {
          grassrootsService: fact([]),
          skilledWorkerCertificate: fact({
            certificate: 'technician',
            obtainedOn: '2019-06-01',
            yearsOfSkilledWork: 4,
          }),
        },
      );
      expect(answers.map((a) => a.ruleId)).toEqual(['R1', 'R2', 'R12', 'R13', 'R16', 'R19']);
    });

    it('quotes each rule in the notice’s own words', () => {
      // The seed notice is the 2023 text the rules were read from; line breaks of the scan aside.
      const squeeze = (text: string) => text.replace(/\s+/g, '');
      const notice = squeeze(readFileSync(join(__dirname, HOTAN_2023_SEED_PATH), 'utf8'));
      for (const quote of Object.values(ELIGIBILITY_QUOTE)) {
        expect({ quote, isInNotice: notice.includes(squeeze(quote)) }).toEqual({
          quote,
          isInNotice: true,
        });
      }
      expect(ruleAnswer(check(), 'R13')?.quote).toBe(ELIGIBILITY_QUOTE.R13);
    });
  });

  describe('R1 scope', () => {
    // §一: "可申报相应系列（专业）职称评审（国家以考代评的专业除外）"
    it('R1 lets an engineer in the prefecture apply', () => {
      expect(gist(ruleAnswer(check(), 'R1'))).toEqual({
        verdict: 'can_apply',
        reason: 'eligibility.reasons.inScope',
        values: { series: 'engineering', level: 'intermediate' },
      });
    });

    it('R1 refuses a level where a national exam replaces evaluation (以考代评)', () => {
      const answer = ruleAnswer(check({ series: 'accounting', level: 'intermediate' }), 'R1');
      expect(answer).toMatchObject({
        verdict: 'cannot_apply',
        reason: 'eligibility.reasons.examReplaced',
      });
      expect(answer?.quote).toContain('国家以考代评的专业除外');
      // A senior accountant is still evaluated.
      const senior = ruleAnswer(check({ series: 'accounting', level: 'deputy_senior' }), 'R1');
      expect(senior?.verdict).toBe('can_apply');
    });

    it('R1 refuses someone who does not work in the prefecture', () => {
      expect(ruleAnswer(check({ worksInRegion: false }), 'R1')?.reason).toBe(
        'eligibility.reasons.outsideRegion',
      );
    });
  });

  describe('R2 one route a year', () => {
    // §二: "申报人在同一年度只能选择上述一种方式申报。"
    it('R2 asks to choose the route while none is known', () => {
      expect(gist(ruleAnswer(check(), 'R2'))).toEqual({
        verdict: 'unknown',
        reason: 'eligibility.reasons.routeNotChosen',
        values: { year: 2023 },
      });
    });

    it('R2 is settled once the route of the year is known', () => {
      const answers = check({}, { routeThisYear: fact('region', 'office') });
      expect(gist(ruleAnswer(answers, 'R2'))).toEqual({
        verdict: 'can_apply',
        reason: 'eligibility.reasons.routeChosen',
        values: { year: 2023, route: 'region' },
      });
    });
  });

  describe('R12 the fast track', () => {
    // §四(五): "连续三年参加“访惠聚”驻村等基层服务工作，且连续三年考核优秀，可直接认定现专业的高一级职称"
    const served = (years: number[], rating: 'excellent' | 'competent' = 'excellent') =>
      fact(years.map((year) => ({ year, service: 'fang_hui_ju' as const, rating })));

    it('R12 recognises three consecutive excellent years after the title', () => {
      const answers = check(
        { currentLevel: 'assistant', titleObtainedYear: 2019 },
        { grassrootsService: served([2020, 2021, 2022]) },
      );
      expect(gist(ruleAnswer(answers, 'R12'))).toEqual({
        verdict: 'can_apply',
        reason: 'eligibility.reasons.fastTrackEligible',
        values: { targetLevel: 'intermediate', firstYear: 2020, lastYear: 2022 },
      });
    });

    it('R12 refuses two years, or years only rated competent', () => {
      const input = { currentLevel: 'assistant', titleObtainedYear: 2019 } as const;
      for (const grassrootsService of [
        served([2021, 2022]),
        served([2020, 2021, 2022], 'competent'),
      ]) {
        expect(gist(ruleAnswer(check(input, { grassrootsService }), 'R12'))).toEqual({
          verdict: 'cannot_apply',
          reason: 'eligibility.reasons.fastTrackNotEnoughService',
          values: { years: 3, sinceYear: 2020 },
        });
      }
    });

    it('R12 has nothing above 正高级', () => {
      const answers = check(
        { currentLevel: 'full_senior', titleObtainedYear: 2015 },
        { grassrootsService: served([2016, 2017, 2018]) },
      );
      expect(ruleAnswer(answers, 'R12')?.reason).toBe('eligibility.reasons.fastTrackNoHigherLevel');
    });

    it('R12 is left out without a current title, its year or a service record', () => {
      const grassrootsService = served([2020, 2021, 2022]);
      expect(
        ruleAnswer(check({ titleObtainedYear: 2019 }, { grassrootsService }), 'R12'),
      ).toBeUndefined();
      expect(
        ruleAnswer(
          check({ currentLevel: null, titleObtainedYear: 2019 }, { grassrootsService }),
          'R12',
        ),
      ).toBeUndefined();
      expect(
        ruleAnswer(check({ currentLevel: 'assistant' }, { grassrootsService }), 'R12'),
      ).toBeUndefined();
      expect(
        ruleAnswer(check({ currentLevel: 'assistant', titleObtainedYear: 2019 }), 'R12'),
      ).toBeUndefined();
    });
  });

  describe('R13 continuing education', () => {
    // §四(六): "每年须完成不少于90学时的继续教育学习（专业科目不少于60学时）"
    it('R13 says the hours are not known until some are declared', () => {
      expect(gist(ruleAnswer(check(), 'R13'))).toEqual({
        verdict: 'unknown',
        reason: 'eligibility.reasons.ceUnknown',
        values: { minHours: 90, minProfessional: 60 },
      });
    });

    it('R13 can apply when every counting year has 90 hours, 60 of them professional', () => {
      const answers = check({}, { continuingEducation: fact(FULL_HOURS, 'platform') });
      expect(gist(ruleAnswer(answers, 'R13'))).toEqual({
        verdict: 'can_apply',
        reason: 'eligibility.reasons.ceMet',
        values: { minHours: 90, minProfessional: 60, firstYear: 2021, lastYear: 2023 },
      });
    });

    it('R13 tells the first year short and by how much', () => {
      const hours = [
        { year: 2021, totalHours: 90, professionalHours: 60 },
        { year: 2022, totalHours: 80, professionalHours: 45 },
        { year: 2023, totalHours: 30, professionalHours: 30 },
      ];
      expect(gist(ruleAnswer(check({}, { continuingEducation: fact(hours) }), 'R13'))).toEqual({
        verdict: 'missing',
        reason: 'eligibility.reasons.ceShort',
        values: { year: 2022, totalShortBy: 10, professionalShortBy: 15 },
      });
    });

    it('R13 an approved exemption needs no hours', () => {
      const answers = check({}, { isContinuingEducationExempt: fact(true, 'office') });
      expect(ruleAnswer(answers, 'R13')).toMatchObject({
        verdict: 'can_apply',
        reason: 'eligibility.reasons.ceExempt',
      });
    });

    it('R13 asks nothing of a first-time private-enterprise applicant', () => {
      // "对首次申报职称的民营企业专业技术人员继续教育学时不作要求"
      const answers = check(
        {},
        { employerKind: fact('private_enterprise'), isFirstApplication: fact(true) },
      );
      expect(ruleAnswer(answers, 'R13')?.reason).toBe('eligibility.reasons.ceNotRequired');
    });

    it('R13 counts only the last and current year for other private-enterprise applicants, every year while the employer is unknown', () => {
      // "其他民营企业专业技术人员须完成上一年度和当年的继续教育专业课和公需课培训"
      const hours = fact(FULL_HOURS.filter((h) => h.year !== 2021));
      const privateAnswer = ruleAnswer(
        check({}, { continuingEducation: hours, employerKind: fact('private_enterprise') }),
        'R13',
      );
      expect(privateAnswer?.verdict).toBe('can_apply');
      expect(gist(ruleAnswer(check({}, { continuingEducation: hours }), 'R13'))).toEqual({
        verdict: 'missing',
        reason: 'eligibility.reasons.ceShort',
        values: { year: 2021, totalShortBy: 90, professionalShortBy: 60 },
      });
    });
  });

  describe('R16 the skilled-worker bridge', () => {
    // §四(九): "取得高级工、技师、高级技师……分别满2年、3年、4年的，可分别申报评审相应专业助理级、中级、副高级职称。"
    const technician = (yearsOfSkilledWork: number) => ({
      skilledWorkerCertificate: fact({
        certificate: 'technician' as const,
        obtainedOn: '2019-06-01',
        yearsOfSkilledWork,
      }),
    });

    it('R16 lets a technician of 3 years apply for 中级 in a bridged series', () => {
      expect(gist(ruleAnswer(check({}, technician(3)), 'R16'))).toEqual({
        verdict: 'can_apply',
        reason: 'eligibility.reasons.bridgeEligible',
        values: {
          certificate: 'technician',
          yearsOfSkilledWork: 3,
          appraisalYears: 3,
          allowedLevel: 'intermediate',
        },
      });
      expect(ruleAnswer(check({ level: 'assistant' }, technician(3)), 'R16')?.verdict).toBe(
        'can_apply',
      );
    });

    it('R16 refuses a level above the one the certificate allows', () => {
      expect(ruleAnswer(check({ level: 'deputy_senior' }, technician(3)), 'R16')).toMatchObject({
        verdict: 'cannot_apply',
        reason: 'eligibility.reasons.bridgeLevelTooHigh',
        values: { allowedLevel: 'intermediate' },
      });
    });

    it('R16 refuses a series without the bridge, and too few years', () => {
      expect(ruleAnswer(check({ series: 'health' }, technician(3)), 'R16')).toMatchObject({
        verdict: 'cannot_apply',
        reason: 'eligibility.reasons.bridgeSeriesNotBridged',
      });
      // Two years as a technician are not three; no lower step is held either.
      expect(ruleAnswer(check({}, technician(1)), 'R16')).toMatchObject({
        verdict: 'cannot_apply',
        reason: 'eligibility.reasons.bridgeNotEnoughYears',
        values: { minYears: 3, yearsOfSkilledWork: 1 },
      });
    });

    it('R16 is left out without a certificate, or with a stated "none"', () => {
      expect(ruleAnswer(check(), 'R16')).toBeUndefined();
      expect(
        ruleAnswer(check({}, { skilledWorkerCertificate: fact(null, 'office') }), 'R16'),
      ).toBeUndefined();
    });
  });

  describe('R19 the falsification ban', () => {
    // 附件3: "从申报年度下一年度起 3 年内，不得申报专业技术资格"
    it('R19 refuses the three years after the year of the finding', () => {
      for (const year of [2024, 2026]) {
        expect(gist(ruleAnswer(check({ year, falsificationYears: [2023] }), 'R19'))).toEqual({
          verdict: 'cannot_apply',
          reason: 'eligibility.reasons.falsificationBanned',
          values: { sinceApplicationYear: 2023, firstBannedYear: 2024, lastBannedYear: 2026 },
        });
      }
    });

    it('R19 lets the person apply again from the fourth year, and anyone without a finding', () => {
      expect(ruleAnswer(check({ year: 2027, falsificationYears: [2023] }), 'R19')?.verdict).toBe(
        'can_apply',
      );
      expect(gist(ruleAnswer(check(), 'R19'))).toEqual({
        verdict: 'can_apply',
        reason: 'eligibility.reasons.notBanned',
        values: {},
      });
    });
  });

  it('does not mutate the facts', () => {
    const facts: ApplicantFacts = { continuingEducation: fact(FULL_HOURS) };
    const before = JSON.stringify(facts);
    check({ falsificationYears: [2022] }, facts);
    expect(JSON.stringify(facts)).toBe(before);
  });
});

describe('ELIGIBILITY_REASON', () => {
  // Typed: a reason without a text in the catalogue fails the type check here.
  const keys: readonly MessageKey[] = Object.values(ELIGIBILITY_REASON);
  const { t, setLocale } = createTranslator<Locale>({ 'zh-CN': zhCN, ug }, 'zh-CN');

  it.each(['zh-CN', 'ug'] as const)(
    'has a %s text for every reason, filled by its answer’s values',
    (locale) => {
      setLocale(locale);
      const catalogue = locale === 'ug' ? ug : zhCN;
      const reasons = catalogue.eligibility.reasons as Record<string, string>;
      for (const key of keys) {
        const name = key.slice('eligibility.reasons.'.length);
        expect({ key, text: typeof reasons[name] }).toEqual({ key, text: 'string' });
      }
      // Every answer this spec's inputs produce reads without a placeholder left over.
      const answers = [
        ...check(),
        ...check({
          series: 'accounting',
          worksInRegion: false,
          year: 2025,
          falsificationYears: [2023],
        }),
        ...check(
          { currentLevel: 'assistant', titleObtainedYear: 2019, level: 'deputy_senior' },
          {
            grassrootsService: fact([{ year: 2020, service: 'fang_hui_ju', rating: 'excellent' }]),
            continuingEducation: fact([{ year: 2021, totalHours: 10, professionalHours: 0 }]),
            skilledWorkerCertificate: fact({
              certificate: 'senior_worker',
              obtainedOn: '2020-01-01',
              yearsOfSkilledWork: 1,
            }),
            routeThisYear: fact('prefecture_directed'),
          },
        ),
      ];
      for (const answer of answers) {
        const text = t(answer.reason as MessageKey, answer.values);
        expect({ reason: answer.reason, hasPlaceholder: /\{\w+\}/.test(text) }).toEqual({
          reason: answer.reason,
          hasPlaceholder: false,
        });
        expect(text).not.toBe(answer.reason);
      }
    },
  );
});
