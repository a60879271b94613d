import { EVALUATION_ROUTE } from '@titletrack/shared/calendar';
import type { EvaluationRoute } from '@titletrack/shared/calendar';
import type { ApplicationProgressResponse, StatusHistoryItem } from '@titletrack/shared/contract';
import {
  APPLICATION_STATUS,
  APPLICATION_STATUS_ORDER,
  TITLE_LEVEL,
  TITLE_SERIES,
  isApplicationStatus,
} from '@titletrack/shared/domain';
import type { Application, ApplicationStatus, TitleLevel, TitleSeries } from '@titletrack/shared/domain';

import type { ApplicationEntity } from '../application/application.entity';
import { UNMIRRORED_APPLICATION_FACTS } from '../application/unmirrored-facts';
import type { StatusHistoryEntity } from '../mirror/status-history.entity';

export const DEMO_APPLICATION_NO_PREFIX = 'DEMO-';

const oneOf = <T extends string>(values: Record<string, T>, value: string, fallback: T): T =>
  (Object.values(values) as string[]).includes(value) ? (value as T) : fallback;

// A Beijing day (YYYY-MM-DD) of an instant: the mirror stores instants, the rules read days.
const beijingDay = (date: Date): string => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const lastChangeTo = (history: readonly StatusHistoryEntity[], status: ApplicationStatus): Date | null => {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const row = history[index];
    if (row?.toStatus === status) return row.changedAt;
  }
  return null;
};

const hasReached = (status: ApplicationStatus, milestone: ApplicationStatus): boolean => {
  const order = APPLICATION_STATUS_ORDER[status];
  const target = APPLICATION_STATUS_ORDER[milestone];
  return order !== null && target !== null && order >= target;
};

// The mirror holds fewer facts than the rules can read (publicity days, defence date,
// continuing-education hours…); what it does not carry is null, so the rules treat it as unknown.
export function mapApplicationProgress(
  entity: ApplicationEntity,
  history: readonly StatusHistoryEntity[],
): ApplicationProgressResponse {
  const status: ApplicationStatus = isApplicationStatus(entity.status) ? entity.status : APPLICATION_STATUS.REGISTERED;
  const submissions = history.filter((row) => row.toStatus === APPLICATION_STATUS.SUBMITTED).length;
  const returnedAt = status === APPLICATION_STATUS.RETURNED ? lastChangeTo(history, APPLICATION_STATUS.RETURNED) : null;
  const documentIssuedAt = lastChangeTo(history, APPLICATION_STATUS.QUALIFICATION_DOCUMENT_ISSUED);
  const certificateAt = lastChangeTo(history, APPLICATION_STATUS.CERTIFICATE_ISSUED);
  const application: Application = {
    id: String(entity.id),
    year: entity.year,
    route: oneOf<EvaluationRoute>(EVALUATION_ROUTE, entity.route, EVALUATION_ROUTE.PREFECTURE_DIRECTED),
    level: oneOf<TitleLevel>(TITLE_LEVEL, entity.level, TITLE_LEVEL.INTERMEDIATE),
    series: oneOf<TitleSeries>(TITLE_SERIES, entity.series, TITLE_SERIES.OTHER),
    specialty: entity.specialty,
    status,
    statusChangedAt: entity.statusChangedAt.toISOString(),
    submissionCount: entity.submissionCount ?? submissions,
    returnedAt: returnedAt ? returnedAt.toISOString() : null,
    feePaid: entity.isFeePaid ?? hasReached(status, APPLICATION_STATUS.FEE_PAID),
    ...UNMIRRORED_APPLICATION_FACTS,
    qualificationDocumentIssuedOn: documentIssuedAt ? beijingDay(documentIssuedAt) : null,
    certificateIssuedAt: certificateAt ? certificateAt.toISOString() : null,
  };
  const items: StatusHistoryItem[] = history.map((row) => ({
    status: row.toStatus,
    changedAt: row.changedAt.toISOString(),
  }));
  return {
    application,
    applicationNo: entity.applicationNo,
    applicantName: entity.applicantName,
    history: items,
    isDemo: entity.applicationNo.startsWith(DEMO_APPLICATION_NO_PREFIX),
  };
}
