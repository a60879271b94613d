import type { CalendarYearResponse } from '@titletrack/shared/contract';
import type { NoticeRules } from '@titletrack/shared/domain';

import { noticeKey, noticeQueriesOf, noticeYearLookup, regionCodeOf } from '../notice-years';

// Only its identity matters here: the rules travel from the response unchanged.
const RULES = { year: 2023 } as NoticeRules;

const HOTAN_2023_RESPONSE: CalendarYearResponse = {
  year: 2023,
  route: 'prefecture_directed',
  regionCode: '6532',
  region: '和田地区',
  title: '2023 年度',
  noticeDocumentNumber: '和地职称办〔2023〕1号',
  events: [
    {
      id: '1',
      kind: 'fee',
      title: '缴纳评审费',
      startsAt: null,
      endsAt: '2023-09-29T16:00:00.000Z',
      section: '三(四)',
      wording: '9月29日前',
      interpretation: null,
    },
  ],
  rules: RULES,
  version: 1,
  publishedAt: null,
};

const application = (id: string, year = 2023) =>
  ({ id, year, route: 'prefecture_directed' }) as const;

describe('noticeQueriesOf', () => {
  it("should ask once for each notice, with each application's region", () => {
    const summaries = [
      { id: 'a', regionCode: '6532' },
      { id: 'b', regionCode: '6532' },
      { id: 'c', regionCode: '6531' },
    ];
    expect(
      noticeQueriesOf([application('a'), application('b'), application('c', 2026)], summaries),
    ).toEqual([
      { regionCode: '6531', year: 2026, route: 'prefecture_directed' },
      { regionCode: '6532', year: 2023, route: 'prefecture_directed' },
    ]);
  });
});

describe('regionCodeOf', () => {
  it('should default to Hotan when the list of my applications does not say', () => {
    expect(regionCodeOf('a', [])).toBe('6532');
    expect(regionCodeOf('a', [{ id: 'a', regionCode: '' }])).toBe('6532');
    expect(regionCodeOf('a', [{ id: 'a', regionCode: '6531' }])).toBe('6531');
  });
});

describe('noticeYearLookup', () => {
  const summaries = [
    { id: 'a', regionCode: '6532' },
    { id: 'b', regionCode: '6531' },
  ];
  const answers = {
    [noticeKey({ regionCode: '6532', year: 2023, route: 'prefecture_directed' })]:
      HOTAN_2023_RESPONSE,
    [noticeKey({ regionCode: '6531', year: 2023, route: 'prefecture_directed' })]: null,
  };

  it("should give an application its published notice's calendar and rules, the same object each time", () => {
    const yearOf = noticeYearLookup(answers, summaries);
    const year = yearOf(application('a'));
    expect(year?.rules).toBe(RULES);
    expect(year?.calendar.events).toEqual([
      {
        kind: 'fee',
        title: '缴纳评审费',
        endsOn: '2023-09-29',
        section: '三(四)',
        wording: '9月29日前',
      },
    ]);
    expect(yearOf(application('a'))).toBe(year);
  });

  it('should give no notice year to an application whose notice is not published or not loaded', () => {
    const yearOf = noticeYearLookup(answers, summaries);
    expect(yearOf(application('b'))).toBeNull();
    expect(yearOf(application('a', 2026))).toBeNull();
    expect(noticeYearLookup(null, summaries)(application('a'))).toBeNull();
  });
});
