import type { NoticeDraftResponse, OfficeNoticeResponse } from '@titletrack/shared/contract';

import {
  PUBLISH_BLOCKER,
  SAVE_PROBLEM,
  beijingInstant,
  canPublish,
  duplicateParameterKeys,
  eventChanges,
  eventProblem,
  formFromDraft,
  formFromNotice,
  publishBlockers,
  toBeijingWallClock,
  toNoticeRequest,
} from '../office-notice-form';
import type { NoticeForm, NoticeMeta } from '../office-notice-form';

const META: NoticeMeta = {
  regionCode: '6532',
  year: 2026,
  route: 'prefecture_directed',
  title: '关于做好2026年度职称评审工作的通知',
  documentNumber: '和人社字〔2026〕1号',
  text: '网上申报时间为2026年7月20日至8月30日。',
};

const DRAFT: NoticeDraftResponse = {
  regionCode: '6532',
  year: 2026,
  text: '网上申报时间为2026年7月20日至8月30日。',
  events: [
    {
      kind: 'application',
      startsAt: '2026-07-20T00:00:00+08:00',
      endsAt: '2026-08-31T00:00:00+08:00',
      quote: '网上申报时间为2026年7月20日至8月30日',
      reading: 'inclusive',
    },
    {
      kind: 'review',
      startsAt: '2026-09-01T00:00:00+08:00',
      endsAt: null,
      quote: '9月1日起开始审核',
      reading: 'start_only',
    },
  ],
  parameters: [{ name: 'fee_intermediate', value: 150, unit: 'yuan', quote: '中级150元' }],
  warnings: [{ quote: '评审会议时间另行通知', reason: 'to_be_announced' }],
};

const confirmedForm = (): NoticeForm => confirmedFormOf(formFromDraft(META, DRAFT));

function confirmedFormOf(form: NoticeForm): NoticeForm {
  return {
    ...form,
    events: form.events.map((row) => ({
      ...row,
      endDate: row.endDate || '2026-09-30',
      isConfirmed: true,
    })),
    parameters: form.parameters.map((row) => ({ ...row, isConfirmed: true })),
    warnings: form.warnings.map((row) => ({ ...row, isResolved: true })),
  };
}

describe('beijingInstant', () => {
  it('writes a Beijing date and time with the +08:00 offset', () => {
    expect(beijingInstant('2026-08-30', '18:00')).toBe('2026-08-30T18:00:00+08:00');
  });

  it('reads 24:00 as the first instant of the next day, across a month end', () => {
    expect(beijingInstant('2026-08-31', '24:00')).toBe('2026-09-01T00:00:00+08:00');
  });

  it('refuses dates that do not exist instead of rolling them over', () => {
    expect(beijingInstant('2026-02-30', '00:00')).toBeNull();
    expect(beijingInstant('2026-13-01', '00:00')).toBeNull();
  });

  it('refuses malformed dates and times', () => {
    expect(beijingInstant('2026/08/30', '10:00')).toBeNull();
    expect(beijingInstant('2026-08-30', '24:30')).toBeNull();
    expect(beijingInstant('2026-08-30', '10:60')).toBeNull();
  });
});

describe('toBeijingWallClock', () => {
  it('shows a UTC instant on the Beijing clock', () => {
    expect(toBeijingWallClock('2026-07-19T16:00:00.000Z', false)).toEqual({
      date: '2026-07-20',
      time: '00:00',
    });
  });

  it('shows an end at midnight as 24:00 of the day before, and round-trips through beijingInstant', () => {
    const clock = toBeijingWallClock('2026-08-30T16:00:00.000Z', true);
    expect(clock).toEqual({ date: '2026-08-30', time: '24:00' });
    expect(Date.parse(beijingInstant(clock.date, clock.time) ?? '')).toBe(
      Date.parse('2026-08-30T16:00:00.000Z'),
    );
  });
});

describe('formFromDraft', () => {
  it('leaves every event and parameter unconfirmed and every warning open', () => {
    const form = formFromDraft(META, DRAFT);
    expect(form.events.map((row) => row.isConfirmed)).toEqual([false, false]);
    expect(form.parameters.map((row) => row.isConfirmed)).toEqual([false]);
    expect(form.warnings.map((row) => row.isResolved)).toEqual([false]);
  });

  it('shows the draft instants on the Beijing clock, with no end for a start-only reading', () => {
    const [application, review] = formFromDraft(META, DRAFT).events;
    expect(application).toMatchObject({
      startDate: '2026-07-20',
      startTime: '00:00',
      endDate: '2026-08-30',
      endTime: '24:00',
    });
    expect(review).toMatchObject({ startDate: '2026-09-01', endDate: '' });
    expect(review && eventProblem(review)).toBe('end_missing');
  });
});

describe('toNoticeRequest', () => {
  it('maps the rows to the create request with +08:00 instants and typed values', () => {
    const result = toNoticeRequest(confirmedForm());
    expect(result.problems).toEqual([]);
    expect(result.request).toMatchObject({
      regionCode: '6532',
      year: 2026,
      route: 'prefecture_directed',
      events: [
        {
          kind: 'application',
          startsAt: '2026-07-20T00:00:00+08:00',
          endsAt: '2026-08-31T00:00:00+08:00',
          reading: 'inclusive',
          isConfirmed: true,
        },
        {
          kind: 'review',
          startsAt: '2026-09-01T00:00:00+08:00',
          endsAt: '2026-10-01T00:00:00+08:00',
        },
      ],
      parameters: [{ name: 'fee_intermediate', value: 150, unit: 'yuan', isConfirmed: true }],
    });
  });

  it('lists what to fix instead of sending an event without an end or a non-number value', () => {
    const form = formFromDraft({ ...META, title: ' ' }, DRAFT);
    const broken = {
      ...form,
      parameters: form.parameters.map((row) => ({ ...row, value: '一百五' })),
    };
    expect(toNoticeRequest(broken)).toEqual({
      request: null,
      problems: [
        SAVE_PROBLEM.TITLE_MISSING,
        SAVE_PROBLEM.EVENT_DATES,
        SAVE_PROBLEM.PARAMETER_VALUE,
      ],
    });
  });

  it('does not change the form it maps', () => {
    const form = confirmedForm();
    const copy = JSON.parse(JSON.stringify(form)) as NoticeForm;
    toNoticeRequest(form);
    expect(form).toEqual(copy);
  });
});

describe('duplicateParameterKeys', () => {
  it('marks every row after the first with the same name, and refuses to save them', () => {
    const form = formFromDraft(META, {
      ...DRAFT,
      parameters: [
        { name: 'platform_url', value: 'www.xjzcsq.com', unit: null, quote: 'a' },
        { name: 'fee_intermediate', value: 150, unit: 'yuan', quote: 'b' },
        { name: 'platform_url', value: 'http://ht.xjzcsq.com', unit: null, quote: 'c' },
      ],
    });
    const [first, , second] = form.parameters;
    expect([...duplicateParameterKeys(form.parameters)]).toEqual([second?.key]);
    expect(duplicateParameterKeys(form.parameters).has(first?.key ?? '')).toBe(false);
    expect(toNoticeRequest(confirmedFormOf(form)).problems).toEqual([
      SAVE_PROBLEM.PARAMETER_DUPLICATE,
    ]);
  });
});

describe('publishBlockers', () => {
  it('allows publishing a saved, clean draft with everything confirmed and resolved', () => {
    expect(publishBlockers(confirmedForm(), { savedState: 'draft', isDirty: false })).toEqual([]);
    expect(canPublish(confirmedForm(), { savedState: 'draft', isDirty: false })).toBe(true);
  });

  it('counts unconfirmed events and parameters and open warnings', () => {
    const blockers = publishBlockers(formFromDraft(META, DRAFT), {
      savedState: 'draft',
      isDirty: false,
    });
    expect(blockers).toEqual([
      { kind: PUBLISH_BLOCKER.EVENT_UNCONFIRMED, count: 2 },
      { kind: PUBLISH_BLOCKER.EVENT_DATES, count: 1 },
      { kind: PUBLISH_BLOCKER.PARAMETER_UNCONFIRMED, count: 1 },
      { kind: PUBLISH_BLOCKER.WARNING_OPEN, count: 1 },
    ]);
  });

  it('asks for a save first when the notice is new or has unsaved edits', () => {
    expect(publishBlockers(confirmedForm(), { savedState: null, isDirty: true })).toEqual([
      { kind: PUBLISH_BLOCKER.NOT_SAVED, count: 1 },
    ]);
    expect(publishBlockers(confirmedForm(), { savedState: 'draft', isDirty: true })).toEqual([
      { kind: PUBLISH_BLOCKER.UNSAVED_CHANGES, count: 1 },
    ]);
  });

  it('never allows publishing a published or withdrawn notice, or one without events', () => {
    expect(canPublish(confirmedForm(), { savedState: 'published', isDirty: false })).toBe(false);
    const empty = { ...confirmedForm(), events: [] };
    expect(publishBlockers(empty, { savedState: 'draft', isDirty: false })).toEqual([
      { kind: PUBLISH_BLOCKER.NO_EVENTS, count: 1 },
    ]);
  });
});

describe('eventChanges', () => {
  const notice: OfficeNoticeResponse = {
    id: '7',
    regionCode: '6532',
    regionName: '和田地区',
    year: 2026,
    route: 'prefecture_directed',
    state: 'published',
    title: META.title,
    documentNumber: META.documentNumber,
    publishedAt: '2026-07-01T02:00:00.000Z',
    updatedAt: '2026-07-01T02:00:00.000Z',
    version: 1,
    text: META.text,
    events: [
      {
        id: '1',
        kind: 'application',
        startsAt: '2026-07-19T16:00:00.000Z',
        endsAt: '2026-08-30T16:00:00.000Z',
        quote: 'q',
        reading: 'inclusive',
        isConfirmed: true,
      },
    ],
    parameters: [],
  };

  it('finds nothing when only the notation of the instants differs', () => {
    expect(eventChanges(notice.events, formFromNotice(notice).events)).toEqual([]);
  });

  it('gives old and new of a moved deadline as the correction to send', () => {
    const rows = formFromNotice(notice).events.map((row) => ({ ...row, endDate: '2026-09-05' }));
    expect(eventChanges(notice.events, rows)).toEqual([
      {
        kind: 'application',
        before: { startsAt: '2026-07-19T16:00:00.000Z', endsAt: '2026-08-30T16:00:00.000Z' },
        after: {
          kind: 'application',
          startsAt: '2026-07-20T00:00:00+08:00',
          endsAt: '2026-09-06T00:00:00+08:00',
        },
      },
    ]);
  });

  it('leaves out a row whose new dates are not a window', () => {
    const rows = formFromNotice(notice).events.map((row) => ({ ...row, endDate: '2026-07-01' }));
    expect(eventChanges(notice.events, rows)).toEqual([]);
  });
});
