import { FACT_NAME } from './applicant-facts';
import type { ApplicantFacts, FactName } from './applicant-facts';
import type { Application } from './application.type';

// One person's facts come from three places. The office's word is final (staff checked it), the
// platform's is the official record, and a declaration is the applicant's own until one of the
// others says otherwise; each fact keeps the source and date it came with.

export interface FactSources {
  platform?: ApplicantFacts;
  office?: ApplicantFacts;
  declared?: ApplicantFacts;
}

const FACT_NAMES: readonly FactName[] = Object.values(FACT_NAME);

function pick<N extends FactName>(sources: FactSources, name: N): ApplicantFacts[N] | undefined {
  return sources.office?.[name] ?? sources.platform?.[name] ?? sources.declared?.[name];
}

/**
 * The facts known about one person: for each fact the office's, else the platform's, else the
 * applicant's declaration; a fact none of them states stays absent.
 *
 * @param sources - the facts from each source, any of them missing
 * @returns a new object; the inputs are not changed
 * @example
 * mergeFactSources({ declared: { isFirstApplication: { value: true, source: 'declared', recordedAt: '2023-07-21T02:00:00Z' } },
 *   office: { isFirstApplication: { value: false, source: 'office', recordedAt: '2023-08-01T02:00:00Z' } } })
 * // { isFirstApplication: { value: false, source: 'office', recordedAt: '2023-08-01T02:00:00Z' } }
 */
export function mergeFactSources(sources: FactSources): ApplicantFacts {
  const merged: ApplicantFacts = {};
  for (const name of FACT_NAMES) {
    const fact = pick(sources, name);
    // Written through a widened view: TypeScript cannot pair a generic name with its value.
    if (fact !== undefined) (merged as Record<FactName, unknown>)[name] = fact;
  }
  return merged;
}

/**
 * The application the to-do engine reads, with the known facts laid over it: continuing
 * education and its exemption (R13, R8), employer kind and first application (R13), the defence
 * time and the grassroots service of the application's year (R11). A fact not known keeps the
 * application's value; a known service list without the application's year means no service.
 *
 * @param application - the mirrored application
 * @param facts - the person's merged facts (mergeFactSources)
 * @returns a new application; the input is not changed
 * @example
 * applyFacts(application, { grassrootsService: { value: [{ year: 2023, service: 'fang_hui_ju', rating: 'excellent' }], source: 'office', recordedAt: '…' } })
 *   .defence.serviceInApplicationYear // 'fang_hui_ju'
 */
export function applyFacts(application: Application, facts: ApplicantFacts): Application {
  const {
    continuingEducation,
    isContinuingEducationExempt,
    employerKind,
    isFirstApplication,
    defenceScheduledAt,
    grassrootsService,
  } = facts;
  const serviceThisYear =
    grassrootsService === undefined
      ? application.defence.serviceInApplicationYear
      : (grassrootsService.value.find((entry) => entry.year === application.year)?.service ?? null);
  return {
    ...application,
    continuingEducation:
      continuingEducation === undefined
        ? application.continuingEducation
        : continuingEducation.value.map((hours) => ({ ...hours })),
    isContinuingEducationExempt:
      isContinuingEducationExempt?.value ?? application.isContinuingEducationExempt,
    employerKind: employerKind?.value ?? application.employerKind,
    isFirstApplication: isFirstApplication?.value ?? application.isFirstApplication,
    defence: {
      scheduledAt: defenceScheduledAt?.value ?? application.defence.scheduledAt,
      serviceInApplicationYear: serviceThisYear,
    },
  };
}
