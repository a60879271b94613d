import type { ApplicationProgressResponse, StatusHistoryItem } from '@titletrack/shared/contract';
import { APPLICATION_STATUS } from '@titletrack/shared/domain';

import type { ApplicationEntity } from '../application/application.entity';
import { toDomainApplication } from '../application/application-to-domain.mapper';
import type { RelatedFacts } from '../application/application-to-domain.mapper';
import type { HistoryStep } from './progress.repository';

export const DEMO_APPLICATION_NO_PREFIX = 'DEMO-';

// The application as the shared rules read it (the one mapping all readers share), and its
// history as the applicant sees it, oldest first.
export function mapApplicationProgress(
  entity: ApplicationEntity,
  history: readonly HistoryStep[],
  facts: RelatedFacts = {},
): ApplicationProgressResponse {
  const items: StatusHistoryItem[] = history.map((row) => ({
    status: row.toStatus,
    changedAt: row.changedAt.toISOString(),
  }));
  return {
    application: toDomainApplication(entity, facts),
    applicationNo: entity.applicationNo,
    applicantName: entity.applicantName,
    history: items,
    // Shown while it explains the current return; an older one no longer applies.
    returnReason: entity.status === APPLICATION_STATUS.RETURNED ? entity.returnReason : null,
    isDemo: entity.applicationNo.startsWith(DEMO_APPLICATION_NO_PREFIX),
  };
}
