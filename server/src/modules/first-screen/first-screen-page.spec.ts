import type {
  CalendarEventResponse,
  CalendarRoundResponse,
  FirstScreenData,
} from '@titletrack/shared/contract';
import { HOTAN_2023_RULES, yearProgress } from '@titletrack/shared/domain';
import { DEFAULT_LOCALE, createTranslator, zhCN } from '@titletrack/shared/locales';
import type { Locale } from '@titletrack/shared/locales';
import { ug } from '@titletrack/shared/locales/ug';

import { embedJson, injectFirstScreen, renderFirstScreen } from './first-screen-page';

const event = (
  kind: CalendarEventResponse['kind'],
  title: string,
  startsAt: string | null,
  endsAt: string,
): CalendarEventResponse => ({
  id: kind,
  kind,
  title,
  startsAt,
  endsAt,
  section: '三(一)',
  wording: '',
  interpretation: null,
});

const DATA: FirstScreenData = {
  calendar: {
    year: 2023,
    route: 'prefecture_directed' as never,
    regionCode: '6532',
    region: '和田地区',
    title: '2023 年度',
    noticeDocumentNumber: '和地职称办〔2023〕1号',
    events: [
      event('application', '网上申报', '2023-07-19T16:00:00.000Z', '2023-08-30T16:00:00.000Z'),
      event('review', '材料审核', '2023-08-09T16:00:00.000Z', '2023-09-10T16:00:00.000Z'),
    ],
    rules: HOTAN_2023_RULES,
    version: 1,
    publishedAt: null,
  },
  notices: [
    {
      id: '1',
      documentNumber: '和地职称办〔2023〕1号',
      title: '关于<评审>的通知 & 附件',
      issuer: '和田地区',
      publishedOn: '2023-07-12',
      year: 2023,
    },
  ],
  isClockOverrideAllowed: false,
  renderedAt: '2023-08-20T02:00:00.000Z',
};

// The round the page data comes from: 2023's, published, as under a clock in 2023.
const ROUND_2023: CalendarRoundResponse = {
  regionCode: '6532',
  regionName: '和田地区',
  year: 2023,
  route: 'prefecture_directed',
  isPublished: true,
  calendar: DATA.calendar,
  previous: null,
};

// Today's round (2026-11-29): this year's notice is not out, 2023's is the latest before it.
const ROUND_2026: CalendarRoundResponse = {
  ...ROUND_2023,
  year: 2026,
  isPublished: false,
  calendar: null,
  previous: DATA.calendar,
};

function render(
  now: string,
  locale: Locale = DEFAULT_LOCALE,
  data: FirstScreenData = DATA,
  round: CalendarRoundResponse | null = ROUND_2023,
): string {
  const translator = createTranslator<Locale>({ [DEFAULT_LOCALE]: zhCN, ug }, DEFAULT_LOCALE);
  translator.setLocale(locale);
  return renderFirstScreen({ data, round, now: new Date(now), locale, t: translator.t });
}

describe('renderFirstScreen (the home screen the server draws into the H5 page)', () => {
  it('counts down to the next deadline as the app would, on both clocks', () => {
    const html = render('2023-08-20T02:00:00.000Z');
    expect(html).toContain('<div class="tt-countdown__title">网上申报</div>');
    expect(html).toContain(
      '<div class="tt-countdown__time">2023-08-30 24:00 北京时间（新疆时间 22:00）</div>',
    );
    expect(html).toContain('还剩 10 天 14 小时 0 分 0 秒');
  });

  it('puts "today" before the first step still open, and marks the phases', () => {
    const html = render('2023-09-01T00:00:00.000Z');
    const today = html.indexOf('tt-timeline__today');
    expect(today).toBeGreaterThan(html.indexOf('tt-timeline__item tt-timeline__item--past'));
    expect(today).toBeLessThan(html.indexOf('tt-timeline__item tt-timeline__item--current'));
    const progress = Math.round(
      yearProgress(DATA.calendar?.events ?? [], new Date('2023-09-01T00:00:00.000Z')) * 100,
    );
    expect(progress).toBeGreaterThan(0);
    expect(html).toContain(`style="width: ${progress}%;"`);
  });

  it('says every deadline has passed after the last one, with "today" at the end', () => {
    const html = render('2023-12-31T00:00:00.000Z');
    expect(html).toContain('2023 年度的各项截止时间均已过去');
    expect(html.lastIndexOf('tt-timeline__today')).toBeGreaterThan(
      html.lastIndexOf('tt-timeline__item'),
    );
  });

  it("says this year's notice is not out, offers the reminder, and labels last year's dates", () => {
    const html = render('2026-11-29T02:00:00.000Z', DEFAULT_LOCALE, DATA, ROUND_2026);
    expect(html).toContain('<div class="tt-round__pending-title">2026 年度通知尚未发布</div>');
    expect(html).toContain('通知发布时提醒我');
    expect(html).toContain('<div class="tt-round__earlier">2023 年度（往年）日程，仅供参考</div>');
    expect(html).toContain('地区：和田地区');
    // Last year's dates are shown, but neither as this year's nor counted down to.
    expect(html).toContain('tt-timeline__item');
    expect(html).not.toContain('tt-countdown');
    expect(html).not.toContain('2023 年度日程');
    expect(html.indexOf('tt-round__earlier')).toBeLessThan(html.indexOf('tt-timeline'));
  });

  it('draws no pending notice while the round is published', () => {
    const html = render('2023-08-20T02:00:00.000Z');
    expect(html).not.toContain('tt-round__pending');
    expect(html).not.toContain('tt-round__earlier');
    expect(html).toContain('2023 年度日程');
  });

  it('says so in Uyghur, with the region named in Uyghur', () => {
    const html = render('2026-11-29T02:00:00.000Z', 'ug', DATA, ROUND_2026);
    expect(html).toContain('\u20662026\u2069-يىللىق ئۇقتۇرۇش تېخى ئېلان قىلىنمىدى');
    expect(html).toContain('خوتەن ۋىلايىتى');
    expect(html).not.toContain('和田地区</div>');
  });

  it('says there is nothing to show yet when no year was ever published', () => {
    const html = render(
      '2026-11-29T02:00:00.000Z',
      DEFAULT_LOCALE,
      { ...DATA, calendar: null },
      {
        ...ROUND_2026,
        previous: null,
      },
    );
    expect(html).toContain('2026 年度通知尚未发布');
    expect(html).toContain('还没有往年的日程可供参考');
    expect(html).not.toContain('tt-timeline');
  });

  it('escapes what comes from the database', () => {
    const html = render('2023-08-20T02:00:00.000Z');
    expect(html).toContain('关于&#60;评审&#62;的通知 &#38; 附件');
    expect(html).not.toContain('<评审>');
  });

  it('draws Uyghur right to left with the step names from the catalogue', () => {
    const html = render('2023-08-20T02:00:00.000Z', 'ug');
    expect(html).toContain('class="tt-page tt-page--rtl" data-dir="rtl" dir="rtl" lang="ug"');
    expect(html).not.toContain('网上申报');
    expect(html).toContain('\u20662023-08-30\u2069');
  });

  it("numbers sections in Uyghur, quotes the office's Chinese and marks Chinese data", () => {
    const calendar = DATA.calendar;
    if (!calendar) throw new Error('the sample has a calendar');
    const noted = {
      ...DATA,
      calendar: {
        ...calendar,
        events: calendar.events.map((step, index) =>
          index === 0 ? { ...step, interpretation: '“之前”按严格理解' } : step,
        ),
      },
    };
    const uyghur = render('2023-08-20T02:00:00.000Z', 'ug', noted);
    expect(uyghur).toContain('\u20663(1)\u2069');
    expect(uyghur).not.toContain('三(一)');
    expect(uyghur).toMatch(
      /role="note"><div class="tt-quote__lead">[^<]+<\/div><div class="tt-quote__text" lang="zh-CN" dir="ltr">“之前”按严格理解<\/div>/,
    );
    expect(uyghur).toContain(
      '<span lang="zh-CN" dir="ltr">\u2066和地职称办〔2023〕1号\u2069</span>',
    );
    const chinese = render('2023-08-20T02:00:00.000Z', DEFAULT_LOCALE, noted);
    expect(chinese).toContain('三(一)');
    expect(chinese).not.toContain('tt-quote');
  });

  it('draws the rest of the screen when there is no calendar yet', () => {
    const html = render(
      '2023-08-20T02:00:00.000Z',
      DEFAULT_LOCALE,
      { ...DATA, calendar: null },
      null,
    );
    expect(html).not.toContain('tt-timeline');
    expect(html).toContain('tt-notices__item');
  });
});

describe('injectFirstScreen', () => {
  const built =
    '<!doctype html><html lang="zh-CN"><head></head><body><noscript>x</noscript><div id="app"></div></body></html>';

  it('puts the drawing and its data in front of the app root and sets the language on <html>', () => {
    const page = injectFirstScreen(built, '<div id="first-screen"></div>', DATA, 'ug');
    expect(page).toContain('<html lang="ug" dir="rtl">');
    expect(page).toMatch(
      /<div id="first-screen"><\/div><script type="application\/json" id="first-screen-data">.*<\/script><div id="app"><\/div>/,
    );
  });

  it('leaves a page without the app root as it is', () => {
    expect(
      injectFirstScreen('<html lang="zh-CN"><body></body></html>', '<div></div>', DATA, 'zh-CN'),
    ).toBe('<html lang="zh-CN"><body></body></html>');
  });

  it('keeps embedded JSON from closing its <script>', () => {
    const json = embedJson({ title: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)).toEqual({ title: '</script><script>alert(1)</script>' });
  });
});
