import { beijingDayEnd } from '../calendar/beijing-time';
import { draftNoticeCalendar } from './draft-notice-calendar';
import { KS_PREFECTURE_2025_APPLICATION } from './notice-excerpts.fixture';

const year2023 = { year: 2023 };
const eventsOf = (text: string, options = year2023) => draftNoticeCalendar(text, options).events;
const onlyEvent = (text: string, options = year2023) => {
  const events = eventsOf(text, options);
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event === undefined) throw new Error('no event');
  return event;
};

describe('draftNoticeCalendar', () => {
  describe('date wordings', () => {
    it('reads "7月20日起" as a start with no end', () => {
      expect(onlyEvent('（一）申报时间\n7月20日起开始网上申报。')).toEqual({
        kind: 'application',
        startsAt: '2023-07-20T00:00:00+08:00',
        endsAt: null,
        quote: '7月20日起开始网上申报。',
        reading: 'start_only',
      });
    });

    it('joins "起" and "截止时间为" in one sentence into one window, the last day included', () => {
      expect(
        onlyEvent('7月20日起登录系统进行申报，申报截止时间为8月30日，逾期不予受理。'),
      ).toMatchObject({
        kind: 'application',
        startsAt: '2023-07-20T00:00:00+08:00',
        endsAt: '2023-08-31T00:00:00+08:00',
        reading: 'inclusive',
      });
    });

    it('reads "9月30日之前" strictly: it ends when 30 September begins, like the house calendar', () => {
      const event = onlyEvent('（三）缴费时间\n截止时间为9月30日之前。');
      expect(event).toMatchObject({ kind: 'fee', startsAt: null, reading: 'strict_before' });
      expect(new Date(event.endsAt ?? '').getTime()).toBe(beijingDayEnd('2023-09-29').getTime());
    });

    it('reads "11月30日前" strictly as well', () => {
      expect(onlyEvent('纸质材料于11月30日前报送。')).toMatchObject({
        endsAt: '2023-11-30T00:00:00+08:00',
        reading: 'strict_before',
      });
    });

    it('reads "（含当日）" after "前" as including that day', () => {
      expect(onlyEvent('纸质材料于9月30日前（含当日）报送。')).toMatchObject({
        endsAt: '2023-10-01T00:00:00+08:00',
        reading: 'inclusive',
      });
    });

    it('reads "11月底前" as the end of November', () => {
      expect(onlyEvent('（五）任职资格文件印发时间\n11月底前。')).toMatchObject({
        kind: 'qualification_documents',
        startsAt: null,
        endsAt: '2023-12-01T00:00:00+08:00',
        reading: 'end_of_month',
      });
    });

    it('reads a month alone as the whole month', () => {
      expect(onlyEvent('（六）事后备案及电子证书签发时间\n2023年12月。')).toMatchObject({
        kind: 'post_filing_and_certificates',
        startsAt: '2023-12-01T00:00:00+08:00',
        endsAt: '2024-01-01T00:00:00+08:00',
        reading: 'whole_month',
      });
    });

    it('reads a day alone as that one day', () => {
      expect(onlyEvent('评审会定于10月15日召开。')).toMatchObject({
        kind: 'evaluation_meetings',
        startsAt: '2023-10-15T00:00:00+08:00',
        endsAt: '2023-10-16T00:00:00+08:00',
        reading: 'single_day',
      });
    });

    it('keeps the clock times of "10月11日10:00至11月4日18:00止"', () => {
      expect(onlyEvent(KS_PREFECTURE_2025_APPLICATION.text, { year: 2025 })).toEqual({
        kind: 'application',
        startsAt: '2025-10-11T10:00:00+08:00',
        endsAt: '2025-11-04T18:00:00+08:00',
        quote: '个人网上申报(纸质材料)提交时间:2025年10月11日10:00至11月4日18:00止。',
        reading: 'explicit_time',
      });
    });

    it.each(['—', '-', '至', '～', '——', '－'])(
      'reads "8月10日%s9月10日" as a range with both ends',
      (sep) => {
        expect(onlyEvent(`材料审核时间：8月10日${sep}9月10日。`)).toMatchObject({
          kind: 'review',
          startsAt: '2023-08-10T00:00:00+08:00',
          endsAt: '2023-09-11T00:00:00+08:00',
          reading: 'inclusive',
        });
      },
    );

    it('reads "8月10日至20日" with the month carried to the end', () => {
      expect(onlyEvent('材料审核时间为8月10日至20日。')).toMatchObject({
        startsAt: '2023-08-10T00:00:00+08:00',
        endsAt: '2023-08-21T00:00:00+08:00',
      });
    });

    it('reads "7月1日起至7月31日止" as one window', () => {
      expect(onlyEvent('网上申报时间为7月1日起至7月31日止。')).toMatchObject({
        startsAt: '2023-07-01T00:00:00+08:00',
        endsAt: '2023-08-01T00:00:00+08:00',
        reading: 'inclusive',
      });
    });

    it('reads a range with a strict end "8月1日至9月30日前" strictly', () => {
      expect(onlyEvent('网上申报时间为8月1日至9月30日前。')).toMatchObject({
        endsAt: '2023-09-30T00:00:00+08:00',
        reading: 'strict_before',
      });
    });

    it('reads "18时前" and "24:00前" with their clock times', () => {
      expect(onlyEvent('缴费截止时间为9月30日18时前。')).toMatchObject({
        endsAt: '2023-09-30T18:00:00+08:00',
        reading: 'explicit_time',
      });
      expect(onlyEvent('缴费截止时间为9月30日24:00前。').endsAt).toBe('2023-10-01T00:00:00+08:00');
    });

    it('reads a day with a start time as starting then and lasting the day', () => {
      expect(onlyEvent('评审会于10月15日9:00召开。')).toMatchObject({
        startsAt: '2023-10-15T09:00:00+08:00',
        endsAt: '2023-10-16T00:00:00+08:00',
        reading: 'explicit_time',
      });
    });

    it('looks past a weekday note to the qualifier: "9月30日（星期六）前"', () => {
      expect(onlyEvent('纸质材料于9月30日（星期六）前报送。')).toMatchObject({
        endsAt: '2023-09-30T00:00:00+08:00',
        reading: 'strict_before',
      });
    });

    it('reads full-width digits', () => {
      expect(onlyEvent('材料审核：２０２４年８月１０日—９月１０日。', year2023)).toMatchObject({
        startsAt: '2024-08-10T00:00:00+08:00',
        endsAt: '2024-09-11T00:00:00+08:00',
      });
    });
  });

  describe('years', () => {
    it('takes options.year while the text writes none', () => {
      expect(onlyEvent('缴费截止时间为8月15日。', { year: 2026 }).endsAt).toBe(
        '2026-08-16T00:00:00+08:00',
      );
    });

    it('carries a year written earlier in the text to later dates without one', () => {
      const events = eventsOf('2024年7月1日起开始网上申报。\n（三）缴费时间\n截止时间为8月15日。');
      expect(events.map((e) => e.endsAt ?? e.startsAt)).toEqual([
        '2024-07-01T00:00:00+08:00',
        '2024-08-16T00:00:00+08:00',
      ]);
    });

    it('moves the end of a range into the next year when its month comes before the start', () => {
      expect(onlyEvent('评审会于12月1日至1月10日召开。', { year: 2024 })).toMatchObject({
        startsAt: '2024-12-01T00:00:00+08:00',
        endsAt: '2025-01-11T00:00:00+08:00',
      });
    });
  });

  describe('steps', () => {
    it.each([
      ['个人网上申报时间为7月1日至7月31日。', 'application'],
      ['单位网上审核时间为8月1日至8月20日。', 'review'],
      ['纸质材料报送截止时间为9月10日。', 'paper_materials'],
      ['评审费缴纳截止时间为9月20日。', 'fee'],
      ['10月12日—11月10日召开评审会。', 'evaluation_meetings'],
      ['评审结果于11月20日至11月26日在系统内公示。', 'evaluation_meetings'],
      ['各县市初级职称评审于11月30日前全部完成。', 'junior_evaluations'],
      ['任职资格文件于12月10日前印发。', 'qualification_documents'],
      ['电子证书于12月20日起签发。', 'post_filing_and_certificates'],
    ])('reads "%s" as %s', (text, kind) => {
      expect(onlyEvent(text).kind).toBe(kind);
    });

    it('takes the step from the heading when the sentence names none', () => {
      expect(onlyEvent('（二）审核时间\n2023年8月10日—9月10日。').kind).toBe('review');
    });

    it('warns instead of guessing when no step is named', () => {
      const draft = draftNoticeCalendar('请于10月8日前完成。', year2023);
      expect(draft.events).toEqual([]);
      expect(draft.warnings).toEqual([{ quote: '请于10月8日前完成。', reason: 'unknown_step' }]);
    });

    it('warns on an office-only filing date rather than calling it a step', () => {
      const draft = draftNoticeCalendar(
        '各部门完成事后备案，其中：事前备案在7月20日前完成。',
        year2023,
      );
      expect(draft.events).toEqual([]);
      expect(draft.warnings.map((w) => w.reason)).toEqual(['unknown_step']);
    });
  });

  describe('vague wordings', () => {
    it('warns on "12月上旬至下旬" and drafts no event', () => {
      const draft = draftNoticeCalendar('评审会于12月上旬至下旬召开。', year2023);
      expect(draft.events).toEqual([]);
      expect(draft.warnings).toEqual([
        { quote: '评审会于12月上旬至下旬召开。', reason: 'vague_date' },
      ]);
    });

    it.each(['评审时间另行通知。', '具体时间另行通知。', '答辩时间以评审委员会通知为准。'])(
      'warns on "%s" as to be announced',
      (text) => {
        const draft = draftNoticeCalendar(text, year2023);
        expect(draft.events).toEqual([]);
        expect(draft.warnings).toEqual([{ quote: text, reason: 'to_be_announced' }]);
      },
    );

    it('keeps the exact date of a sentence that also leaves something to be announced', () => {
      const draft = draftNoticeCalendar('缴费截止时间为9月20日，评审时间另行通知。', year2023);
      expect(draft.events).toHaveLength(1);
      expect(draft.warnings.map((w) => w.reason)).toEqual(['to_be_announced']);
    });

    it('warns when a range ends before it starts', () => {
      const draft = draftNoticeCalendar('材料审核时间为9月10日至9月5日。', year2023);
      expect(draft.events).toEqual([]);
      expect(draft.warnings.map((w) => w.reason)).toEqual(['inconsistent_range']);
    });
  });

  describe('parameters', () => {
    const param = (text: string) =>
      draftNoticeCalendar(text, year2023).parameters.map((p) => [p.name, p.value, p.unit]);

    it('reads a fee per level in yuan', () => {
      expect(
        param('评审费标准：正高级500元/人，副高级450元/人，中级280元/人，初级140元/人。'),
      ).toEqual([
        ['fee_full_senior', 500, 'yuan'],
        ['fee_deputy_senior', 450, 'yuan'],
        ['fee_intermediate', 280, 'yuan'],
        ['fee_primary', 140, 'yuan'],
      ]);
    });

    it('reads the revision window in days or working days', () => {
      expect(param('被退回的，须在2日内修改后再次提交。')).toEqual([['revision_window', 2, 'day']]);
      expect(param('被退回的，须在2个工作日内修改后再次提交。')).toEqual([
        ['revision_window', 2, 'working_day'],
      ]);
    });

    it('reads "最多提交3次" as the maximum number of submissions', () => {
      expect(param('每人最多提交3次申报材料。')).toEqual([['max_submissions', 3, 'submission']]);
    });

    it('reads continuing-education hours, professional and public', () => {
      expect(
        param('每年继续教育不少于90学时，其中专业科目不少于60学时，公需科目不少于30学时。'),
      ).toEqual([
        ['continuing_education_hours', 90, 'hour'],
        ['continuing_education_professional_hours', 60, 'hour'],
        ['continuing_education_public_hours', 30, 'hour'],
      ]);
    });

    it('reads "公示5个工作日" as publicity working days', () => {
      expect(param('经单位公示5个工作日无异议后上报。')).toEqual([
        ['publicity_working_days', 5, 'working_day'],
      ]);
    });

    it('reads a platform address with its sentence', () => {
      const draft = draftNoticeCalendar(
        '登录管理平台（https://www.xjzcsq.com/）进行申报。',
        year2023,
      );
      expect(draft.parameters).toEqual([
        {
          name: 'platform_url',
          value: 'https://www.xjzcsq.com/',
          unit: null,
          quote: '登录管理平台（https://www.xjzcsq.com/）进行申报。',
        },
      ]);
    });
  });

  describe('text shapes', () => {
    it('joins a sentence a page break cut in two', () => {
      const draft = draftNoticeCalendar(
        '（三）缴费时间\n截止时间为9月\n\n\n\n30日之前。',
        year2023,
      );
      expect(draft.events).toMatchObject([{ kind: 'fee', endsAt: '2023-09-30T00:00:00+08:00' }]);
    });

    it('strips markdown emphasis and links from quotes', () => {
      const draft = draftNoticeCalendar(
        '## **（三）缴费时间**\n\n**截止时间为9月30日之前。**',
        year2023,
      );
      expect(draft.events[0]?.quote).toBe('截止时间为9月30日之前。');
    });

    it('reads a full date alone after the office name as the issue date, not an event', () => {
      const draft = draftNoticeCalendar(
        '和田地区专业技术人员职称办公室\n\n2023年7月12日',
        year2023,
      );
      expect(draft.events).toEqual([]);
      expect(draft.parameters).toMatchObject([{ name: 'issued_on', value: '2023-07-12' }]);
    });

    it('ignores a day that does not exist', () => {
      expect(draftNoticeCalendar('缴费截止时间为2月30日。', year2023).events).toEqual([]);
    });

    it('returns empty lists for text without dates or figures', () => {
      expect(draftNoticeCalendar('各单位要高度重视。', year2023)).toEqual({
        events: [],
        parameters: [],
        warnings: [],
      });
    });

    it('returns the same draft for the same text and does not change the options', () => {
      const options = { year: 2023 };
      const text = '2024年7月1日起开始网上申报。';
      expect(draftNoticeCalendar(text, options)).toEqual(draftNoticeCalendar(text, options));
      expect(options).toEqual({ year: 2023 });
    });
  });
});
