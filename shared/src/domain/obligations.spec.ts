import { HOTAN_2023 } from '../calendar/hotan-2023.rules';
import type { NoticeYear } from '../calendar/notice-rules.type';
import { buildApplication } from './application.fixture';
import type { Application } from './application.type';
import { NoticeMismatchError } from './notice-year';
import { deriveObligations } from './obligations';

const ms = (iso: string) => Date.parse(iso);
const derive = (app: Application, now: string, year: NoticeYear = HOTAN_2023) =>
  deriveObligations(app, year, new Date(now));
const kinds = (app: Application, now: string, year: NoticeYear = HOTAN_2023) =>
  derive(app, now, year).map((o) => o.kind);

// The 2023 notice with no calendar events at all: every date the rules would read is unknown.
const WITHOUT_CALENDAR: NoticeYear = {
  calendar: { ...HOTAN_2023.calendar, events: [] },
  rules: HOTAN_2023.rules,
};

describe('deriveObligations', () => {
  describe('R3 and R13 while drafting', () => {
    it('asks to submit by the end of the application window, which opened on 07-20 Beijing', () => {
      expect(derive(buildApplication(), '2023-08-01T00:00:00Z')).toEqual([
        {
          kind: 'submit_application',
          isTask: true,
          ruleId: 'R3',
          section: '三(一)',
          deadlineMs: ms('2023-08-30T16:00:00Z'),
          startsAtMs: ms('2023-07-19T16:00:00Z'),
          data: { opensAt: '2023-07-19T16:00:00.000Z', isOpen: true },
        },
      ]);
    });

    it('adds each continuing-education year still short, due with the application', () => {
      const app = buildApplication({
        continuingEducation: [{ year: 2022, totalHours: 90, professionalHours: 60 }],
      });
      const [, first, second] = derive(app, '2023-08-01T00:00:00Z');
      expect(first).toMatchObject({
        kind: 'complete_continuing_education',
        ruleId: 'R13',
        section: '四(六)',
        deadlineMs: ms('2023-08-30T16:00:00Z'),
        data: { year: 2021, totalShortBy: 90, professionalShortBy: 60 },
      });
      expect(second?.data).toMatchObject({ year: 2023 });
    });

    it('has nothing left once the window has closed, because late applications are not recognised', () => {
      expect(derive(buildApplication(), '2023-08-30T16:00:00Z')).toEqual([]);
    });
  });

  describe('R4 a returned application', () => {
    const returned = buildApplication({
      status: 'returned',
      submissionCount: 1,
      returnedAt: '2023-08-15T02:00:00Z',
    });

    it('runs from the return to 48 hours later, with the submissions left', () => {
      expect(derive(returned, '2023-08-16T00:00:00Z')).toEqual([
        {
          kind: 'revise_application',
          isTask: true,
          ruleId: 'R4',
          section: '四(一)1',
          deadlineMs: ms('2023-08-17T02:00:00Z'),
          startsAtMs: ms('2023-08-15T02:00:00Z'),
          data: { returnedAt: '2023-08-15T02:00:00Z', submissionsUsed: 1, submissionsLeft: 2 },
        },
      ]);
    });

    it.each([
      ['the deadline has passed', returned, '2023-08-17T02:00:00Z'],
      ['the submissions are used up', { ...returned, submissionCount: 3 }, '2023-08-15T03:00:00Z'],
      ['the return time is unknown', { ...returned, returnedAt: null }, '2023-08-15T03:00:00Z'],
      [
        'the return time is unreadable',
        { ...returned, returnedAt: 'soon' },
        '2023-08-15T03:00:00Z',
      ],
    ])('is empty when %s', (_, app, now) => {
      expect(derive(app, now)).toEqual([]);
    });
  });

  describe('R17 the fee, R3 the paper materials and R11 the defence', () => {
    const received = buildApplication({ status: 'materials_received', level: 'assistant' });

    it('lists the fee, the paper materials and the defence once materials are received', () => {
      const app = { ...received, level: 'intermediate' as const };
      const obligations = derive(app, '2023-09-01T00:00:00Z');
      expect(obligations.map((o) => [o.kind, o.ruleId, o.section, o.deadlineMs])).toEqual([
        ['pay_fee', 'R17', '四(十)', ms('2023-09-29T16:00:00Z')],
        ['send_paper_materials', 'R3', '三(二)', ms('2023-09-29T16:00:00Z')],
        ['prepare_defence', 'R11', '四(四)', null],
      ]);
      expect(obligations[0]?.data).toEqual({ amountCny: 280, tier: 'intermediate' });
    });

    it('keeps the fee and the paper materials owed after their deadline', () => {
      expect(kinds(received, '2023-10-02T00:00:00Z')).toEqual(['pay_fee', 'send_paper_materials']);
    });

    it('drops the fee once the payment is recorded', () => {
      expect(kinds({ ...received, feePaid: true }, '2023-09-01T00:00:00Z')).toEqual([
        'send_paper_materials',
      ]);
    });

    it('notes an exemption, and asks to prepare only when the exempt applicant is scheduled', () => {
      const exempt = buildApplication({
        status: 'paper_materials_received',
        defence: { scheduledAt: null, serviceInApplicationYear: 'fang_hui_ju' },
      });
      expect(kinds(exempt, '2023-10-01T00:00:00Z')).toEqual([
        'note_defence_exemption',
        'watch_evaluation_meeting',
      ]);
      const scheduled = {
        ...exempt,
        defence: { ...exempt.defence, scheduledAt: '2023-10-16T02:00:00Z' },
      };
      expect(derive(scheduled, '2023-10-01T00:00:00Z')[1]).toMatchObject({
        kind: 'prepare_defence',
        deadlineMs: ms('2023-10-16T02:00:00Z'),
        data: { scheduledAt: '2023-10-16T02:00:00Z' },
      });
    });

    it('drops a defence once it has started, and reads an unreadable time as no schedule', () => {
      const app = buildApplication({
        status: 'defence',
        defence: { scheduledAt: '2023-10-16T02:00:00Z', serviceInApplicationYear: null },
      });
      expect(kinds(app, '2023-10-16T02:00:00Z')).toEqual(['watch_evaluation_meeting']);
      const unreadable = { ...app, defence: { ...app.defence, scheduledAt: 'next week' } };
      expect(derive(unreadable, '2023-10-01T00:00:00Z')[0]).toMatchObject({
        kind: 'prepare_defence',
        deadlineMs: null,
        data: { scheduledAt: null },
      });
    });

    // §三(四): answers come after the defence; a mirror that lags behind must not keep it open.
    it('drops the defence and its exemption once the meeting is over or a result is out', () => {
      const app = buildApplication({
        status: 'paper_materials_received',
        defence: { scheduledAt: null, serviceInApplicationYear: null },
      });
      const exempt = {
        ...app,
        defence: { scheduledAt: '2023-11-20T02:00:00Z', serviceInApplicationYear: 'fang_hui_ju' },
      } as const;
      // The meetings window (to 11-10 24:00) while the applicant's day is unknown.
      expect(kinds(app, '2023-11-10T15:00:00Z')).toContain('prepare_defence');
      expect(kinds(app, '2023-11-10T16:00:00Z')).toEqual(['watch_evaluation_meeting']);
      expect(kinds(exempt, '2023-11-10T16:00:00Z')).toEqual(['watch_evaluation_meeting']);
      // The applicant's own meeting day, when known, even inside the window.
      const meetingDone = { ...app, evaluationMeetingOn: '2023-10-15' };
      expect(kinds(meetingDone, '2023-10-15T15:00:00Z')).toContain('prepare_defence');
      expect(kinds(meetingDone, '2023-10-16T00:00:00Z')).toEqual(['watch_evaluation_meeting']);
      // A result recorded before the status moved on.
      const resultOut = { ...exempt, publicity: { startsOn: '2023-10-20', endsOn: '2023-10-26' } };
      expect(kinds(resultOut, '2023-10-21T00:00:00Z')).toEqual(['watch_evaluation_meeting']);
      // Without a calendar and a meeting day nothing tells the meetings are over.
      expect(kinds(app, '2024-01-10T00:00:00Z', WITHOUT_CALENDAR)).toContain('prepare_defence');
    });
  });

  describe('R3 the meeting and after', () => {
    const atMeeting = buildApplication({ status: 'evaluation_meeting' });

    it('watches the meetings window from its start to its end', () => {
      expect(derive(atMeeting, '2023-10-01T00:00:00Z')).toEqual([
        {
          kind: 'watch_evaluation_meeting',
          isTask: false,
          ruleId: 'R3',
          section: '三(四)',
          deadlineMs: ms('2023-11-10T16:00:00Z'),
          startsAtMs: ms('2023-10-11T16:00:00Z'),
          data: { meetingOn: null, windowStartsAt: '2023-10-11T16:00:00.000Z' },
        },
      ]);
    });

    it('watches the applicant’s own meeting day, from its 00:00 to its 24:00 Beijing, once known', () => {
      const [meeting] = derive(
        { ...atMeeting, evaluationMeetingOn: '2023-10-20' },
        '2023-10-01T00:00:00Z',
      );
      expect(meeting).toMatchObject({
        deadlineMs: ms('2023-10-20T16:00:00Z'),
        startsAtMs: ms('2023-10-19T16:00:00Z'),
        data: { meetingOn: '2023-10-20', windowStartsAt: '2023-10-11T16:00:00.000Z' },
      });
    });

    it('watches the publicity until the end of its last day', () => {
      const app = buildApplication({
        status: 'publicity',
        publicity: { startsOn: '2023-11-13', endsOn: '2023-11-17' },
      });
      expect(derive(app, '2023-11-20T00:00:00Z')).toEqual([
        {
          kind: 'watch_publicity',
          isTask: false,
          ruleId: 'R3',
          section: '三(四)',
          deadlineMs: ms('2023-11-17T16:00:00Z'),
          startsAtMs: null,
          data: { startsOn: '2023-11-13', endsOn: '2023-11-17' },
        },
      ]);
    });

    it.each([
      ['passed', 'await_qualification_document', '2023-11-30T16:00:00Z'],
      ['qualification_document_issued', 'await_certificate', '2023-12-31T16:00:00Z'],
      ['post_filed', 'await_certificate', '2023-12-31T16:00:00Z'],
    ] as const)('a %s application awaits %s until %s', (status, kind, deadline) => {
      expect(derive(buildApplication({ status }), '2023-11-20T00:00:00Z')).toEqual([
        expect.objectContaining({ kind, isTask: false, deadlineMs: ms(deadline) }),
      ]);
    });

    it('asks to download an issued certificate, with no deadline', () => {
      const app = buildApplication({
        status: 'certificate_issued',
        certificateIssuedAt: '2023-12-12T03:00:00Z',
      });
      expect(derive(app, '2023-12-13T00:00:00Z')).toEqual([
        {
          kind: 'download_certificate',
          isTask: true,
          ruleId: 'R3',
          section: '三(六)',
          deadlineMs: null,
          startsAtMs: null,
          data: { certificateIssuedAt: '2023-12-12T03:00:00Z' },
        },
      ]);
    });
  });

  describe('a year whose calendar lacks the events', () => {
    it('keeps the submission open with no deadline, under the notice’s §三', () => {
      expect(derive(buildApplication(), '2023-09-15T00:00:00Z', WITHOUT_CALENDAR)).toEqual([
        expect.objectContaining({
          kind: 'submit_application',
          section: '三',
          deadlineMs: null,
          startsAtMs: null,
          data: { opensAt: null, isOpen: true },
        }),
      ]);
    });

    it('still owes the fee and the paper materials, without deadlines', () => {
      const app = buildApplication({ status: 'materials_received', level: 'assistant' });
      const obligations = derive(app, '2023-09-15T00:00:00Z', WITHOUT_CALENDAR);
      expect(obligations.map((o) => [o.kind, o.section, o.deadlineMs])).toEqual([
        ['pay_fee', '四(十)', null],
        ['send_paper_materials', '三', null],
      ]);
    });
  });

  it.each(['not_passed', 'not_accepted', 'withdrawn', 'qualification_revoked'] as const)(
    'is empty for the terminal status %s',
    (status) => {
      expect(derive(buildApplication({ status }), '2023-08-01T00:00:00Z')).toEqual([]);
    },
  );

  it('throws for an application of another year or route', () => {
    const now = new Date('2023-08-01T00:00:00Z');
    expect(() => deriveObligations(buildApplication({ year: 2024 }), HOTAN_2023, now)).toThrow(
      NoticeMismatchError,
    );
    expect(() => deriveObligations(buildApplication({ route: 'region' }), HOTAN_2023, now)).toThrow(
      NoticeMismatchError,
    );
  });

  it('does not mutate the application', () => {
    const app = buildApplication({
      status: 'materials_received',
      continuingEducation: [{ year: 2023, totalHours: 10, professionalHours: 5 }],
      defence: { scheduledAt: '2023-10-16T02:00:00Z', serviceInApplicationYear: 'fang_hui_ju' },
    });
    const copy = JSON.parse(JSON.stringify(app));
    derive(app, '2023-09-01T00:00:00Z');
    expect(app).toEqual(copy);
  });
});
