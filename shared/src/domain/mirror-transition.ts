import { APPLICATION_TRANSITIONS, isTerminalStatus } from './application-status';
import type { ApplicationStatus } from './application-status';

export const MIRROR_REFUSAL = {
  NO_CHANGE: 'no_change',
  FROM_TERMINAL: 'from_terminal',
  NOT_REACHABLE: 'not_reachable',
} as const;
export type MirrorRefusal = (typeof MIRROR_REFUSAL)[keyof typeof MIRROR_REFUSAL];

export type MirrorTransitionCheck =
  { isAllowed: true; path: ApplicationStatus[] } | { isAllowed: false; reason: MirrorRefusal };

/**
 * Whether the mirror may move from the status it holds to the one the platform now reports.
 * The platform is seen only now and then (an export a week, a poll an hour), so it may have
 * passed through several statuses in between: any status reachable through the legal graph is
 * accepted, and the shortest such path says which steps were not seen. A status that cannot be
 * reached (backwards, or out of a terminal status) is refused, to be reported, never applied.
 *
 * @param from - the status the mirror holds
 * @param to - the status the platform reports
 * @returns the path (without `from`), or why not
 * @example
 * checkMirroredTransition('submitted', 'materials_received')
 * // { isAllowed: true, path: ['employer_review', 'authority_review', 'materials_received'] }
 */
export function checkMirroredTransition(
  from: ApplicationStatus,
  to: ApplicationStatus,
): MirrorTransitionCheck {
  if (from === to) return { isAllowed: false, reason: MIRROR_REFUSAL.NO_CHANGE };
  if (isTerminalStatus(from)) return { isAllowed: false, reason: MIRROR_REFUSAL.FROM_TERMINAL };
  const previous = new Map<ApplicationStatus, ApplicationStatus>();
  const queue: ApplicationStatus[] = [from];
  while (queue.length > 0) {
    const current = queue.shift() as ApplicationStatus;
    for (const next of APPLICATION_TRANSITIONS[current]) {
      if (next === from || previous.has(next)) continue;
      previous.set(next, current);
      if (next === to) return { isAllowed: true, path: pathTo(to, from, previous) };
      queue.push(next);
    }
  }
  return { isAllowed: false, reason: MIRROR_REFUSAL.NOT_REACHABLE };
}

function pathTo(
  to: ApplicationStatus,
  from: ApplicationStatus,
  previous: ReadonlyMap<ApplicationStatus, ApplicationStatus>,
): ApplicationStatus[] {
  const path: ApplicationStatus[] = [];
  for (
    let step: ApplicationStatus = to;
    step !== from;
    step = previous.get(step) as ApplicationStatus
  ) {
    path.unshift(step);
  }
  return path;
}
