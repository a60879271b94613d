import { APPLICATION_STATUS } from '@titletrack/shared/domain';
import type { Application, ApplicationStatus, TitleLevel, TitleSeries } from '@titletrack/shared/domain';
import type { EvaluationRoute } from '@titletrack/shared/calendar';

import { UNMIRRORED_APPLICATION_FACTS } from '../application/unmirrored-facts';

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
 * The shared domain's view of a mirrored application, from the planner's few columns; what the
 * mirror does not carry is UNMIRRORED_APPLICATION_FACTS. A returned application's return is its
 * status time.
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
    ...UNMIRRORED_APPLICATION_FACTS,
    qualificationDocumentIssuedOn: null,
    certificateIssuedAt: null,
  };
}
