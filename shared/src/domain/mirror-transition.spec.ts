import fc from 'fast-check';

import { APPLICATION_STATUS, APPLICATION_TRANSITIONS } from './application-status';
import type { ApplicationStatus } from './application-status';
import { checkMirroredTransition } from './mirror-transition';

const STATUSES = Object.values(APPLICATION_STATUS) as ApplicationStatus[];

describe('checkMirroredTransition', () => {
  it('accepts a direct step with a one-step path', () => {
    expect(checkMirroredTransition('submitted', 'employer_review')).toEqual({
      isAllowed: true,
      path: ['employer_review'],
    });
  });

  it('accepts statuses the platform passed through unseen, naming the skipped steps', () => {
    expect(checkMirroredTransition('submitted', 'materials_received')).toEqual({
      isAllowed: true,
      path: ['employer_review', 'authority_review', 'materials_received'],
    });
  });

  it('accepts a return and a resubmission (R4 loop)', () => {
    expect(checkMirroredTransition('authority_review', 'returned')).toMatchObject({
      isAllowed: true,
    });
    expect(checkMirroredTransition('returned', 'submitted')).toMatchObject({ isAllowed: true });
  });

  it('refuses going backwards, leaving a terminal status and no change', () => {
    expect(checkMirroredTransition('materials_received', 'submitted')).toEqual({
      isAllowed: false,
      reason: 'not_reachable',
    });
    expect(checkMirroredTransition('withdrawn', 'submitted')).toEqual({
      isAllowed: false,
      reason: 'from_terminal',
    });
    expect(checkMirroredTransition('fee_paid', 'fee_paid')).toEqual({
      isAllowed: false,
      reason: 'no_change',
    });
  });

  it('gives paths made only of legal steps, ending at the target (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...STATUSES), (from, to) => {
        const check = checkMirroredTransition(from, to);
        if (!check.isAllowed) return;
        expect(check.path.at(-1)).toBe(to);
        let current = from;
        for (const step of check.path) {
          expect(APPLICATION_TRANSITIONS[current]).toContain(step);
          current = step;
        }
      }),
    );
  });

  it('allows every direct edge of the graph (property)', () => {
    for (const from of STATUSES) {
      for (const to of APPLICATION_TRANSITIONS[from]) {
        expect(checkMirroredTransition(from, to)).toEqual({ isAllowed: true, path: [to] });
      }
    }
  });
});
