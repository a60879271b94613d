import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import {
  APPLICATION_STATUS,
  APPLICATION_STATUS_ORDER,
  applyFacts,
  beijingDateOf,
  EMPLOYER_KIND,
  TITLE_LEVEL,
  TITLE_SERIES,
  isApplicationStatus,
} from '@titletrack/shared/domain';
import type {
  ApplicantFacts,
  Application,
  ApplicationStatus,
  TitleLevel,
  TitleSeries,
} from '@titletrack/shared/domain';

import type { ApplicationEntity } from './application.entity';

// The one reading of a mirrored application as the shared rules' `Application`: the applicant's
// progress (and the to-do list the phone derives from it), "my deadlines" as a calendar file and
// the reminder planner all read a row through here, so the phone and the reminders never
// disagree about what an application owes.
//
// How each fact the mirror may not know is read:
//
// | Application field             | read from                                  | when the mirror does not know                 |
// |-------------------------------|--------------------------------------------|-----------------------------------------------|
// | status                        | status                                     | (always known; a value outside the set, which |
// |                               |                                            | no source can store, reads as `registered`)   |
// | route, level, series          | route, level, series                       | (always known; outside the set: prefecture    |
// |                               |                                            | directed, intermediate, other)                |
// | submissionCount               | submissionCount                            | 1 once the status is at or past `submitted`,  |
// |                               |                                            | else 0: the least the status proves           |
// | feePaid                       | isFeePaid                                  | true from `fee_paid` on in the status order,  |
// |                               |                                            | false before it and for the exits             |
// | returnedAt                    | statusChangedAt, while status is returned  | null in any other status                      |
// | qualificationDocumentIssuedOn | the Beijing day of statusChangedAt, while  | null in any other status                      |
// |                               | status is qualification_document_issued   |                                               |
// | certificateIssuedAt           | the e-certificate's issue date as printed  | null while no certificate is on record        |
// |                               | (YYYY-MM-DD), given beside the row         |                                               |
// | defence time, employer kind,  | the person's facts (`related.facts`: the   | null ("not known"), or the rules' neutral     |
// | first application, continuing | platform's, the office's, the applicant's  | default (UNMIRRORED_FACTS below)              |
// | education and its exemption,  | declarations, merged; shared applyFacts)   |                                               |
// | grassroots service            |                                            |                                               |
// | employer publicity, meeting,  | not mirrored                               | null ("not known")                            |
// | result publicity              |                                            |                                               |
//
// The status history is deliberately not an input. Every fact the rules read is about the
// current status, and the row's statusChangedAt is the time of the last change to it (the mirror
// writes both from the same source time), so the history would only repeat it. Counting
// `submitted` rows in the history would be worse than the status: the mirror accepts any
// reachable status, so unseen steps leave no row. And the planner reads a million rows per tick,
// where reading each history is not affordable.

// The mirrored columns the rules read; an ApplicationEntity is one.
export type MirroredRow = Pick<
  ApplicationEntity,
  | 'id'
  // Which notice governs the application (with route; see noticeRegionFor).
  | 'regionCode'
  | 'year'
  | 'route'
  | 'level'
  | 'series'
  | 'specialty'
  | 'status'
  | 'statusChangedAt'
  | 'submissionCount'
  | 'isFeePaid'
> &
  // The platform's facts (JSON), where the reader loaded them; merged into `related.facts`.
  Partial<Pick<ApplicationEntity, 'platformFacts'>>;

// Facts kept in other records than the application row.
export interface RelatedFacts {
  // The issue date (YYYY-MM-DD) of the application's e-certificate, once one is on record.
  certificateIssuedOn?: string | null;
  // The person's facts from every source, merged (mergeFactSources); absent: none known.
  facts?: ApplicantFacts;
}

// The facts the rules read before anyone states them: "not known" (null) or the rules' neutral
// default, so no to-do or alert is invented from them.
const UNMIRRORED_FACTS = {
  defence: { scheduledAt: null, serviceInApplicationYear: null },
  employerKind: EMPLOYER_KIND.PUBLIC_INSTITUTION,
  isFirstApplication: false,
  isContinuingEducationExempt: false,
  continuingEducation: null,
  employerPublicity: null,
  evaluationMeetingOn: null,
  publicity: null,
} as const satisfies Partial<Application>;

const ROUTES: ReadonlySet<string> = new Set(Object.values(EVALUATION_ROUTE));
const LEVELS: ReadonlySet<string> = new Set(Object.values(TITLE_LEVEL));
const SERIES: ReadonlySet<string> = new Set(Object.values(TITLE_SERIES));

const oneOf = <T extends string>(values: ReadonlySet<string>, value: string, fallback: T): T =>
  values.has(value) ? (value as T) : fallback;

// The exits (not accepted, withdrawn, not passed, revoked) have no place in the order.
const hasReached = (status: ApplicationStatus, milestone: ApplicationStatus): boolean => {
  const order = APPLICATION_STATUS_ORDER[status];
  const target = APPLICATION_STATUS_ORDER[milestone];
  return order !== null && target !== null && order >= target;
};

export function toDomainApplication(row: MirroredRow, related: RelatedFacts = {}): Application {
  const status: ApplicationStatus = isApplicationStatus(row.status)
    ? row.status
    : APPLICATION_STATUS.REGISTERED;
  const statusChangedAt = row.statusChangedAt.toISOString();
  const application: Application = {
    id: String(row.id),
    year: row.year,
    route: oneOf<EvaluationRoute>(ROUTES, row.route, EVALUATION_ROUTE.PREFECTURE_DIRECTED),
    level: oneOf<TitleLevel>(LEVELS, row.level, TITLE_LEVEL.INTERMEDIATE),
    series: oneOf<TitleSeries>(SERIES, row.series, TITLE_SERIES.OTHER),
    specialty: row.specialty,
    status,
    statusChangedAt,
    submissionCount:
      row.submissionCount ?? (hasReached(status, APPLICATION_STATUS.SUBMITTED) ? 1 : 0),
    returnedAt: status === APPLICATION_STATUS.RETURNED ? statusChangedAt : null,
    feePaid: row.isFeePaid ?? hasReached(status, APPLICATION_STATUS.FEE_PAID),
    ...UNMIRRORED_FACTS,
    qualificationDocumentIssuedOn:
      status === APPLICATION_STATUS.QUALIFICATION_DOCUMENT_ISSUED
        ? beijingDateOf(row.statusChangedAt)
        : null,
    certificateIssuedAt: related.certificateIssuedOn ?? null,
  };
  return related.facts ? applyFacts(application, related.facts) : application;
}
