import { ALERT_KIND } from '@titletrack/shared/domain';
import type { AlertKind } from '@titletrack/shared/domain';

import { amount, date, phrase, templateData, thing, time } from './template-fields';

const plannedAt = new Date('2023-08-15T02:05:00Z');

describe('WeChat template fields', () => {
  it('thing keeps 20 characters and cuts longer text with an ellipsis', () => {
    expect(thing('请缴纳评审费')).toBe('请缴纳评审费');
    const long = '一二三四五六七八九十一二三四五六七八九十一';
    expect(Array.from(thing(long))).toHaveLength(20);
    expect(thing(long).endsWith('…')).toBe(true);
    expect(Array.from(thing('😀'.repeat(25)))).toHaveLength(20);
    expect(thing('   ')).toBe('-');
  });

  it('phrase keeps at most 5 Chinese characters and nothing else', () => {
    expect(phrase('通过')).toBe('通过');
    expect(phrase('未通过 (2023)')).toBe('未通过');
    expect(phrase('一二三四五六七')).toBe('一二三四五');
    expect(phrase('OK')).toBe('通知');
  });

  it('time and date are Beijing wall time in WeChat’s format', () => {
    expect(time(new Date('2023-09-29T16:00:00Z'))).toBe('2023年09月30日 00:00');
    expect(time('2023-08-17T02:00:00.000Z')).toBe('2023年08月17日 10:00');
    expect(date('2023-08-17T17:00:00.000Z')).toBe('2023年08月18日');
  });

  it('amount is a number and 元', () => {
    expect(amount(280)).toBe('280元');
    expect(amount(99.5)).toBe('99.50元');
  });

  it('the fee reminder carries the amount and the deadline', () => {
    expect(
      templateData({
        kind: 'fee_due',
        deadline: new Date('2023-09-29T16:00:00Z'),
        data: { amountCny: 280, tier: 'intermediate', deadline: '2023-09-29T16:00:00.000Z' },
        plannedAt,
      }),
    ).toEqual({
      thing1: { value: '请缴纳评审费' },
      time2: { value: '2023年09月30日 00:00' },
      thing3: { value: '中级职称评审费，请按时缴纳' },
      amount4: { value: '280元' },
    });
  });

  it('the return names the revision deadline and the submissions left', () => {
    expect(
      templateData({
        kind: 'application_returned',
        deadline: new Date('2023-08-17T02:00:00Z'),
        data: { returnedAt: '', revisionDeadline: '', submissionsUsed: 1, submissionsLeft: 2 },
        plannedAt,
      }),
    ).toEqual({
      thing1: { value: '申报材料被退回' },
      time2: { value: '2023年08月17日 10:00' },
      thing3: { value: '请在截止前修改，还可提交2次' },
    });
  });

  it('the result is a phrase', () => {
    expect(
      templateData({
        kind: 'evaluation_result',
        deadline: null,
        data: { isPassed: false },
        plannedAt,
      }).phrase5,
    ).toEqual({ value: '未通过' });
  });

  it('a published notice names its region and year', () => {
    const fields = templateData({
      kind: 'notice_published',
      deadline: null,
      data: {
        regionCode: '6532',
        regionName: '和田地区',
        year: 2027,
        title: '关于开展2027年度职称评审工作的通知',
        documentNumber: '和人社发〔2027〕1号',
      },
      plannedAt,
    });
    expect(fields.thing1).toEqual({ value: '年度职称评审通知已发布' });
    expect(fields.thing3).toEqual({ value: '和田地区2027年度通知已发布' });
  });

  it('a changed calendar date names the new Beijing day', () => {
    const fields = templateData({
      kind: 'calendar_date_changed',
      deadline: null,
      data: {
        regionCode: '6532',
        year: 2027,
        documentNumber: '和人社发〔2027〕1号',
        eventKind: 'application',
        oldStartsAt: null,
        oldEndsAt: '2027-05-10T15:59:59.000Z',
        newStartsAt: null,
        newEndsAt: '2027-05-20T15:59:59.000Z',
        note: '',
      },
      plannedAt,
    });
    expect(fields.thing3).toEqual({ value: '改为2027年05月20日' });
  });

  it.each(Object.values(ALERT_KIND))('%s fits every WeChat rule', (kind: AlertKind) => {
    const data = {
      submissionsLeft: 2,
      amountCny: 450,
      tier: 'senior',
      year: 2022,
      totalShortBy: 12,
      professionalShortBy: 3,
      service: 'fang_hui_ju',
      isPassed: true,
      regionName: '克孜勒苏柯尔克孜自治州',
      newEndsAt: '2027-05-20T15:59:59.000Z',
    };
    const fields = templateData({ kind, deadline: null, data, plannedAt });
    for (const [key, { value }] of Object.entries(fields)) {
      if (key.startsWith('thing')) expect(Array.from(value).length).toBeLessThanOrEqual(20);
      if (key.startsWith('time')) expect(value).toMatch(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/);
      if (key.startsWith('amount')) expect(value).toMatch(/^\d+(\.\d{1,2})?元$/);
      if (key.startsWith('phrase')) expect(value).toMatch(/^\p{Script=Han}{1,5}$/u);
    }
  });
});
