import type { EvaluationRoute } from '../calendar/calendar.type';
import type { SkillCertificate } from '../calendar/notice-rules.type';
import type { ContinuingEducationHours, EmployerKind, GrassrootsService } from './application.type';
import type { AppraisalRating } from './fast-track';

// What is true about a person that the rules read (R2, R8, R11–R13, R16): each fact says where it
// came from, so the applicant and the office can tell the platform's word from a declaration.
export const FACT_SOURCE = {
  // An export column, a webhook or a poll field of the official platform.
  PLATFORM: 'platform',
  // Typed by the applicant in the app, with the date they did.
  DECLARED: 'declared',
  // Set by title-office staff in the console.
  OFFICE: 'office',
} as const;
export type FactSource = (typeof FACT_SOURCE)[keyof typeof FACT_SOURCE];

export interface SourcedFact<T> {
  value: T;
  source: FactSource;
  // When it was recorded (ISO instant).
  recordedAt: string;
}

// A year of grassroots service (访惠聚, 驻村管寺, 支教…) with that year's appraisal.
export interface GrassrootsServiceYear {
  year: number;
  service: GrassrootsService;
  rating: AppraisalRating;
}

// A skilled-worker certificate (R16): its level, when it was obtained, years of skilled work since.
export interface SkilledWorkerCertificateFact {
  certificate: SkillCertificate;
  obtainedOn: string; // YYYY-MM-DD
  yearsOfSkilledWork: number;
}

export const FACT_NAME = {
  CONTINUING_EDUCATION: 'continuingEducation',
  CONTINUING_EDUCATION_EXEMPT: 'isContinuingEducationExempt',
  GRASSROOTS_SERVICE: 'grassrootsService',
  SKILLED_WORKER_CERTIFICATE: 'skilledWorkerCertificate',
  FIRST_APPLICATION: 'isFirstApplication',
  EMPLOYER_KIND: 'employerKind',
  ROUTE_THIS_YEAR: 'routeThisYear',
  DEFENCE_SCHEDULED_AT: 'defenceScheduledAt',
} as const;
export type FactName = (typeof FACT_NAME)[keyof typeof FACT_NAME];

export interface FactValueByName {
  continuingEducation: ContinuingEducationHours[];
  isContinuingEducationExempt: boolean;
  grassrootsService: GrassrootsServiceYear[];
  skilledWorkerCertificate: SkilledWorkerCertificateFact | null;
  isFirstApplication: boolean;
  employerKind: EmployerKind;
  routeThisYear: EvaluationRoute;
  defenceScheduledAt: string; // ISO instant
}

// Every fact known about one person; a fact nobody has stated yet is absent (never guessed).
export type ApplicantFacts = { [N in FactName]?: SourcedFact<FactValueByName[N]> };
