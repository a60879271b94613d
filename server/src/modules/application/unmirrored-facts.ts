import { EMPLOYER_KIND } from '@titletrack/shared/domain';
import type { Application } from '@titletrack/shared/domain';

// The facts the rules can read but the mirror does not carry yet (defence date, continuing
// education, publicity days, the employer kind…): "not known" (null) or the rules' neutral
// default, so no to-do or alert is invented from them. One place for every mapping of a mirrored
// application to the shared domain's view.
export const UNMIRRORED_APPLICATION_FACTS = {
  defence: { scheduledAt: null, serviceInApplicationYear: null },
  employerKind: EMPLOYER_KIND.PUBLIC_INSTITUTION,
  isFirstApplication: false,
  isContinuingEducationExempt: false,
  continuingEducation: null,
  employerPublicity: null,
  evaluationMeetingOn: null,
  publicity: null,
} as const satisfies Partial<Application>;
