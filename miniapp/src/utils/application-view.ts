import { APPLICATION_STATUS, APPLICATION_STATUS_ORDER } from '@titletrack/shared/domain';
import type { ApplicationStatus } from '@titletrack/shared/domain';

// The defence is something to prepare for only until it has happened: from the evaluation
// meeting on (and after any exit) the line would tell a passed applicant to go and defend.
export function isDefenceAhead(status: ApplicationStatus): boolean {
  const order = APPLICATION_STATUS_ORDER[status];
  return order !== null && order <= (APPLICATION_STATUS_ORDER[APPLICATION_STATUS.DEFENCE] ?? 0);
}

// R4: the last submission left is the one that must be right; said loudly, not as a grey tag.
export function isLastSubmission(left: number): boolean {
  return left === 1;
}
