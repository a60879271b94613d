import type { Application } from './application.type';

// Test-only: a drafting 2023 application with the usual defaults, shared by the domain specs.
// Excluded from the build (tsconfig.build.json).
export const buildApplication = (overrides: Partial<Application> = {}): Application => ({
  id: 'app-1',
  year: 2023,
  route: 'prefecture_directed',
  level: 'intermediate',
  series: 'engineering',
  specialty: '土木工程',
  status: 'drafting',
  statusChangedAt: '2023-07-25T02:00:00Z',
  submissionCount: 0,
  returnedAt: null,
  feePaid: false,
  defence: { scheduledAt: null, serviceInApplicationYear: null },
  employerKind: 'public_institution',
  isFirstApplication: false,
  isContinuingEducationExempt: false,
  continuingEducation: null,
  employerPublicity: null,
  evaluationMeetingOn: null,
  publicity: null,
  qualificationDocumentIssuedOn: null,
  certificateIssuedAt: null,
  ...overrides,
});
