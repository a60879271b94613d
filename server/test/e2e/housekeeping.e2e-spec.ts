import { randomBytes } from 'node:crypto';

import { SchedulerRegistry } from '@nestjs/schedule';
import { In } from 'typeorm';

import { LeaseService } from '../../src/common/lease/lease.service';
import { RateLimitCounterEntity } from '../../src/common/rate-limit/rate-limit-counter.entity';
import { AuthSessionEntity } from '../../src/modules/auth/auth-session.entity';
import {
  HOUSEKEEPING_LEASE,
  HousekeepingService,
} from '../../src/modules/housekeeping/housekeeping.service';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
// Whole seconds: datetime columns keep no fraction on MySQL.
const at = (epochMs: number): Date => new Date(Math.floor(epochMs / 1000) * 1000);

describe('housekeeping: expired sessions and rate-limit counters', () => {
  let t: TestApp;
  let housekeeping: HousekeepingService;
  beforeAll(async () => {
    t = await createTestApp();
    housekeeping = t.app.get(HousekeepingService);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function seed(now: number): Promise<{
    sessions: { expired: string[]; live: string[] };
    counters: { expired: string[]; live: string[] };
  }> {
    const sessions = { expired: [hex(32), hex(32), hex(32)], live: [hex(32)] };
    const counters = {
      expired: [`test:${hex(8)}:1`, `test:${hex(8)}:2`],
      live: [`test:${hex(8)}:3`],
    };
    const sessionRows = [
      ...sessions.expired.map((tokenHash, index) => ({
        tokenHash,
        expiresAt: at(now - (index + 1) * 60_000),
      })),
      ...sessions.live.map((tokenHash) => ({ tokenHash, expiresAt: at(now + 3_600_000) })),
    ];
    await t.dataSource
      .getRepository(AuthSessionEntity)
      .insert(sessionRows.map((row) => ({ ...row, subjectKind: 'applicant', subjectId: 1 })));
    await t.dataSource
      .getRepository(RateLimitCounterEntity)
      .insert([
        ...counters.expired.map((bucket) => ({ bucket, hits: 3, expiresAt: at(now - 1000) })),
        ...counters.live.map((bucket) => ({ bucket, hits: 1, expiresAt: at(now + 60_000) })),
      ]);
    return { sessions, counters };
  }

  const remainingSessions = async (tokenHashes: string[]): Promise<number> =>
    t.dataSource.getRepository(AuthSessionEntity).countBy({ tokenHash: In(tokenHashes) });
  const remainingCounters = async (buckets: string[]): Promise<number> =>
    t.dataSource.getRepository(RateLimitCounterEntity).countBy({ bucket: In(buckets) });

  it('deletes what has expired and keeps what still runs', async () => {
    const now = Date.now();
    const { sessions, counters } = await seed(now);
    const summary = await housekeeping.runOnce(new Date(now));
    expect(summary?.expiredSessions).toBeGreaterThanOrEqual(3);
    expect(summary?.expiredRateLimitCounters).toBeGreaterThanOrEqual(2);
    expect(await remainingSessions(sessions.expired)).toBe(0);
    expect(await remainingSessions(sessions.live)).toBe(1);
    expect(await remainingCounters(counters.expired)).toBe(0);
    expect(await remainingCounters(counters.live)).toBe(1);
  });

  it('leaves the work to the instance that holds the lease', async () => {
    const now = Date.now();
    const { sessions } = await seed(now);
    const leases = t.app.get(LeaseService);
    expect(
      await leases.tryAcquire(HOUSEKEEPING_LEASE, 'another-instance', 60_000, new Date(now)),
    ).toBe(true);
    try {
      expect(await housekeeping.runOnce(new Date(now))).toBeNull();
      expect(await remainingSessions(sessions.expired)).toBe(3);
    } finally {
      await leases.release(HOUSEKEEPING_LEASE, 'another-instance');
    }
    expect(await housekeeping.runOnce(new Date(now))).not.toBeNull();
    expect(await remainingSessions(sessions.expired)).toBe(0);
  });

  it('a signed-in user with a live session is not signed out by it', async () => {
    const token: string = (
      await t.api
        .post('/api/auth/dev')
        .send({ devUserId: `housekeeping-${hex(4)}` })
        .expect(200)
    ).body.token;
    await housekeeping.runOnce(new Date());
    await t.api.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
  });
});

describe('housekeeping wired into the application', () => {
  it('runs on its own every HOUSEKEEPING_INTERVAL_SECONDS', async () => {
    const t = await createTestApp({ HOUSEKEEPING_INTERVAL_SECONDS: '1' });
    try {
      expect(t.app.get(SchedulerRegistry).getIntervals()).toContain('housekeeping');
      const tokenHash = hex(32);
      const sessions = t.dataSource.getRepository(AuthSessionEntity);
      await sessions.insert({
        tokenHash,
        subjectKind: 'applicant',
        subjectId: 1,
        expiresAt: at(Date.now() - 60_000),
      });
      const deadline = Date.now() + 10_000;
      while ((await sessions.countBy({ tokenHash })) > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await sessions.countBy({ tokenHash })).toBe(0);
    } finally {
      await t.close();
    }
  });
});
