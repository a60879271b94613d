import fc from 'fast-check';

import { HOTAN_2023 } from '../calendar/hotan-2023.rules';
import { APPLICATION_STATUS, isTerminalStatus } from './application-status';
import { buildApplication } from './application.fixture';
import type { Application } from './application.type';
import { nextActions } from './next-actions';
import { NoticeMismatchError } from './notice-year';

const TERMINAL = Object.values(APPLICATION_STATUS).filter(isTerminalStatus);
const at = (iso: string) => new Date(iso);
const NO_RESULT = {
  publicity: null,
  qualificationDocumentIssuedOn: null,
  certificateIssuedAt: null,
} as const;
const summary = (app: Application, now: string) =>
  nextActions(app, HOTAN_2023, at(now)).map((a) => [
    a.kind,
    a.deadline?.toISOString() ?? null,
    a.urgency,
  ]);

describe('nextActions', () => {
  describe('R3 finishing and submitting before the window closes', () => {
    it('R3 asks a drafting applicant to submit by 2023-08-30 24:00 Beijing time', () => {
      const [action] = nextActions(buildApplication(), HOTAN_2023, at('2023-08-01T00:00:00Z'));
      expect(action).toEqual({
        kind: 'submit_application',
        isTask: true,
        deadline: at('2023-08-30T16:00:00Z'),
        urgency: 'normal',
        ruleId: 'R3',
        section: '三(一)',
        data: { opensAt: '2023-07-19T16:00:00.000Z', isOpen: true },
        target: { kind: 'platform', url: 'http://ht.xjzcsq.com' },
        isOfficeDeadline: false,
      });
    });

    it.each([
      ['2023-08-27T15:00:00Z', 'normal'],
      ['2023-08-28T16:00:00Z', 'soon'],
      ['2023-08-30T00:00:00Z', 'critical'],
    ])('R3 at %s the submission is %s', (now, urgency) => {
      expect(summary(buildApplication(), now)).toEqual([
        ['submit_application', '2023-08-30T16:00:00.000Z', urgency],
      ]);
    });

    it('R3 says when the window opens for a registered applicant who is early', () => {
      const [action] = nextActions(
        buildApplication({ status: 'registered' }),
        HOTAN_2023,
        at('2023-07-10T00:00:00Z'),
      );
      expect(action?.data).toEqual({ opensAt: '2023-07-19T16:00:00.000Z', isOpen: false });
    });

    it('R3 has nothing left to do once the window has closed (late applications are not recognised)', () => {
      expect(nextActions(buildApplication(), HOTAN_2023, at('2023-08-30T16:00:00Z'))).toEqual([]);
    });

    it('R13 adds the continuing-education years still short, due with the application', () => {
      const app = buildApplication({
        continuingEducation: [
          { year: 2021, totalHours: 90, professionalHours: 50 },
          { year: 2022, totalHours: 90, professionalHours: 60 },
          { year: 2023, totalHours: 30, professionalHours: 30 },
        ],
      });
      const actions = nextActions(app, HOTAN_2023, at('2023-08-01T00:00:00Z'));
      expect(actions.map((a) => [a.kind, a.ruleId])).toEqual([
        ['submit_application', 'R3'],
        ['complete_continuing_education', 'R13'],
        ['complete_continuing_education', 'R13'],
      ]);
      expect(actions[1]?.data).toMatchObject({
        year: 2021,
        professionalShortBy: 10,
        totalShortBy: 0,
      });
      expect(actions[2]?.data).toMatchObject({
        year: 2023,
        totalShortBy: 60,
        professionalShortBy: 30,
      });
      expect(actions[2]?.section).toBe('四(六)');
    });

    it('R13 asks nothing of a first-time private-enterprise applicant', () => {
      const app = buildApplication({
        employerKind: 'private_enterprise',
        isFirstApplication: true,
        continuingEducation: [],
      });
      expect(summary(app, '2023-08-01T00:00:00Z')).toHaveLength(1);
    });
  });

  describe('R9 and the reviews', () => {
    it('R9 shows the employer publicity dates to watch', () => {
      const app = buildApplication({
        status: 'employer_review',
        employerPublicity: { startsOn: '2023-09-28', endsOn: '2023-10-10' },
      });
      expect(nextActions(app, HOTAN_2023, at('2023-09-28T02:00:00Z'))).toEqual([
        {
          kind: 'watch_employer_publicity',
          isTask: false,
          deadline: at('2023-10-10T16:00:00Z'),
          urgency: 'info',
          ruleId: 'R9',
          section: '四(二)',
          data: { startsOn: '2023-09-28', endsOn: '2023-10-10', minWorkingDays: 5 },
          target: { kind: 'platform', url: 'http://ht.xjzcsq.com' },
          isOfficeDeadline: false,
        },
      ]);
    });

    it('R9 watches without a deadline while the dates are unknown', () => {
      const [action] = nextActions(
        buildApplication({ status: 'employer_review' }),
        HOTAN_2023,
        at('2023-08-12T00:00:00Z'),
      );
      expect(action).toMatchObject({ kind: 'watch_employer_publicity', deadline: null });
    });

    it.each(['submitted', 'authority_review'] as const)(
      'R3 a %s application waits for review until 09-10',
      (status) => {
        expect(
          summary(buildApplication({ status, submissionCount: 1 }), '2023-08-20T00:00:00Z'),
        ).toEqual([['await_review', '2023-09-10T16:00:00.000Z', 'info']]);
      },
    );
  });

  describe('R4 revising a returned application', () => {
    const returned = buildApplication({
      status: 'returned',
      submissionCount: 1,
      returnedAt: '2023-08-15T02:00:00Z',
    });

    it('R4 gives the time and submissions left', () => {
      expect(nextActions(returned, HOTAN_2023, at('2023-08-16T03:00:00Z'))).toEqual([
        {
          kind: 'revise_application',
          isTask: true,
          deadline: at('2023-08-17T02:00:00Z'),
          urgency: 'critical',
          ruleId: 'R4',
          section: '四(一)1',
          data: { returnedAt: '2023-08-15T02:00:00Z', submissionsUsed: 1, submissionsLeft: 2 },
          target: { kind: 'platform', url: 'http://ht.xjzcsq.com' },
          isOfficeDeadline: false,
        },
      ]);
    });

    it('R4 has nothing left once the 48 hours are over or the submissions used up', () => {
      expect(nextActions(returned, HOTAN_2023, at('2023-08-17T02:00:00Z'))).toEqual([]);
      expect(
        nextActions({ ...returned, submissionCount: 3 }, HOTAN_2023, at('2023-08-15T03:00:00Z')),
      ).toEqual([]);
    });
  });

  describe('R17 the fee and R3 the paper materials', () => {
    it('R17 asks for 280 CNY by 09-29 24:00 Beijing, beside the paper materials and the defence', () => {
      const actions = nextActions(
        buildApplication({ status: 'materials_received', submissionCount: 1 }),
        HOTAN_2023,
        at('2023-09-01T00:00:00Z'),
      );
      expect(
        actions.map((a) => [a.kind, a.deadline?.toISOString() ?? null, a.ruleId, a.section]),
      ).toEqual([
        ['pay_fee', '2023-09-29T16:00:00.000Z', 'R17', '四(十)'],
        ['send_paper_materials', '2023-09-29T16:00:00.000Z', 'R3', '三(二)'],
        ['prepare_defence', null, 'R11', '四(四)'],
      ]);
      expect(actions[0]?.data).toEqual({ amountCny: 280, tier: 'intermediate' });
    });

    it.each([
      ['full_senior', 450],
      ['assistant', 140],
    ] as const)('R17 a %s applicant pays %i CNY', (level, amountCny) => {
      const [fee] = nextActions(
        buildApplication({ status: 'materials_received', level }),
        HOTAN_2023,
        at('2023-09-01T00:00:00Z'),
      );
      expect(fee?.data).toMatchObject({ amountCny });
    });

    it('R17 an unpaid fee after the deadline shows as overdue', () => {
      const [fee] = nextActions(
        buildApplication({ status: 'materials_received', level: 'assistant' }),
        HOTAN_2023,
        at('2023-10-02T00:00:00Z'),
      );
      expect(fee).toMatchObject({ kind: 'pay_fee', urgency: 'overdue' });
    });

    it('R17 a recorded payment drops the fee', () => {
      const kinds = nextActions(
        buildApplication({ status: 'materials_received', feePaid: true, level: 'assistant' }),
        HOTAN_2023,
        at('2023-09-01T00:00:00Z'),
      ).map((a) => a.kind);
      expect(kinds).toEqual(['send_paper_materials']);
    });

    it('R3 after the fee only the paper materials (and the defence) remain', () => {
      expect(
        nextActions(
          buildApplication({ status: 'fee_paid', feePaid: true }),
          HOTAN_2023,
          at('2023-09-01T00:00:00Z'),
        ).map((a) => a.kind),
      ).toEqual(['send_paper_materials', 'prepare_defence']);
    });
  });

  describe('R11 the defence', () => {
    it('R11 prepares for a scheduled defence, then watches the meeting', () => {
      const app = buildApplication({
        status: 'defence',
        defence: { scheduledAt: '2023-10-09T02:00:00Z', serviceInApplicationYear: null },
      });
      expect(summary(app, '2023-10-08T04:00:00Z')).toEqual([
        ['prepare_defence', '2023-10-09T02:00:00.000Z', 'critical'],
        ['watch_evaluation_meeting', '2023-11-10T16:00:00.000Z', 'info'],
      ]);
      expect(summary(app, '2023-10-09T03:00:00Z').map(([kind]) => kind)).toEqual([
        'watch_evaluation_meeting',
      ]);
    });

    it('R11 tells an exempt applicant of the exemption and the average-score rule', () => {
      const app = buildApplication({
        status: 'paper_materials_received',
        defence: { scheduledAt: null, serviceInApplicationYear: 'fang_hui_ju' },
        evaluationMeetingOn: '2023-10-20',
      });
      const actions = nextActions(app, HOTAN_2023, at('2023-10-01T00:00:00Z'));
      expect(actions.map((a) => a.kind)).toEqual([
        'watch_evaluation_meeting',
        'note_defence_exemption',
      ]);
      expect(actions[0]?.deadline?.toISOString()).toBe('2023-10-20T16:00:00.000Z');
      expect(actions[1]).toMatchObject({
        ruleId: 'R11',
        data: { service: 'fang_hui_ju', scoring: 'specialty_average' },
      });
    });

    it('R11 shows no defence to an assistant-level applicant', () => {
      const kinds = nextActions(
        buildApplication({ status: 'paper_materials_received', level: 'assistant' }),
        HOTAN_2023,
        at('2023-10-01T00:00:00Z'),
      ).map((a) => a.kind);
      expect(kinds).toEqual(['watch_evaluation_meeting']);
    });

    // §三(四): the defence comes before the 10-12 — 11-10 meetings; once the applicant's meeting is
    // over or a result is out, a status the mirror has not moved on yet must not keep asking.
    it('R11 drops the defence once the applicant’s own meeting day is over', () => {
      const app = buildApplication({
        status: 'defence',
        evaluationMeetingOn: '2023-10-20',
        defence: { scheduledAt: null, serviceInApplicationYear: 'fang_hui_ju' },
      });
      const kindsAt = (now: string) => summary(app, now).map(([kind]) => kind);
      expect(kindsAt('2023-10-20T15:59:59Z')).toEqual([
        'watch_evaluation_meeting',
        'note_defence_exemption',
      ]);
      expect(kindsAt('2023-10-20T16:00:00Z')).toEqual(['watch_evaluation_meeting']);
      const required = { ...app, defence: { scheduledAt: null, serviceInApplicationYear: null } };
      expect(
        nextActions(required, HOTAN_2023, at('2023-10-21T00:00:00Z')).map((a) => a.kind),
      ).toEqual(['watch_evaluation_meeting']);
    });

    it('R11 drops an unscheduled defence once the meetings window has closed', () => {
      const app = buildApplication({ status: 'paper_materials_received' });
      expect(summary(app, '2023-11-10T15:00:00Z').map(([kind]) => kind)).toEqual([
        'watch_evaluation_meeting',
        'prepare_defence',
      ]);
      expect(summary(app, '2023-11-10T16:00:00Z').map(([kind]) => kind)).not.toContain(
        'prepare_defence',
      );
    });

    it.each([
      ['the publicity is out', { publicity: { startsOn: '2023-10-25', endsOn: null } }],
      ['the qualification document is issued', { qualificationDocumentIssuedOn: '2023-10-30' }],
      ['the certificate is issued', { certificateIssuedAt: '2023-10-30T02:00:00Z' }],
    ] as const)('R11 shows no defence once %s', (_, result) => {
      const app = buildApplication({
        status: 'defence',
        defence: { scheduledAt: '2023-11-05T02:00:00Z', serviceInApplicationYear: 'fang_hui_ju' },
        ...result,
      });
      const kinds = nextActions(app, HOTAN_2023, at('2023-11-01T00:00:00Z')).map((a) => a.kind);
      expect(kinds).not.toContain('prepare_defence');
      expect(kinds).not.toContain('note_defence_exemption');
      expect(
        nextActions({ ...app, ...NO_RESULT }, HOTAN_2023, at('2023-11-01T00:00:00Z')).map(
          (a) => a.kind,
        ),
      ).toContain('prepare_defence');
    });
  });

  describe('where each action leads (target) and whose date it is (isOfficeDeadline)', () => {
    const targetsAt = (app: Application, now: string) =>
      nextActions(app, HOTAN_2023, at(now)).map((a) => [a.kind, a.target, a.isOfficeDeadline]);
    const platform = { kind: 'platform', url: 'http://ht.xjzcsq.com' };

    it('R3 R13 submitting leads to the platform, a continuing-education shortfall to the facts screen', () => {
      const app = buildApplication({
        continuingEducation: [{ year: 2023, totalHours: 90, professionalHours: 60 }],
        employerKind: 'private_enterprise',
      });
      expect(targetsAt(app, '2023-08-01T00:00:00Z')).toEqual([
        ['submit_application', platform, false],
        ['complete_continuing_education', { kind: 'screen', screen: 'facts' }, false],
      ]);
    });

    it('R17 R3 R11 the fee leads to its screen, paper materials to the office, the defence to the application', () => {
      const app = buildApplication({
        status: 'materials_received',
        defence: { scheduledAt: '2023-10-09T02:00:00Z', serviceInApplicationYear: null },
      });
      expect(targetsAt(app, '2023-09-20T00:00:00Z')).toEqual([
        ['pay_fee', { kind: 'screen', screen: 'fee' }, false],
        ['send_paper_materials', { kind: 'office', address: null, phone: '0903-2069736' }, false],
        ['prepare_defence', { kind: 'screen', screen: 'application' }, false],
      ]);
    });

    it('R3 the paper materials name the office address when the notice gives one', () => {
      const year = {
        ...HOTAN_2023,
        rules: { ...HOTAN_2023.rules, officeAddress: '和田市某路1号', contacts: [] },
      };
      const [, paper] = nextActions(
        buildApplication({ status: 'materials_received', level: 'assistant' }),
        year,
        at('2023-09-20T00:00:00Z'),
      );
      expect(paper?.target).toEqual({ kind: 'office', address: '和田市某路1号', phone: null });
    });

    it('R3 R4 a notice naming no platform leads to the platform without an address', () => {
      const year = { ...HOTAN_2023, rules: { ...HOTAN_2023.rules, platformUrl: null } };
      const [action] = nextActions(buildApplication(), year, at('2023-08-01T00:00:00Z'));
      expect(action?.target).toEqual({ kind: 'platform', url: null });
    });

    it.each([
      ['submitted', '2023-08-20T00:00:00Z', 'await_review'],
      ['evaluation_meeting', '2023-10-20T00:00:00Z', 'watch_evaluation_meeting'],
      ['publicity', '2023-11-14T00:00:00Z', 'watch_publicity'],
      ['passed', '2023-11-20T00:00:00Z', 'await_qualification_document'],
      ['post_filed', '2023-12-05T00:00:00Z', 'await_certificate'],
    ] as const)(
      'R3 a %s application awaits the office’s step, dated as expected',
      (status, now, kind) => {
        expect(targetsAt(buildApplication({ status, submissionCount: 1 }), now)).toEqual([
          [kind, { kind: 'none' }, true],
        ]);
      },
    );
  });

  describe('R3 after the meeting', () => {
    it('R3 watches the publicity dates', () => {
      const app = buildApplication({
        status: 'publicity',
        publicity: { startsOn: '2023-11-13', endsOn: '2023-11-17' },
      });
      expect(summary(app, '2023-11-14T00:00:00Z')).toEqual([
        ['watch_publicity', '2023-11-17T16:00:00.000Z', 'info'],
      ]);
    });

    it.each([
      ['passed', 'await_qualification_document', '2023-11-30T16:00:00.000Z'],
      ['qualification_document_issued', 'await_certificate', '2023-12-31T16:00:00.000Z'],
      ['post_filed', 'await_certificate', '2023-12-31T16:00:00.000Z'],
    ] as const)('R3 a %s application waits for %s', (status, kind, deadline) => {
      expect(summary(buildApplication({ status }), '2023-11-20T00:00:00Z')).toEqual([
        [kind, deadline, 'info'],
      ]);
    });

    it('R3 asks to download the e-certificate once issued', () => {
      const app = buildApplication({
        status: 'certificate_issued',
        certificateIssuedAt: '2023-12-12T03:00:00Z',
      });
      expect(nextActions(app, HOTAN_2023, at('2023-12-13T00:00:00Z'))).toEqual([
        {
          kind: 'download_certificate',
          isTask: true,
          deadline: null,
          urgency: 'normal',
          ruleId: 'R3',
          section: '三(六)',
          data: { certificateIssuedAt: '2023-12-12T03:00:00Z' },
          target: { kind: 'screen', screen: 'certificate' },
          isOfficeDeadline: false,
        },
      ]);
    });
  });

  it.each(['not_passed', 'not_accepted', 'withdrawn', 'qualification_revoked'] as const)(
    'is empty for the terminal status %s',
    (status) => {
      expect(
        nextActions(buildApplication({ status }), HOTAN_2023, at('2023-08-01T00:00:00Z')),
      ).toEqual([]);
    },
  );

  it('throws for an application of another year or route', () => {
    expect(() =>
      nextActions(buildApplication({ year: 2024 }), HOTAN_2023, at('2024-08-01T00:00:00Z')),
    ).toThrow(NoticeMismatchError);
    expect(() =>
      nextActions(buildApplication({ route: 'region' }), HOTAN_2023, at('2023-08-01T00:00:00Z')),
    ).toThrow(NoticeMismatchError);
  });

  it('does not mutate the application', () => {
    const app = buildApplication({ status: 'materials_received', continuingEducation: [] });
    const copy = JSON.parse(JSON.stringify(app));
    nextActions(app, HOTAN_2023, at('2023-09-01T00:00:00Z'));
    expect(app).toEqual(copy);
  });

  const anyApplication = fc
    .record({
      status: fc.constantFrom(...Object.values(APPLICATION_STATUS)),
      level: fc.constantFrom(
        'full_senior',
        'deputy_senior',
        'intermediate',
        'assistant',
        'technician' as const,
      ),
      submissionCount: fc.integer({ min: 0, max: 4 }),
      returnedAt: fc.option(
        fc
          .date({ min: new Date('2023-07-20'), max: new Date('2023-09-30'), noInvalidDate: true })
          .map((d) => d.toISOString()),
      ),
      feePaid: fc.boolean(),
      service: fc.option(fc.constantFrom('fang_hui_ju', 'inland_service_management' as const)),
      scheduledAt: fc.option(
        fc
          .date({ min: new Date('2023-09-01'), max: new Date('2023-11-30'), noInvalidDate: true })
          .map((d) => d.toISOString()),
      ),
    })
    .map((r) =>
      buildApplication({
        status: r.status,
        level: r.level,
        submissionCount: r.submissionCount,
        returnedAt: r.returnedAt,
        feePaid: r.feePaid,
        defence: { scheduledAt: r.scheduledAt, serviceInApplicationYear: r.service },
        continuingEducation: [],
      }),
    );
  const anyNow = fc.date({
    min: new Date('2023-06-01'),
    max: new Date('2024-02-01'),
    noInvalidDate: true,
  });

  it('property: the to-do list of a terminal application is empty', () => {
    fc.assert(
      fc.property(anyApplication, fc.constantFrom(...TERMINAL), anyNow, (app, status, now) => {
        expect(isTerminalStatus(status)).toBe(true);
        expect(nextActions({ ...app, status }, HOTAN_2023, now)).toEqual([]);
      }),
    );
  });

  it('property: actions come earliest deadline first, each naming a rule and a section', () => {
    fc.assert(
      fc.property(anyApplication, anyNow, (app, now) => {
        const actions = nextActions(app, HOTAN_2023, now);
        const deadlines = actions.map((a) => a.deadline?.getTime() ?? Number.POSITIVE_INFINITY);
        expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
        for (const action of actions) {
          expect(action.ruleId).toMatch(/^R\d+$/);
          expect(action.section.length).toBeGreaterThan(0);
          expect(action.isTask || action.urgency === 'info').toBe(true);
        }
      }),
    );
  });
});
