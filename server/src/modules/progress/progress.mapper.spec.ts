import type { ApplicationEntity } from '../application/application.entity';
import type { StatusHistoryEntity } from '../mirror/status-history.entity';
import { mapApplicationProgress } from './progress.mapper';

const entity = (overrides: Partial<ApplicationEntity> = {}): ApplicationEntity =>
  ({
    id: 7,
    applicationNo: 'HT2023000123',
    applicantName: '张三',
    idCardCipher: 'x',
    idCardBlindIndex: 'y',
    employer: null,
    county: null,
    year: 2023,
    route: 'prefecture_directed',
    level: 'intermediate',
    series: 'engineering',
    specialty: '土木工程',
    status: 'returned',
    statusChangedAt: new Date('2023-08-20T02:00:00Z'),
    submissionCount: null,
    isFeePaid: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  }) as ApplicationEntity;

const row = (toStatus: string, changedAt: string): StatusHistoryEntity =>
  ({ id: 1, applicationId: 7, fromStatus: null, toStatus, changedAt: new Date(changedAt), source: 'import', sourceRef: 'b1', createdAt: new Date() }) as StatusHistoryEntity;

describe(mapApplicationProgress.name, () => {
  const returnedTwice = [
    row('submitted', '2023-08-05T03:00:00Z'),
    row('returned', '2023-08-15T02:00:00Z'),
    row('submitted', '2023-08-16T05:00:00Z'),
    row('returned', '2023-08-20T02:00:00Z'),
  ];

  it('takes the latest return and counts submissions from the history when the mirror has no count', () => {
    const { application, history, isDemo } = mapApplicationProgress(entity(), returnedTwice);
    expect(application.returnedAt).toBe('2023-08-20T02:00:00.000Z');
    expect(application.submissionCount).toBe(2);
    expect(history.map((item) => item.status)).toEqual(['submitted', 'returned', 'submitted', 'returned']);
    expect(isDemo).toBe(false);
  });

  it("prefers the mirror's own submission count and fee flag", () => {
    const { application } = mapApplicationProgress(entity({ submissionCount: 3, isFeePaid: true }), returnedTwice);
    expect(application.submissionCount).toBe(3);
    expect(application.feePaid).toBe(true);
  });

  it('has no return date once the application has moved on', () => {
    const { application } = mapApplicationProgress(entity({ status: 'authority_review' }), returnedTwice);
    expect(application.returnedAt).toBeNull();
  });

  it('infers the fee as paid only from fee_paid onwards when the mirror does not say', () => {
    expect(mapApplicationProgress(entity({ status: 'materials_received' }), []).application.feePaid).toBe(false);
    expect(mapApplicationProgress(entity({ status: 'paper_materials_received' }), []).application.feePaid).toBe(true);
    expect(mapApplicationProgress(entity({ status: 'not_accepted' }), []).application.feePaid).toBe(false);
  });

  it('reads the document day in Beijing time and the certificate instant from the history', () => {
    const { application } = mapApplicationProgress(entity({ status: 'certificate_issued' }), [
      row('qualification_document_issued', '2023-11-27T17:00:00Z'),
      row('certificate_issued', '2023-12-18T03:00:00Z'),
    ]);
    expect(application.qualificationDocumentIssuedOn).toBe('2023-11-28');
    expect(application.certificateIssuedAt).toBe('2023-12-18T03:00:00.000Z');
  });

  it('marks demo applications by their number', () => {
    expect(mapApplicationProgress(entity({ applicationNo: 'DEMO-2023-0002' }), []).isDemo).toBe(true);
  });
});
