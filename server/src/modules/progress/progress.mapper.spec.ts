import {
  buildApplicationEntity,
  buildStatusHistoryEntity,
} from '../../../test/factories/application.factory';
import { toDomainApplication } from '../application/application-to-domain.mapper';
import { mapApplicationProgress } from './progress.mapper';

describe(mapApplicationProgress.name, () => {
  const returnedTwice = [
    buildStatusHistoryEntity('submitted', '2023-08-05T03:00:00Z'),
    buildStatusHistoryEntity('returned', '2023-08-15T02:00:00Z'),
    buildStatusHistoryEntity('submitted', '2023-08-16T05:00:00Z'),
    buildStatusHistoryEntity('returned', '2023-08-20T02:00:00Z'),
  ];

  it('reads the application through the one mapping, whatever the history says', () => {
    const entity = buildApplicationEntity();
    const facts = { certificateIssuedOn: null };
    expect(mapApplicationProgress(entity, returnedTwice, facts).application).toEqual(
      toDomainApplication(entity, facts),
    );
    expect(mapApplicationProgress(entity, [], facts).application).toEqual(
      toDomainApplication(entity, facts),
    );
  });

  it('passes the certificate date on to the mapping', () => {
    const entity = buildApplicationEntity({ status: 'certificate_issued' });
    expect(
      mapApplicationProgress(entity, [], { certificateIssuedOn: '2023-12-15' }).application
        .certificateIssuedAt,
    ).toBe('2023-12-15');
  });

  it('lists the history oldest first, as stored', () => {
    const { history } = mapApplicationProgress(buildApplicationEntity(), returnedTwice);
    expect(history).toEqual([
      { status: 'submitted', changedAt: '2023-08-05T03:00:00.000Z' },
      { status: 'returned', changedAt: '2023-08-15T02:00:00.000Z' },
      { status: 'submitted', changedAt: '2023-08-16T05:00:00.000Z' },
      { status: 'returned', changedAt: '2023-08-20T02:00:00.000Z' },
    ]);
  });

  it('marks demo applications by their number', () => {
    expect(
      mapApplicationProgress(buildApplicationEntity({ applicationNo: 'DEMO-2023-0002' }), [])
        .isDemo,
    ).toBe(true);
    expect(mapApplicationProgress(buildApplicationEntity(), []).isDemo).toBe(false);
  });

  it('shows the return reason while the application is returned, and only then', () => {
    const reason = '继续教育证明不全';
    expect(
      mapApplicationProgress(buildApplicationEntity({ returnReason: reason }), []).returnReason,
    ).toBe(reason);
    expect(
      mapApplicationProgress(
        buildApplicationEntity({ status: 'submitted', returnReason: reason }),
        [],
      ).returnReason,
    ).toBeNull();
    expect(mapApplicationProgress(buildApplicationEntity(), []).returnReason).toBeNull();
  });
});
