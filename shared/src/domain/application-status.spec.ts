import fc from 'fast-check';

import { HOTAN_2023 } from '../calendar/hotan-2023.rules';
import {
  APPLICATION_STATUS,
  APPLICATION_STATUS_LABEL,
  APPLICATION_STATUS_ORDER,
  APPLICATION_TRANSITIONS,
  allowedNextStatuses,
  checkTransition,
  isApplicationStatus,
  isTerminalStatus,
} from './application-status';
import type { ApplicationStatus, TransitionContext } from './application-status';

const ALL = Object.values(APPLICATION_STATUS);
const TERMINAL: ApplicationStatus[] = [
  'not_passed',
  'not_accepted',
  'withdrawn',
  'qualification_revoked',
];

const context = (
  overrides: Partial<TransitionContext['application']> = {},
  now = '2023-08-15T04:00:00Z',
): TransitionContext => ({
  application: {
    level: 'intermediate',
    submissionCount: 1,
    returnedAt: null,
    defence: { scheduledAt: null, serviceInApplicationYear: null },
    ...overrides,
  },
  year: HOTAN_2023,
  now: new Date(now),
});

describe('APPLICATION_STATUS', () => {
  it('uses snake_case wire strings equal to nothing but themselves', () => {
    for (const value of ALL) expect(value).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(APPLICATION_STATUS.MATERIALS_RECEIVED).toBe('materials_received');
  });

  it('gives every status a Chinese label, e.g. 已接收材料', () => {
    expect(APPLICATION_STATUS_LABEL.materials_received).toBe('已接收材料');
    for (const value of ALL) expect(APPLICATION_STATUS_LABEL[value]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('orders the main path strictly along the allowed forward transitions', () => {
    const mainPath: ApplicationStatus[] = [
      'registered',
      'drafting',
      'submitted',
      'employer_review',
      'authority_review',
      'materials_received',
      'fee_paid',
      'paper_materials_received',
      'defence',
      'evaluation_meeting',
      'publicity',
      'passed',
      'qualification_document_issued',
      'post_filed',
      'certificate_issued',
    ];
    mainPath.forEach((status, index) => {
      expect(APPLICATION_STATUS_ORDER[status]).toBe(index);
      const next = mainPath[index + 1];
      if (next !== undefined) expect(APPLICATION_TRANSITIONS[status]).toContain(next);
    });
    expect(APPLICATION_STATUS_ORDER.returned).toBe(APPLICATION_STATUS_ORDER.authority_review);
    for (const status of TERMINAL) expect(APPLICATION_STATUS_ORDER[status]).toBeNull();
  });
});

describe('isApplicationStatus', () => {
  it('accepts the wire strings and nothing else', () => {
    expect(isApplicationStatus('returned')).toBe(true);
    expect(isApplicationStatus('Returned')).toBe(false);
    expect(isApplicationStatus('approved')).toBe(false);
  });
});

describe('isTerminalStatus', () => {
  it('is true exactly for the side exits and not passed', () => {
    expect(ALL.filter(isTerminalStatus).sort()).toEqual([...TERMINAL].sort());
  });
});

describe('allowedNextStatuses', () => {
  it('lets a returned application be resubmitted, withdrawn or not accepted', () => {
    expect(allowedNextStatuses('returned')).toEqual(['submitted', 'withdrawn', 'not_accepted']);
  });
});

describe('the graph', () => {
  it('reaches every status from registered', () => {
    const seen = new Set<ApplicationStatus>(['registered']);
    const queue: ApplicationStatus[] = ['registered'];
    for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
      for (const next of APPLICATION_TRANSITIONS[status]) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ALL].sort());
  });

  it('can reach a terminal status from every non-terminal status', () => {
    for (const status of ALL) {
      if (isTerminalStatus(status)) continue;
      const seen = new Set<ApplicationStatus>();
      const stack = [status];
      let reachesTerminal = false;
      for (let s = stack.pop(); s !== undefined; s = stack.pop()) {
        if (isTerminalStatus(s)) reachesTerminal = true;
        for (const next of APPLICATION_TRANSITIONS[s]) {
          if (!seen.has(next)) {
            seen.add(next);
            stack.push(next);
          }
        }
      }
      expect(reachesTerminal).toBe(true);
    }
  });

  it('lets nobody withdraw once the evaluation meeting has started', () => {
    for (const status of [
      'evaluation_meeting',
      'publicity',
      'passed',
      'certificate_issued',
    ] as const) {
      expect(APPLICATION_TRANSITIONS[status]).not.toContain('withdrawn');
    }
  });

  it('property: no sequence of allowed transitions leaves the graph or moves from a terminal status', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
        let status: ApplicationStatus = 'registered';
        for (const choice of choices) {
          const options = allowedNextStatuses(status);
          if (options.length === 0) {
            expect(isTerminalStatus(status)).toBe(true);
            for (const other of ALL) expect(checkTransition(status, other).isAllowed).toBe(false);
            return;
          }
          const next = options[choice % options.length] as ApplicationStatus;
          expect(checkTransition(status, next).isAllowed).toBe(true);
          expect(ALL).toContain(next);
          status = next;
        }
      }),
    );
  });

  it('property: checkTransition allows exactly the edges of the graph when given no context', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL), fc.constantFrom(...ALL), (from, to) => {
        expect(checkTransition(from, to).isAllowed).toBe(
          APPLICATION_TRANSITIONS[from].includes(to),
        );
      }),
    );
  });
});

describe('checkTransition', () => {
  it('refuses no change, a move from a terminal status and a missing edge, in that order', () => {
    expect(checkTransition('drafting', 'drafting')).toEqual({
      isAllowed: false,
      reason: 'no_change',
      ruleId: null,
    });
    expect(checkTransition('withdrawn', 'drafting')).toMatchObject({ reason: 'from_terminal' });
    expect(checkTransition('drafting', 'fee_paid')).toMatchObject({ reason: 'not_an_edge' });
    expect(checkTransition('publicity', 'withdrawn')).toMatchObject({ reason: 'not_an_edge' });
  });

  it.each([
    [
      '2023-07-19T15:59:59Z',
      { isAllowed: false, reason: 'application_window_not_open', ruleId: 'R3' },
    ],
    ['2023-07-19T16:00:00Z', { isAllowed: true }],
    ['2023-08-30T15:59:59Z', { isAllowed: true }],
    [
      '2023-08-30T16:00:00Z',
      { isAllowed: false, reason: 'application_window_closed', ruleId: 'R3' },
    ],
  ])('R3 submitting a draft at %s', (now, expected) => {
    expect(checkTransition('drafting', 'submitted', context({}, now))).toEqual(expected);
  });

  it.each([
    [1, true],
    [2, true],
    [3, false],
  ])('R4 a failing review after submission %i may return the application: %s', (count, allowed) => {
    const check = checkTransition(
      'authority_review',
      'returned',
      context({ submissionCount: count }),
    );
    expect(check.isAllowed).toBe(allowed);
    if (!allowed) expect(check).toMatchObject({ reason: 'submissions_exhausted', ruleId: 'R4' });
    expect(
      checkTransition('authority_review', 'not_accepted', context({ submissionCount: count }))
        .isAllowed,
    ).toBe(true);
  });

  it.each([
    ['2023-08-17T01:59:59Z', { isAllowed: true }],
    ['2023-08-17T02:00:00Z', { isAllowed: false, reason: 'revision_window_closed', ruleId: 'R4' }],
  ])('R4 resubmitting after a return at 2023-08-15 10:00 Beijing, at %s', (now, expected) => {
    const ctx = context({ returnedAt: '2023-08-15T02:00:00Z', submissionCount: 1 }, now);
    expect(checkTransition('returned', 'submitted', ctx)).toEqual(expected);
  });

  it('R4 refuses a resubmission once the submissions are used up', () => {
    const ctx = context(
      { returnedAt: '2023-08-15T02:00:00Z', submissionCount: 3 },
      '2023-08-15T03:00:00Z',
    );
    expect(checkTransition('returned', 'submitted', ctx)).toMatchObject({
      reason: 'submissions_exhausted',
    });
  });

  it.each([
    ['intermediate', null, 'defence', true],
    ['intermediate', null, 'evaluation_meeting', false],
    ['intermediate', 'fang_hui_ju', 'evaluation_meeting', true],
    ['intermediate', 'fang_hui_ju', 'defence', true],
    ['assistant', null, 'defence', false],
    ['assistant', null, 'evaluation_meeting', true],
  ] as const)(
    'R11 a %s applicant (service %s) going from paper received to %s: %s',
    (level, service, to, allowed) => {
      const ctx = context({
        level,
        defence: { scheduledAt: null, serviceInApplicationYear: service },
      });
      expect(checkTransition('paper_materials_received', to, ctx).isAllowed).toBe(allowed);
    },
  );

  it('does not mutate the context', () => {
    const ctx = context({ returnedAt: '2023-08-15T02:00:00Z' });
    const copy = JSON.parse(JSON.stringify(ctx.application));
    checkTransition('returned', 'submitted', ctx);
    expect(ctx.application).toEqual(copy);
  });
});
