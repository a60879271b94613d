import { toDomainApplication } from '../application/application-to-domain.mapper';
import type { MirroredRow } from '../application/application-to-domain.mapper';
import { computeDueAlerts } from './planner.service';

const row = (overrides: Partial<MirroredRow> = {}): MirroredRow => ({
  id: 7,
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
    expect(computeDueAlerts([row()], now, new Set()).map((a) => a.dedupeKey)).toEqual([
      '7:application_returned:2023-08-15T02:00:00.000Z',
      '7:revision_deadline_approaching:2023-08-15T02:00:00.000Z',
    ]);
    expect(
      computeDueAlerts(
        [row()],
        now,
        new Set(['7:application_returned:2023-08-15T02:00:00.000Z']),
      ).map((a) => a.kind),
    ).toEqual(['revision_deadline_approaching']);
  });

  it('plans nothing for a year or route without a notice year', () => {
    expect(
      computeDueAlerts(
        [row({ year: 2024 }), row({ route: 'region' })],
        new Date('2023-08-16T03:00:00Z'),
        new Set(),
      ),
    ).toEqual([]);
  });
});
