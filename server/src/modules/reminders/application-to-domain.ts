import { APPLICATION_STATUS, HOTAN_2023 } from '@titletrack/shared/domain';
import type { Application, ApplicationStatus, NoticeYear, TitleLevel, TitleSeries } from '@titletrack/shared/domain';
import type { EvaluationRoute } from '@titletrack/shared/calendar';

// The notice years the planner knows, by year and route; an application of another year or
// route gets no alerts (a wrong deadline is worse than none).
export const NOTICE_YEARS: ReadonlyMap<string, NoticeYear> = new Map([
  [`${HOTAN_2023.calendar.year}:${HOTAN_2023.calendar.route}`, HOTAN_2023],
]);

export const noticeYearOf = (year: number, route: string): NoticeYear | undefined => NOTICE_YEARS.get(`${year}:${route}`);

// The mirrored columns the planner reads.
export interface MirroredRow {
  id: number;
  year: number;
  route: string;
  level: string;
  series: string;
  specialty: string;
  status: string;
  statusChangedAt: Date;
  submissionCount: number | null;
  isFeePaid: boolean | null;
}

// Statuses that may still produce alerts at any age, and outcomes told only while fresh.
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = [
  APPLICATION_STATUS.REGISTERED,
  APPLICATION_STATUS.DRAFTING,
  APPLICATION_STATUS.RETURNED,
  APPLICATION_STATUS.MATERIALS_RECEIVED,
  APPLICATION_STATUS.FEE_PAID,
  APPLICATION_STATUS.PAPER_MATERIALS_RECEIVED,
  APPLICATION_STATUS.DEFENCE,
  APPLICATION_STATUS.EVALUATION_MEETING,
  APPLICATION_STATUS.PUBLICITY,
];
export const OUTCOME_STATUSES: readonly ApplicationStatus[] = [
  APPLICATION_STATUS.NOT_ACCEPTED,
  APPLICATION_STATUS.PASSED,
  APPLICATION_STATUS.NOT_PASSED,
  APPLICATION_STATUS.QUALIFICATION_DOCUMENT_ISSUED,
  APPLICATION_STATUS.CERTIFICATE_ISSUED,
];

/**
 * The shared domain's view of a mirrored application. The mirror (issue 5) does not carry
 * continuing education, defence dates, publicity days or the employer kind yet: they are
 * "not known" (null) or the rules' neutral default, so no alert is invented from them. A
 * returned application's return is its status time.
 */
export function toDomainApplication(row: MirroredRow): Application {
  const statusChangedAt = row.statusChangedAt.toISOString();
  return {
    id: String(row.id),
    year: row.year,
    route: row.route as EvaluationRoute,
    level: row.level as TitleLevel,
    series: row.series as TitleSeries,
    specialty: row.specialty,
    status: row.status as ApplicationStatus,
    statusChangedAt,
    submissionCount: row.submissionCount ?? 0,
    returnedAt: row.status === APPLICATION_STATUS.RETURNED ? statusChangedAt : null,
    feePaid: Boolean(row.isFeePaid),
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
  };
}
