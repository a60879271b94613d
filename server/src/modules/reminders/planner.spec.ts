import { HOTAN_2023 } from '@titletrack/shared/domain';

import { toDomainApplication } from '../application/application-to-domain.mapper';
import type { MirroredRow } from '../application/application-to-domain.mapper';
import { computeDueAlerts } from './planner.service';
import type { NoticeYearLookup } from './planner.service';

// The 2023 Hotan notice is the only one published here.
const hotan2023Only: NoticeYearLookup = (r) =>
  r.regionCode === '6532' && r.year === 2023 && r.route === 'prefecture_directed'
    ? HOTAN_2023
    : null;

const row = (overrides: Partial<MirroredRow> = {}): MirroredRow => ({
  id: 7,
  regionCode: '6532',
  year: 2023,
  route: 'prefecture_directed',
  level: 'intermediate',
  series: 'education',
  specialty: '小学语文',
  status: 'returned',
  statusChangedAt: new Date('2023-08-15T02:00:00Z'),
  submissionCount: 1,
  isFeePaid: null,
  ...overrides,
});

describe('planning (pure part)', () => {
  it('reads a returned application’s return from its status time, and unknowns as unknown', () => {
    expect(toDomainApplication(row())).toMatchObject({
      id: '7',
      status: 'returned',
      returnedAt: '2023-08-15T02:00:00.000Z',
      submissionCount: 1,
      feePaid: false,
      continuingEducation: null,
      defence: { scheduledAt: null, serviceInApplicationYear: null },
    });
    expect(
      toDomainApplication(row({ status: 'materials_received', submissionCount: null })).returnedAt,
    ).toBeNull();
  });

  it('asks the shared alertsDue, minus keys already planned', () => {
    const now = new Date('2023-08-16T03:00:00Z');
    expect(
      computeDueAlerts([row()], now, new Set(), hotan2023Only).map((a) => a.dedupeKey),
    ).toEqual([
      '7:application_returned:2023-08-15T02:00:00.000Z',
      '7:revision_deadline_approaching:2023-08-15T02:00:00.000Z',
    ]);
    expect(
      computeDueAlerts(
        [row()],
        now,
        new Set(['7:application_returned:2023-08-15T02:00:00.000Z']),
        hotan2023Only,
      ).map((a) => a.kind),
    ).toEqual(['revision_deadline_approaching']);
  });

  it('plans nothing for a region, year or route without a published notice', () => {
    expect(
      computeDueAlerts(
        [row({ year: 2024 }), row({ route: 'region' }), row({ regionCode: '6531' })],
        new Date('2023-08-16T03:00:00Z'),
        new Set(),
        hotan2023Only,
      ),
    ).toEqual([]);
  });

  it('judges each row against the notice its lookup gives', () => {
    const asked: string[] = [];
    computeDueAlerts(
      [row({ id: 1 }), row({ id: 2, regionCode: '6531' })],
      new Date('2023-08-16T03:00:00Z'),
      new Set(),
      (r) => {
        asked.push(`${r.id}:${r.regionCode}`);
        return hotan2023Only(r);
      },
    );
    expect(asked).toEqual(['1:6532', '2:6531']);
  });
});
