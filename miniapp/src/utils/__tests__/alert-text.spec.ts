import type { InboxMessage } from '@titletrack/shared/contract';

import { LOCALE, changeLocale, translate } from '../../locales';
import type { Translate } from '../../locales';
import { alertTarget, alertText } from '../alert-text';
import { zhSlot } from '../zh-slot';

const t: Translate = translate;

const base = {
  id: '7',
  applicationId: '2',
  ruleId: 'R4',
  section: '四(一)1',
  deadline: '2023-08-22T02:00:00.000Z',
  createdAt: '2023-08-20T02:00:05.000Z',
  readAt: null,
  pushState: 'pending',
} as const;

const RETURNED: InboxMessage = {
  ...base,
  kind: 'application_returned',
  data: {
    returnedAt: '2023-08-20T02:00:00.000Z',
    revisionDeadline: '2023-08-22T02:00:00.000Z',
    submissionsUsed: 2,
    submissionsLeft: 1,
  },
};

describe('alertText', () => {
  afterEach(() => changeLocale(LOCALE.ZH_CN));

  it('should word a return from its data, the deadline on both clocks', () => {
    expect(alertText(t, RETURNED, false)).toEqual({
      title: '申报被退回',
      body: '请在 2023-08-22 10:00 北京时间（新疆时间 08:00） 前修改并重新提交，还可提交 1 次。',
    });
  });

  it('should word the same facts in Uyghur, with the dates isolated left to right', async () => {
    await changeLocale(LOCALE.UG);
    const text = alertText(t, RETURNED, true);
    expect(text.title).toBe('ئىلتىماس قايتۇرۇلدى');
    expect(text.body).toContain('\u20662023-08-22\u2069 \u206610:00\u2069 بېيجىڭ ۋاقتى');
    expect(text.body).toContain('يەنە \u20661\u2069 قېتىم');
  });

  it('should translate the fee tier and say the result by its outcome', () => {
    const fee: InboxMessage = {
      ...base,
      kind: 'fee_due',
      data: { amountCny: 450, tier: 'senior', deadline: null },
    };
    expect(alertText(t, fee, false).body).toBe('评审费 450 元，请在 待定 前缴纳。');
    const failed: InboxMessage = {
      ...base,
      kind: 'evaluation_result',
      deadline: null,
      data: { isPassed: false },
    };
    expect(alertText(t, failed, false)).toEqual({
      title: '评审结果',
      body: '很遗憾，本次评审未通过。',
    });
  });
});

const DATE_CHANGED: InboxMessage = {
  ...base,
  kind: 'calendar_date_changed',
  applicationId: null,
  data: {
    regionCode: '6532',
    year: 2026,
    documentNumber: '和地职称办〔2026〕1号',
    eventKind: 'fee',
    oldStartsAt: null,
    oldEndsAt: '2026-09-29T16:00:00.000Z',
    newStartsAt: '2026-09-01T16:00:00.000Z',
    newEndsAt: '2026-10-09T16:00:00.000Z',
    note: '因国庆假期顺延',
  },
};

const PUBLISHED: InboxMessage = {
  ...base,
  kind: 'notice_published',
  applicationId: null,
  deadline: null,
  data: {
    regionCode: '6532',
    regionName: '和田地区',
    year: 2026,
    title: '关于开展和田地区2026年度职称评审工作的通知',
    documentNumber: '和地职称办〔2026〕1号',
  },
};

describe('alertText for notices', () => {
  afterEach(() => changeLocale(LOCALE.ZH_CN));

  it("should word a changed date as the step's old and new Beijing days, with the office's note", () => {
    expect(alertText(t, DATE_CHANGED, false)).toEqual({
      title: '2026 年度日程有变动',
      body: '缴纳评审费：由 2026-09-29 改为 2026-09-02 至 2026-10-09。说明：因国庆假期顺延',
    });
  });

  it('should leave the note out when the office gave none', () => {
    const body = alertText(
      t,
      { ...DATE_CHANGED, data: { ...DATE_CHANGED.data, note: ' ' } },
      false,
    ).body;
    expect(body).toBe('缴纳评审费：由 2026-09-29 改为 2026-09-02 至 2026-10-09。');
  });

  it('should announce a published notice with its region, year and title', () => {
    expect(alertText(t, PUBLISHED, false)).toEqual({
      title: '2026 年度通知已发布',
      body: '和田地区 2026 年度职称评审通知已发布：关于开展和田地区2026年度职称评审工作的通知。点此查看新的日程。',
    });
  });

  it('should name the region in Uyghur and isolate the dates in Uyghur', async () => {
    await changeLocale(LOCALE.UG);
    expect(alertText(t, PUBLISHED, true).body).toContain('خوتەن ۋىلايىتى');
    expect(alertText(t, PUBLISHED, true).body).toMatch(/^خوتەن ۋىلايىتى \u20662026\u2069/);
    expect(alertText(t, DATE_CHANGED, true).body).toContain('\u20662026-09-29\u2069');
  });

  it("should leave the notice's title and the office's note, Chinese by nature, to be quoted in Uyghur", async () => {
    await changeLocale(LOCALE.UG);
    const published = alertText(t, PUBLISHED, true);
    expect(published.body).toContain(zhSlot('title'));
    expect(published.body).not.toMatch(/\p{Script=Han}/u);
    expect(published.zh).toEqual({
      title: '关于开展和田地区2026年度职称评审工作的通知',
      documentNumber: '和地职称办〔2026〕1号',
    });
    const changed = alertText(t, DATE_CHANGED, true);
    expect(changed.body).toContain(zhSlot('note'));
    expect(changed.zh).toEqual({ note: '因国庆假期顺延' });
  });
});

describe('alertTarget', () => {
  it('should open the calendar for a notice alert, which has no application', () => {
    expect(alertTarget(PUBLISHED)).toBe('/packages/applicant/pages/calendar/index');
    expect(alertTarget(DATE_CHANGED)).toBe('/packages/applicant/pages/calendar/index');
  });

  it('should open the list of applications for a progress alert without an application', () => {
    expect(alertTarget({ ...RETURNED, applicationId: null })).toBe(
      '/packages/applicant/pages/application/index',
    );
  });

  it('should open the fee screen for fee alerts, the application for a return, else the to-do list', () => {
    expect(
      alertTarget({
        ...base,
        kind: 'fee_deadline_approaching',
        data: { amountCny: 280, tier: 'intermediate', deadline: null },
      }),
    ).toBe('/packages/applicant/pages/fee/index');
    expect(alertTarget(RETURNED)).toBe('/packages/applicant/pages/application/index?id=2');
    expect(
      alertTarget({
        ...base,
        kind: 'paper_materials_due',
        data: { deadline: '2023-09-29T16:00:00.000Z' },
      }),
    ).toBe('/packages/applicant/pages/todo/index');
  });
});

const FEEDBACK_REPLIED: InboxMessage = {
  id: '9',
  applicationId: null,
  kind: 'feedback_replied',
  ruleId: '',
  section: '',
  deadline: null,
  data: {
    feedbackId: '7',
    category: 'complaint',
    replyExcerpt: '已核实：纸质材料报送到地区人社局三楼职称科。',
  },
  createdAt: '2026-11-29T08:00:00.000Z',
  readAt: null,
  pushState: 'not_applicable',
};

describe('alertText and alertTarget for an office reply to feedback', () => {
  afterEach(() => changeLocale(LOCALE.ZH_CN));

  it('should show the category and the office’s words as typed', () => {
    expect(alertText(t, FEEDBACK_REPLIED, false)).toEqual({
      title: '职称办回复了你的投诉',
      body: '已核实：纸质材料报送到地区人社局三楼职称科。',
    });
  });

  it('should name the category in Uyghur when Uyghur is chosen', async () => {
    await changeLocale(LOCALE.UG);
    expect(alertText(t, FEEDBACK_REPLIED, true).title).toBe('ئۇنۋان ئىشخانىسى جاۋاب بەردى (ئەرز)');
  });

  it('should open the feedback page, where the whole reply is', () => {
    expect(alertTarget(FEEDBACK_REPLIED)).toBe('/packages/applicant/pages/feedback/index');
  });
});
