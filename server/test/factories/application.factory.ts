import type { ApplicationEntity } from '../../src/modules/application/application.entity';
import type { StatusHistoryEntity } from '../../src/modules/mirror/status-history.entity';

// A mirrored application as the database returns it; the facts a source may not give
// (submission count, fee) are unknown unless overridden.
export function buildApplicationEntity(
  overrides: Partial<ApplicationEntity> = {},
): ApplicationEntity {
  return {
    id: 7,
    applicationNo: 'HT2023000123',
    applicantName: '张三',
    idCardCipher: 'cipher',
    idCardBlindIndex: 'blind-index',
    employer: null,
    county: null,
    regionCode: '6532',
    year: 2023,
    route: 'prefecture_directed',
    level: 'intermediate',
    series: 'engineering',
    specialty: '土木工程',
    status: 'returned',
    statusChangedAt: new Date('2023-08-20T02:00:00Z'),
    submissionCount: null,
    isFeePaid: null,
    returnReason: null,
    platformFacts: null,
    createdAt: new Date('2023-07-20T03:00:00Z'),
    updatedAt: new Date('2023-08-20T02:00:00Z'),
    ...overrides,
  };
}

export function buildStatusHistoryEntity(
  toStatus: string,
  changedAt: string,
  overrides: Partial<StatusHistoryEntity> = {},
): StatusHistoryEntity {
  return {
    id: 1,
    applicationId: 7,
    fromStatus: null,
    toStatus,
    changedAt: new Date(changedAt),
    source: 'import',
    sourceRef: 'batch-1',
    createdAt: new Date(changedAt),
    ...overrides,
  };
}
