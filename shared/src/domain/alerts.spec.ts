import fc from 'fast-check';

import { HOTAN_2023 } from '../calendar/hotan-2023.rules';
import { alertsDue } from './alerts';
import { APPLICATION_STATUS } from './application-status';
import { buildApplication } from './application.fixture';
import type { Application } from './application.type';
import { NoticeMismatchError } from './notice-year';

const NONE: ReadonlySet<string> = new Set();
const keys = (app: Application, now: string, sent: ReadonlySet<string> = NONE) =>
  alertsDue(app, HOTAN_2023, new Date(now), sent).map((a) => a.dedupeKey);

describe('alertsDue', () => {
  describe('R3 the application window closing while drafting', () => {
    it.each([
      ['2023-08-27T15:59:59Z', []],
      ['2023-08-27T16:00:00Z', ['app-1:application_window_closing:2023-08-30T16:00:00.000Z']],
      ['2023-08-30T15:59:59Z', ['app-1:application_window_closing:2023-08-30T16:00:00.000Z']],
      ['2023-08-30T16:00:00Z', []],
    ])('R3 at %s → %j', (now, expected) => {
      expect(keys(buildApplication(), now)).toEqual(expected);
    });

    it('R3 carries the closing instant and the section', () => {
      expect(
        alertsDue(buildApplication(), HOTAN_2023, new Date('2023-08-29T00:00:00Z'), NONE),
      ).toEqual([
        {
          dedupeKey: 'app-1:application_window_closing:2023-08-30T16:00:00.000Z',
          applicationId: 'app-1',
          kind: 'application_window_closing',
          ruleId: 'R3',
          section: '三(一)',
          deadline: new Date('2023-08-30T16:00:00Z'),
          data: { closesAt: '2023-08-30T16:00:00.000Z' },
        },
      ]);
    });

    it('R3 is not sent twice', () => {
      const sent = new Set(['app-1:application_window_closing:2023-08-30T16:00:00.000Z']);
      expect(keys(buildApplication(), '2023-08-29T00:00:00Z', sent)).toEqual([]);
    });

    it('R13 warns of a counting year short of hours, once per year', () => {
      const app = buildApplication({
        continuingEducation: [{ year: 2022, totalHours: 90, professionalHours: 60 }],
      });
      expect(keys(app, '2023-08-01T00:00:00Z')).toEqual([
        'app-1:continuing_education_short:2021',
        'app-1:continuing_education_short:2023',
      ]);
    });
  });

  describe('R4 a return', () => {
    const returned = buildApplication({
      status: 'returned',
      submissionCount: 1,
      returnedAt: '2023-08-15T02:00:00Z',
    });

    it('R4 tells at once, with the deadline and the submissions left', () => {
      const [alert] = alertsDue(returned, HOTAN_2023, new Date('2023-08-15T02:05:00Z'), NONE);
      expect(alert).toEqual({
        dedupeKey: 'app-1:application_returned:2023-08-15T02:00:00.000Z',
        applicationId: 'app-1',
        kind: 'application_returned',
        ruleId: 'R4',
        section: '四(一)1',
        deadline: new Date('2023-08-17T02:00:00Z'),
        data: {
          returnedAt: '2023-08-15T02:00:00.000Z',
          revisionDeadline: '2023-08-17T02:00:00.000Z',
          submissionsUsed: 1,
          submissionsLeft: 2,
        },
      });
    });

    it('R4 reminds 24 hours before the revision deadline, under another key', () => {
      const sent = new Set(['app-1:application_returned:2023-08-15T02:00:00.000Z']);
      expect(keys(returned, '2023-08-16T01:59:59Z', sent)).toEqual([]);
      expect(keys(returned, '2023-08-16T02:00:00Z', sent)).toEqual([
        'app-1:revision_deadline_approaching:2023-08-15T02:00:00.000Z',
      ]);
      expect(keys(returned, '2023-08-17T02:00:00Z', sent)).toEqual([]);
    });

    it('R4 gives a second return its own keys', () => {
      const second = { ...returned, submissionCount: 2, returnedAt: '2023-08-20T02:00:00.000Z' };
      expect(keys(second, '2023-08-20T03:00:00Z')).toEqual([
        'app-1:application_returned:2023-08-20T02:00:00.000Z',
      ]);
    });

    it('R4 the same instant written two ways gives the same key', () => {
      const other = { ...returned, returnedAt: '2023-08-15T10:00:00+08:00' };
      expect(keys(other, '2023-08-15T03:00:00Z')).toEqual(keys(returned, '2023-08-15T03:00:00Z'));
    });

    it('R4 tells of a not-accepted outcome while it is fresh', () => {
      const app = buildApplication({
        status: 'not_accepted',
        statusChangedAt: '2023-08-17T02:00:00Z',
      });
      expect(keys(app, '2023-08-17T03:00:00Z')).toEqual(['app-1:application_not_accepted:2023']);
      expect(keys(app, '2023-09-17T03:00:00Z')).toEqual([]);
    });
  });

  describe('R17 the fee', () => {
    const received = buildApplication({
      status: 'materials_received',
      level: 'assistant',
      submissionCount: 1,
    });

    it('R17 tells the amount and the deadline once materials are received, with the paper materials', () => {
      const alerts = alertsDue(received, HOTAN_2023, new Date('2023-09-01T00:00:00Z'), NONE);
      expect(alerts.map((a) => a.dedupeKey)).toEqual([
        'app-1:fee_due:2023',
        'app-1:paper_materials_due:2023',
      ]);
      expect(alerts[0]).toMatchObject({
        kind: 'fee_due',
        ruleId: 'R17',
        section: '四(十)',
        data: { amountCny: 140, tier: 'primary', deadline: '2023-09-29T16:00:00.000Z' },
      });
    });

    it('R17 reminds again 3 days before the deadline while unpaid', () => {
      const sent = new Set(['app-1:fee_due:2023', 'app-1:paper_materials_due:2023']);
      expect(keys(received, '2023-09-26T16:00:00Z', sent)).toEqual([
        'app-1:fee_deadline_approaching:2023-09-29T16:00:00.000Z',
        'app-1:paper_materials_deadline_approaching:2023-09-29T16:00:00.000Z',
      ]);
      expect(keys({ ...received, feePaid: true }, '2023-09-26T16:00:00Z', sent)).toEqual([
        'app-1:paper_materials_deadline_approaching:2023-09-29T16:00:00.000Z',
      ]);
    });

    it('R17 falls silent after the deadline', () => {
      expect(keys(received, '2023-09-29T16:00:00Z')).toEqual([]);
    });
  });

  describe('R11 the defence', () => {
    it('R11 tells the schedule, then reminds the day before', () => {
      const app = buildApplication({
        status: 'paper_materials_received',
        defence: { scheduledAt: '2023-10-16T02:00:00Z', serviceInApplicationYear: null },
      });
      expect(keys(app, '2023-10-01T00:00:00Z')).toEqual([
        'app-1:defence_scheduled:2023-10-16T02:00:00.000Z',
      ]);
      expect(keys(app, '2023-10-15T03:00:00Z')).toEqual([
        'app-1:defence_scheduled:2023-10-16T02:00:00.000Z',
        'app-1:defence_approaching:2023-10-16T02:00:00.000Z',
      ]);
    });

    it('R11 a rescheduled defence is told again', () => {
      const app = buildApplication({
        status: 'defence',
        defence: { scheduledAt: '2023-10-18T02:00:00Z', serviceInApplicationYear: null },
      });
      expect(
        keys(
          app,
          '2023-10-01T00:00:00Z',
          new Set(['app-1:defence_scheduled:2023-10-16T02:00:00.000Z']),
        ),
      ).toEqual(['app-1:defence_scheduled:2023-10-18T02:00:00.000Z']);
    });

    it('R11 tells an exempt applicant of the exemption', () => {
      const app = buildApplication({
        status: 'fee_paid',
        feePaid: true,
        defence: {
          scheduledAt: null,
          serviceInApplicationYear: 'south_xinjiang_preschool_teaching',
        },
      });
      const alerts = alertsDue(
        app,
        HOTAN_2023,
        new Date('2023-09-05T00:00:00Z'),
        new Set(['app-1:paper_materials_due:2023']),
      );
      expect(alerts).toEqual([
        expect.objectContaining({
          dedupeKey: 'app-1:defence_exempt:2023',
          data: { service: 'south_xinjiang_preschool_teaching', scoring: 'specialty_average' },
        }),
      ]);
    });
  });

  describe('R3 meeting, publicity, result, document, certificate', () => {
    it('R3 reminds 3 days before the applicant’s meeting, else the meetings window', () => {
      const app = buildApplication({ status: 'paper_materials_received', level: 'assistant' });
      expect(keys(app, '2023-10-09T00:00:00Z')).toEqual([
        'app-1:evaluation_meeting_approaching:2023-10-11T16:00:00.000Z',
      ]);
      expect(keys({ ...app, evaluationMeetingOn: '2023-10-20' }, '2023-10-17T00:00:00Z')).toEqual([
        'app-1:evaluation_meeting_approaching:2023-10-20',
      ]);
    });

    it('R3 tells the publicity start and, a day before, its end', () => {
      const app = buildApplication({
        status: 'publicity',
        publicity: { startsOn: '2023-11-13', endsOn: '2023-11-17' },
      });
      expect(keys(app, '2023-11-13T02:00:00Z')).toEqual(['app-1:publicity_started:2023']);
      expect(keys(app, '2023-11-16T17:00:00Z', new Set(['app-1:publicity_started:2023']))).toEqual([
        'app-1:publicity_ending:2023-11-17',
      ]);
    });

    it.each([
      ['passed', 'app-1:evaluation_result:passed', { isPassed: true }],
      ['not_passed', 'app-1:evaluation_result:not_passed', { isPassed: false }],
    ] as const)('R3 tells the result %s', (status, key, data) => {
      const [alert] = alertsDue(
        buildApplication({ status, statusChangedAt: '2023-11-20T02:00:00Z' }),
        HOTAN_2023,
        new Date('2023-11-20T03:00:00Z'),
        NONE,
      );
      expect(alert).toMatchObject({ dedupeKey: key, data });
    });

    it('R3 tells of the document and the certificate, while fresh', () => {
      const doc = buildApplication({
        status: 'qualification_document_issued',
        statusChangedAt: '2023-11-28T02:00:00Z',
        qualificationDocumentIssuedOn: '2023-11-28',
      });
      expect(alertsDue(doc, HOTAN_2023, new Date('2023-11-28T03:00:00Z'), NONE)).toEqual([
        expect.objectContaining({
          dedupeKey: 'app-1:qualification_document_issued:2023',
          data: { issuedOn: '2023-11-28' },
        }),
      ]);
      const cert = buildApplication({
        status: 'certificate_issued',
        statusChangedAt: '2023-12-12T03:00:00Z',
        certificateIssuedAt: '2023-12-12T03:00:00Z',
      });
      expect(keys(cert, '2023-12-12T04:00:00Z')).toEqual(['app-1:certificate_ready:2023']);
      expect(keys(cert, '2024-01-12T04:00:00Z')).toEqual([]);
    });
  });

  it('throws for an application of another notice', () => {
    expect(() =>
      alertsDue(buildApplication({ year: 2022 }), HOTAN_2023, new Date('2023-08-01'), NONE),
    ).toThrow(NoticeMismatchError);
  });

  const anyApplication = fc
    .record({
      id: fc.constantFrom('a', 'b-2'),
      status: fc.constantFrom(...Object.values(APPLICATION_STATUS)),
      level: fc.constantFrom('full_senior', 'intermediate', 'assistant' as const),
      submissionCount: fc.integer({ min: 0, max: 3 }),
      returnedAt: fc.option(
        fc
          .date({ min: new Date('2023-08-10'), max: new Date('2023-09-10'), noInvalidDate: true })
          .map((d) => d.toISOString()),
      ),
      feePaid: fc.boolean(),
      service: fc.option(fc.constantFrom('fang_hui_ju' as const)),
      scheduledAt: fc.option(
        fc
          .date({ min: new Date('2023-10-01'), max: new Date('2023-11-10'), noInvalidDate: true })
          .map((d) => d.toISOString()),
      ),
      changedAt: fc
        .date({ min: new Date('2023-07-20'), max: new Date('2023-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      hours: fc.option(fc.integer({ min: 0, max: 120 })),
    })
    .map((r) =>
      buildApplication({
        id: r.id,
        status: r.status,
        level: r.level,
        submissionCount: r.submissionCount,
        returnedAt: r.returnedAt,
        feePaid: r.feePaid,
        statusChangedAt: r.changedAt,
        defence: { scheduledAt: r.scheduledAt, serviceInApplicationYear: r.service },
        continuingEducation:
          r.hours === null
            ? null
            : [{ year: 2023, totalHours: r.hours, professionalHours: r.hours }],
        publicity: { startsOn: '2023-11-13', endsOn: '2023-11-17' },
      }),
    );
  const anyNow = fc.date({
    min: new Date('2023-07-01'),
    max: new Date('2024-01-31'),
    noInvalidDate: true,
  });

  it('property: the same inputs give the same alerts; keys are unique and start with id:kind:', () => {
    fc.assert(
      fc.property(anyApplication, anyNow, (app, now) => {
        const first = alertsDue(app, HOTAN_2023, now, NONE);
        expect(alertsDue(app, HOTAN_2023, new Date(now.getTime()), NONE)).toEqual(first);
        const dedupeKeys = first.map((a) => a.dedupeKey);
        expect(new Set(dedupeKeys).size).toBe(dedupeKeys.length);
        for (const alert of first)
          expect(alert.dedupeKey.startsWith(`${app.id}:${alert.kind}:`)).toBe(true);
      }),
    );
  });

  it('property: once every due key is sent nothing is due, and sending some leaves the rest', () => {
    fc.assert(
      fc.property(anyApplication, anyNow, (app, now) => {
        const due = alertsDue(app, HOTAN_2023, now, NONE).map((a) => a.dedupeKey);
        expect(alertsDue(app, HOTAN_2023, now, new Set(due))).toEqual([]);
        const half = new Set(due.filter((_, i) => i % 2 === 0));
        expect(alertsDue(app, HOTAN_2023, now, half).map((a) => a.dedupeKey)).toEqual(
          due.filter((k) => !half.has(k)),
        );
      }),
    );
  });

  it('property: nothing is due for a withdrawn application', () => {
    fc.assert(
      fc.property(anyApplication, anyNow, (app, now) => {
        expect(alertsDue({ ...app, status: 'withdrawn' }, HOTAN_2023, now, NONE)).toEqual([]);
      }),
    );
  });
});
