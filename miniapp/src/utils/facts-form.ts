import { FACT_SOURCE } from '@titletrack/shared/domain';
import type {
  ApplicantFacts,
  ContinuingEducationHours,
  EmployerKind,
  GrassrootsServiceYear,
  SkilledWorkerCertificateFact,
} from '@titletrack/shared/domain';
import type { DeclareFactsRequest } from '@titletrack/shared/contract';

// What the applicant may type on "my facts". Hours are typed as text (public and professional
// courses, as the certificates print them) and become the rules' total/professional hours.
export interface CeYearInput {
  year: number;
  publicHours: string;
  professionalHours: string;
}

export interface FactsForm {
  continuingEducation: CeYearInput[];
  isContinuingEducationExempt: boolean | null;
  grassrootsService: GrassrootsServiceYear[];
  skilledWorkerCertificate: SkilledWorkerCertificateFact | null;
  isFirstApplication: boolean | null;
  employerKind: EmployerKind | null;
  routeThisYear: 'prefecture_directed' | 'region' | null;
}

export type FactsFormField = keyof FactsForm;

export const FACTS_FORM_ERROR = {
  HOURS_NOT_A_NUMBER: 'hoursNotANumber',
  HOURS_OUT_OF_RANGE: 'hoursOutOfRange',
  YEAR_OUT_OF_RANGE: 'yearOutOfRange',
  DATE_INVALID: 'dateInvalid',
  SKILLED_YEARS_OUT_OF_RANGE: 'skilledYearsOutOfRange',
} as const;
export type FactsFormError = (typeof FACTS_FORM_ERROR)[keyof typeof FACTS_FORM_ERROR];

const MAX_HOURS = 1000;

// A fact the platform or the office stated is theirs: the applicant sees it, cannot change it.
export function isEditable(facts: ApplicantFacts, name: keyof ApplicantFacts): boolean {
  const fact = facts[name];
  return fact === undefined || fact.source === FACT_SOURCE.DECLARED;
}

// The form as the facts stand, with one row per year the notice counts (empty when unknown).
export function formFromFacts(facts: ApplicantFacts, countingYears: readonly number[]): FactsForm {
  const known = facts.continuingEducation?.value ?? [];
  const years = [...new Set([...countingYears, ...known.map((row) => row.year)])].sort();
  return {
    continuingEducation: years.map((year) => {
      const row = known.find((hours) => hours.year === year);
      return {
        year,
        publicHours: row ? String(row.totalHours - row.professionalHours) : '',
        professionalHours: row ? String(row.professionalHours) : '',
      };
    }),
    isContinuingEducationExempt: facts.isContinuingEducationExempt?.value ?? null,
    grassrootsService: [...(facts.grassrootsService?.value ?? [])],
    skilledWorkerCertificate: facts.skilledWorkerCertificate?.value ?? null,
    isFirstApplication: facts.isFirstApplication?.value ?? null,
    employerKind: facts.employerKind?.value ?? null,
    routeThisYear: facts.routeThisYear?.value ?? null,
  };
}

const parseHours = (text: string): number | FactsFormError | null => {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return FACTS_FORM_ERROR.HOURS_NOT_A_NUMBER;
  const hours = Number(trimmed);
  return hours > MAX_HOURS ? FACTS_FORM_ERROR.HOURS_OUT_OF_RANGE : hours;
};

const isYear = (year: number): boolean => Number.isInteger(year) && year >= 2000 && year <= 2100;

function realDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export type FactsFormResult =
  | { isValid: true; request: DeclareFactsRequest }
  | { isValid: false; errors: Partial<Record<string, FactsFormError>> };

// Checks what was typed and builds the declaration of the fields the applicant changed (and may
// change); errors are keyed by field (`continuingEducation.2023`) for the screen to translate.
export function declarationFromForm(
  form: FactsForm,
  changed: ReadonlySet<FactsFormField>,
): FactsFormResult {
  const errors: Partial<Record<string, FactsFormError>> = {};
  const request: DeclareFactsRequest = {};
  if (changed.has('continuingEducation')) {
    const rows: ContinuingEducationHours[] = [];
    for (const row of form.continuingEducation) {
      const publicHours = parseHours(row.publicHours);
      const professionalHours = parseHours(row.professionalHours);
      if (typeof publicHours === 'string')
        errors[`continuingEducation.${row.year}.public`] = publicHours;
      if (typeof professionalHours === 'string')
        errors[`continuingEducation.${row.year}.professional`] = professionalHours;
      if (typeof publicHours === 'string' || typeof professionalHours === 'string') continue;
      if (publicHours === null && professionalHours === null) continue;
      const total = (publicHours ?? 0) + (professionalHours ?? 0);
      if (total > MAX_HOURS) {
        errors[`continuingEducation.${row.year}.public`] = FACTS_FORM_ERROR.HOURS_OUT_OF_RANGE;
        continue;
      }
      rows.push({ year: row.year, totalHours: total, professionalHours: professionalHours ?? 0 });
    }
    request.continuingEducation = rows.length > 0 ? rows : null;
  }
  if (changed.has('grassrootsService')) {
    form.grassrootsService.forEach((row, index) => {
      if (!isYear(row.year))
        errors[`grassrootsService.${index}`] = FACTS_FORM_ERROR.YEAR_OUT_OF_RANGE;
    });
    request.grassrootsService = form.grassrootsService.length > 0 ? form.grassrootsService : null;
  }
  if (changed.has('skilledWorkerCertificate')) {
    const certificate = form.skilledWorkerCertificate;
    if (certificate) {
      if (!realDay(certificate.obtainedOn))
        errors['skilledWorkerCertificate.obtainedOn'] = FACTS_FORM_ERROR.DATE_INVALID;
      const years = certificate.yearsOfSkilledWork;
      if (!Number.isInteger(years) || years < 0 || years > 60)
        errors['skilledWorkerCertificate.years'] = FACTS_FORM_ERROR.SKILLED_YEARS_OUT_OF_RANGE;
    }
    request.skilledWorkerCertificate = certificate;
  }
  if (changed.has('isContinuingEducationExempt'))
    request.isContinuingEducationExempt = form.isContinuingEducationExempt;
  if (changed.has('isFirstApplication')) request.isFirstApplication = form.isFirstApplication;
  if (changed.has('employerKind')) request.employerKind = form.employerKind;
  if (changed.has('routeThisYear')) request.routeThisYear = form.routeThisYear;
  return Object.keys(errors).length > 0 ? { isValid: false, errors } : { isValid: true, request };
}
