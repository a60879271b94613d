import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

import { UnitOfWork } from '../../src/database/unit-of-work';
import { ApplicationRepository } from '../../src/modules/application/application.repository';
import { CertificateRepository } from '../../src/modules/certificate/certificate.repository';
import { DomainEventRepository } from '../../src/modules/domain-event/domain-event.repository';
import { LeaseEntity } from '../../src/common/lease/lease.entity';
import { LeaseRepository } from '../../src/common/lease/lease.repository';
import { LeaseService } from '../../src/common/lease/lease.service';
import { FieldCipher } from '../../src/common/crypto/field-cipher';
import { getConfig } from '../../src/config/env';
import { ENTITIES, MIGRATIONS, buildDataSourceOptions } from '../../src/database/database.options';
import { CreatePollingState1764072000000 } from '../../src/database/migrations/1764072000000-CreatePollingState';
import { prepareDatabase } from '../../src/database/prepare-database';
import { MirrorRepository } from '../../src/modules/mirror/mirror.repository';
import { MirrorService } from '../../src/modules/mirror/mirror.service';
import {
  PLATFORM_FAILURE,
  PlatformApiError,
  PlatformRateLimitedError,
  PlatformRetryableError,
  PlatformStatusClient,
  parseRetryAfter,
} from '../../src/modules/mirror/poll/platform-status.client';
import type { PlatformStatusClientOptions } from '../../src/modules/mirror/poll/platform-status.client';
import { PollCursorEntity } from '../../src/modules/mirror/poll/poll-cursor.entity';
import { PollCursorRepository } from '../../src/modules/mirror/poll/poll-cursor.repository';
import { PollScheduler } from '../../src/modules/mirror/poll/poll.scheduler';
import {
  PLATFORM_POLL_NAME,
  POLL_STOP,
  PollerService,
  toStatusChange,
} from '../../src/modules/mirror/poll/poller.service';
import type { PollerOptions } from '../../src/modules/mirror/poll/poller.service';
import {
  PLATFORM_STAND_IN_CLIENT_ID,
  PLATFORM_STAND_IN_CLIENT_SECRET,
  startPlatformStandIn,
} from '../support/platform-stand-in';
import type { PlatformStandInChange, RunningPlatformStandIn } from '../support/platform-stand-in';
import { ID_BOB, platformApplicationData } from '../support/factories';

const run = Date.now().toString(36);
const ID_CARD = ID_BOB; // what platformApplicationData sends
const NAME = '王建国';

let seq = 0;
// Application numbers unique per run: the MySQL pass shares one database across test files.
const newApplicationNo = (): string => `POLL${run}-${(seq += 1)}`;

function change(
  changeId: string,
  applicationNo: string,
  status: string,
  statusChangedAt: string,
  extra: Record<string, unknown> = {},
): PlatformStandInChange {
  return {
    changeId: `${run}-${changeId}`,
    data: platformApplicationData(applicationNo, status, statusChangedAt, extra),
  };
}

describe('platform polling', () => {
  let platform: RunningPlatformStandIn;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let leaseService: LeaseService;
  let mirrorService: MirrorService;
  let cursors: PollCursorRepository;
  let sleep: jest.Mock<Promise<void>, [number]>;
  let logs: string[];

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    platform = await startPlatformStandIn();
    const config = getConfig();
    const options = await buildDataSourceOptions(config.database);
    // Until the entities and the migration are listed in database.options.ts, add them here.
    dataSource = await new DataSource({
      ...options,
      entities: [...new Set([...ENTITIES, LeaseEntity, PollCursorEntity])],
      migrations: [...new Set([...MIGRATIONS, CreatePollingState1764072000000])],
    }).initialize();
    await prepareDatabase(dataSource, 30);
    unitOfWork = new UnitOfWork(dataSource);
    leaseService = new LeaseService(new LeaseRepository(unitOfWork));
    mirrorService = new MirrorService(
      unitOfWork,
      new ApplicationRepository(unitOfWork),
      new MirrorRepository(unitOfWork),
      new DomainEventRepository(unitOfWork),
      new FieldCipher(config.idProtection),
      new CertificateRepository(unitOfWork),
    );
    cursors = new PollCursorRepository(unitOfWork);
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    // Until then, leave the shared MySQL database as the listed migrations describe it.
    if (!MIGRATIONS.includes(CreatePollingState1764072000000))
      await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.destroy();
    await platform.close();
  });

  beforeEach(async () => {
    platform.standIn.reset();
    // The stand-in's log starts over, so the stored position must too.
    await dataSource.getRepository(PollCursorEntity).delete({ name: PLATFORM_POLL_NAME });
    await dataSource.getRepository(LeaseEntity).delete({ name: PLATFORM_POLL_NAME });
    sleep = jest.fn((_ms: number) => Promise.resolve());
    logs = [];
    for (const level of ['log', 'warn', 'error', 'debug'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
        // Objects as JSON: a job's failure is logged as { error } with its safe fields.
        logs.push(
          args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '),
        );
      });
    }
  });

  afterEach(() => {
    // Whatever happened, neither the client secret, a token nor personal data reached a log.
    const text = logs.join('\n');
    expect(text).not.toContain(PLATFORM_STAND_IN_CLIENT_SECRET);
    expect(text).not.toContain('stand-in-token');
    expect(text).not.toContain(ID_CARD);
    expect(text).not.toContain(NAME);
    jest.restoreAllMocks();
  });

  function newClient(overrides: Partial<PlatformStatusClientOptions> = {}): PlatformStatusClient {
    return new PlatformStatusClient({
      baseUrl: platform.baseUrl,
      clientId: PLATFORM_STAND_IN_CLIENT_ID,
      clientSecret: PLATFORM_STAND_IN_CLIENT_SECRET,
      timeoutMs: 2_000,
      ...overrides,
    });
  }

  function newPoller(
    options: Partial<PollerOptions> = {},
    client: PlatformStatusClient = newClient(),
  ): PollerService {
    return new PollerService(
      client,
      { pageSize: 2, holderId: `poller-${Math.random()}`, sleep, random: () => 0.5, ...options },
      leaseService,
      cursors,
      mirrorService,
      unitOfWork,
    );
  }

  const statusOf = async (applicationNo: string): Promise<string | undefined> =>
    (
      await dataSource.query('SELECT status FROM application WHERE applicationNo = ?', [
        applicationNo,
      ])
    )[0]?.status;

  const historyOf = async (
    applicationNo: string,
  ): Promise<Array<{ toStatus: string; source: string; sourceRef: string }>> =>
    dataSource.query(
      'SELECT h.toStatus, h.source, h.sourceRef FROM status_history h JOIN application a ON a.id = h.applicationId WHERE a.applicationNo = ? ORDER BY h.id',
      [applicationNo],
    );

  const storedCursor = async (): Promise<string | null | undefined> =>
    (await cursors.getByName(PLATFORM_POLL_NAME))?.cursor;

  describe('PollerService.runOnce', () => {
    it('applies two pages in one run, through the mirror, and stores the cursor', async () => {
      const [a, b, c] = [newApplicationNo(), newApplicationNo(), newApplicationNo()];
      platform.standIn.changes.push(
        change('1', a, 'submitted', '2023-08-01T04:00:00Z'),
        change('2', b, 'materials_received', '2023-08-20T04:00:00Z'),
        change('3', c, 'fee_paid', '2023-08-22T04:00:00Z'),
      );

      await expect(newPoller().runOnce()).resolves.toEqual({
        pages: 2,
        applied: 3,
        unchanged: 0,
        skipped: 0,
        stoppedBecause: POLL_STOP.CAUGHT_UP,
      });

      expect(await statusOf(b)).toBe('materials_received');
      await expect(historyOf(a)).resolves.toEqual([
        { toStatus: 'submitted', source: 'poll', sourceRef: `poll:${run}-1..${run}-2` },
      ]);
      await expect(historyOf(c)).resolves.toEqual([
        { toStatus: 'fee_paid', source: 'poll', sourceRef: `poll:${run}-3` },
      ]);
      const requests = platform.standIn.changeRequests();
      expect(requests.map((r) => r.query)).toEqual([
        { limit: '2' },
        { limit: '2', cursor: expect.any(String) },
      ]);
      expect(await storedCursor()).toEqual(expect.any(String));
      expect(await storedCursor()).not.toBe(requests[1]?.query.cursor);
      // The lease is released at the end of the run.
      await expect(
        dataSource.getRepository(LeaseEntity).findOneBy({ name: PLATFORM_POLL_NAME }),
      ).resolves.toBeNull();
    });

    it('mirrors the return reason and the facts a poll item states', async () => {
      const a = newApplicationNo();
      platform.standIn.changes.push(
        change('rr', a, 'returned', '2023-08-15T02:00:00Z', {
          returnReason: '业绩材料未盖章',
          isFirstApplication: true,
          defenceScheduledAt: '2023-10-20T02:00:00Z',
        }),
      );
      await newPoller().runOnce();
      const [row] = await dataSource.query(
        'SELECT returnReason, platformFacts FROM application WHERE applicationNo = ?',
        [a],
      );
      expect(row.returnReason).toBe('业绩材料未盖章');
      expect(JSON.parse(row.platformFacts)).toEqual({
        isFirstApplication: {
          value: true,
          source: 'platform',
          recordedAt: '2023-08-15T02:00:00.000Z',
        },
        defenceScheduledAt: {
          value: '2023-10-20T02:00:00.000Z',
          source: 'platform',
          recordedAt: '2023-08-15T02:00:00.000Z',
        },
      });
    });

    it('goes on from the stored cursor in the next run, applying nothing twice', async () => {
      const a = newApplicationNo();
      platform.standIn.changes.push(change('1', a, 'submitted', '2023-08-01T04:00:00Z'));
      await newPoller().runOnce();
      const cursorAfterFirstRun = await storedCursor();

      platform.standIn.changes.push(change('2', a, 'materials_received', '2023-08-20T04:00:00Z'));
      // A fresh poller (another instance, or a restart) knows only what is stored.
      await expect(newPoller().runOnce()).resolves.toMatchObject({
        pages: 1,
        applied: 1,
        stoppedBecause: POLL_STOP.CAUGHT_UP,
      });
      expect(platform.standIn.changeRequests()[1]?.query.cursor).toBe(cursorAfterFirstRun);
      await expect(historyOf(a)).resolves.toEqual([
        expect.objectContaining({ toStatus: 'submitted' }),
        expect.objectContaining({ toStatus: 'materials_received', sourceRef: `poll:${run}-2` }),
      ]);

      // Nothing new: one request, no page, the cursor stays.
      const cursorAfterSecondRun = await storedCursor();
      await expect(newPoller().runOnce()).resolves.toEqual({
        pages: 0,
        applied: 0,
        unchanged: 0,
        skipped: 0,
        stoppedBecause: POLL_STOP.CAUGHT_UP,
      });
      expect(await storedCursor()).toBe(cursorAfterSecondRun);
      expect(await historyOf(a)).toHaveLength(2);
    });

    it('stops after maxPagesPerRun pages and lets the next run finish', async () => {
      for (let i = 1; i <= 5; i += 1)
        platform.standIn.changes.push(
          change(`${i}`, newApplicationNo(), 'submitted', '2023-08-01T04:00:00Z'),
        );
      await expect(newPoller({ maxPagesPerRun: 2 }).runOnce()).resolves.toMatchObject({
        pages: 2,
        applied: 4,
        stoppedBecause: POLL_STOP.PAGE_LIMIT,
      });
      await expect(newPoller({ maxPagesPerRun: 2 }).runOnce()).resolves.toMatchObject({
        pages: 1,
        applied: 1,
        stoppedBecause: POLL_STOP.CAUGHT_UP,
      });
    });

    it('refreshes an expired token mid-run and goes on', async () => {
      platform.standIn.tokenUses = 1;
      const nos = [
        newApplicationNo(),
        newApplicationNo(),
        newApplicationNo(),
        newApplicationNo(),
        newApplicationNo(),
      ];
      nos.forEach((no, i) =>
        platform.standIn.changes.push(change(`${i + 1}`, no, 'submitted', '2023-08-01T04:00:00Z')),
      );

      await expect(newPoller().runOnce()).resolves.toMatchObject({
        pages: 3,
        applied: 5,
        stoppedBecause: POLL_STOP.CAUGHT_UP,
      });
      expect(platform.standIn.changeRequests().map((r) => r.status)).toEqual([
        200, 401, 200, 401, 200,
      ]);
      expect(platform.standIn.tokensIssued).toBe(3);
      expect(sleep).not.toHaveBeenCalled();
      for (const no of nos) expect(await historyOf(no)).toHaveLength(1);
    });

    it('backs off exponentially with jitter through 5xx answers, then goes on', async () => {
      const a = newApplicationNo();
      platform.standIn.changes.push(change('1', a, 'submitted', '2023-08-01T04:00:00Z'));
      platform.standIn.failNext('changes', { status: 500 }, { status: 503 }, { status: 500 });
      const random = jest
        .fn()
        .mockReturnValueOnce(0.1)
        .mockReturnValueOnce(0.9)
        .mockReturnValueOnce(0.3);

      await expect(
        newPoller({ baseDelayMs: 1_000, maxDelayMs: 30_000, random }).runOnce(),
      ).resolves.toMatchObject({
        pages: 1,
        applied: 1,
        stoppedBecause: POLL_STOP.CAUGHT_UP,
      });

      const sleeps = sleep.mock.calls.map(([ms]) => ms);
      expect(sleeps).toEqual([550, 1900, 2600]);
      // Retry n waits within [½, 1] × base·2ⁿ, so the waits grow, and jitter spreads them.
      [1_000, 2_000, 4_000].forEach((ceiling, n) => {
        expect(sleeps[n]).toBeGreaterThanOrEqual(ceiling / 2);
        expect(sleeps[n]).toBeLessThanOrEqual(ceiling);
      });
      expect(sleeps[1]).toBeGreaterThan(sleeps[0] as number);
      expect(sleeps[2]).toBeGreaterThan(sleeps[1] as number);
      expect(await statusOf(a)).toBe('submitted');
    });

    it('caps the wait at maxDelayMs and gives up after maxRetriesPerRun, keeping the cursor', async () => {
      platform.standIn.changes.push(
        change('1', newApplicationNo(), 'submitted', '2023-08-01T04:00:00Z'),
      );
      platform.standIn.failNext(
        'changes',
        ...Array.from({ length: 5 }, () => ({ status: 502 as const })),
      );

      await expect(
        newPoller({
          maxRetriesPerRun: 4,
          baseDelayMs: 1_000,
          maxDelayMs: 3_000,
          random: () => 1,
        }).runOnce(),
      ).resolves.toEqual({
        pages: 0,
        applied: 0,
        unchanged: 0,
        skipped: 0,
        stoppedBecause: POLL_STOP.RETRIES_EXHAUSTED,
      });
      expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([1_000, 2_000, 3_000, 3_000]);
      expect(await storedCursor()).toBeNull();
      expect(logs.some((line) => line.includes('gave up after 4 retries'))).toBe(true);
    });

    it('waits exactly the Retry-After of a 429, then goes on', async () => {
      const a = newApplicationNo();
      platform.standIn.changes.push(change('1', a, 'submitted', '2023-08-01T04:00:00Z'));
      platform.standIn.failNext('changes', { status: 429, retryAfter: '7' });

      await expect(newPoller().runOnce()).resolves.toMatchObject({
        pages: 1,
        applied: 1,
        stoppedBecause: POLL_STOP.CAUGHT_UP,
      });
      expect(sleep.mock.calls).toEqual([[7_000]]);
    });

    it('ends the run on a Retry-After longer than maxRetryAfterMs, and skips runs until it has passed', async () => {
      platform.standIn.changes.push(
        change('1', newApplicationNo(), 'submitted', '2023-08-01T04:00:00Z'),
      );
      platform.standIn.failNext('changes', { status: 429, retryAfter: '3600' });
      let now = Date.parse('2030-01-01T00:00:00Z');
      const poller = newPoller({ maxRetryAfterMs: 60_000, clock: () => new Date(now) });

      await expect(poller.runOnce()).resolves.toMatchObject({
        pages: 0,
        stoppedBecause: POLL_STOP.RATE_LIMITED,
      });
      expect(sleep).not.toHaveBeenCalled();
      now += 1_800_000;
      await expect(poller.runOnce()).resolves.toMatchObject({
        pages: 0,
        stoppedBecause: POLL_STOP.RATE_LIMITED,
      });
      expect(platform.standIn.changeRequests()).toHaveLength(1);
      now += 1_800_000;
      await expect(poller.runOnce()).resolves.toMatchObject({
        pages: 1,
        stoppedBecause: POLL_STOP.CAUGHT_UP,
      });
    });

    it('skips invalid items by change id, without their values, and applies the rest of the page', async () => {
      const [good, bad] = [newApplicationNo(), newApplicationNo()];
      platform.standIn.changes.push(
        change('bad-id', bad, 'submitted', '2023-08-01T04:00:00Z', {
          idCardNumber: '653201199005171240',
        }),
        change('bad-status', bad, 'teleported', '2023-08-01T04:00:00Z'),
        change('bad-shape', bad, 'submitted', '2023-08-01T04:00:00Z', { surprise: true }),
        change('good', good, 'submitted', '2023-08-01T04:00:00Z'),
      );

      await expect(newPoller({ pageSize: 10 }).runOnce()).resolves.toEqual({
        pages: 1,
        applied: 1,
        unchanged: 0,
        skipped: 3,
        stoppedBecause: POLL_STOP.CAUGHT_UP,
      });
      expect(await statusOf(good)).toBe('submitted');
      expect(await statusOf(bad)).toBeUndefined();
      for (const id of ['bad-id', 'bad-status', 'bad-shape']) {
        expect(logs.some((line) => line.includes(`Platform change ${run}-${id} skipped`))).toBe(
          true,
        );
      }
    });

    it('reads the platform’s status labels and neutralises names as imports and webhooks do', async () => {
      const [labelled, formula] = [newApplicationNo(), newApplicationNo()];
      platform.standIn.changes.push(
        change('label', labelled, '单位审核中', '2023-08-01T04:00:00Z', {
          applicantName: '\u202e王\u200b建国',
        }),
        change('formula', formula, 'submitted', '2023-08-01T04:00:00Z', {
          applicantName: '@SUM(A1)',
        }),
      );

      await expect(newPoller({ pageSize: 10 }).runOnce()).resolves.toMatchObject({
        applied: 1,
        skipped: 1,
      });
      expect(await statusOf(labelled)).toBe('employer_review');
      await expect(
        dataSource.query('SELECT applicantName FROM application WHERE applicationNo = ?', [
          labelled,
        ]),
      ).resolves.toEqual([{ applicantName: '王建国' }]);
      expect(await statusOf(formula)).toBeUndefined();
      expect(
        logs.some(
          (line) =>
            line.includes(`Platform change ${run}-formula skipped`) &&
            line.includes('data.applicantName: FORMULA_TRIGGER'),
        ),
      ).toBe(true);
    });

    it('applies an application created and moved on within one page, step by step', async () => {
      const a = newApplicationNo();
      platform.standIn.changes.push(
        change('1', a, 'submitted', '2023-08-01T04:00:00Z'),
        change('2', a, 'materials_received', '2023-08-20T04:00:00Z'),
        change('3', a, 'fee_paid', '2023-08-22T04:00:00Z'),
      );

      await expect(newPoller({ pageSize: 10 }).runOnce()).resolves.toMatchObject({
        pages: 1,
        applied: 3,
        skipped: 0,
      });
      expect((await historyOf(a)).map((h) => h.toStatus)).toEqual([
        'submitted',
        'materials_received',
        'fee_paid',
      ]);
    });

    it('counts a change the mirror refuses (backwards) as skipped, and still moves the cursor', async () => {
      const a = newApplicationNo();
      platform.standIn.changes.push(
        change('1', a, 'fee_paid', '2023-08-22T04:00:00Z'),
        change('2', a, 'submitted', '2023-08-23T04:00:00Z'),
      );
      await expect(newPoller({ pageSize: 1 }).runOnce()).resolves.toMatchObject({
        pages: 2,
        applied: 1,
        skipped: 1,
      });
      expect(await statusOf(a)).toBe('fee_paid');
    });

    it('fails the run, without retrying, when the platform refuses our credentials', async () => {
      platform.standIn.changes.push(
        change('1', newApplicationNo(), 'submitted', '2023-08-01T04:00:00Z'),
      );
      const poller = newPoller({}, newClient({ clientSecret: 'not-the-secret' }));

      await expect(poller.runOnce()).resolves.toMatchObject({
        pages: 0,
        stoppedBecause: POLL_STOP.FAILED,
      });
      expect(sleep).not.toHaveBeenCalled();
      expect(platform.standIn.changeRequests()).toHaveLength(0);
      expect(logs.some((line) => line.includes('refused our client credentials (HTTP 401)'))).toBe(
        true,
      );
      expect(logs.join('\n')).not.toContain('not-the-secret');
    });

    it('lets only one of two pollers started at once run; the other reports lease_held', async () => {
      const a = newApplicationNo();
      platform.standIn.changes.push(change('1', a, 'submitted', '2023-08-01T04:00:00Z'));
      platform.standIn.delayMs = 200;

      const summaries = await Promise.all([
        newPoller({ holderId: 'instance-a' }).runOnce(),
        newPoller({ holderId: 'instance-b' }).runOnce(),
      ]);

      expect(summaries.map((s) => s.stoppedBecause).sort()).toEqual([
        POLL_STOP.CAUGHT_UP,
        POLL_STOP.LEASE_HELD,
      ]);
      expect(summaries.find((s) => s.stoppedBecause === POLL_STOP.LEASE_HELD)).toEqual({
        pages: 0,
        applied: 0,
        unchanged: 0,
        skipped: 0,
        stoppedBecause: POLL_STOP.LEASE_HELD,
      });
      expect(platform.standIn.changeRequests()).toHaveLength(1);
      expect(await historyOf(a)).toHaveLength(1);
    });

    it('waits while a crashed instance’s lease runs, and takes over once it has expired', async () => {
      const t0 = new Date('2030-01-01T00:00:00Z');
      await leaseService.tryAcquire(PLATFORM_POLL_NAME, 'crashed-instance', 60_000, t0);
      platform.standIn.changes.push(
        change('1', newApplicationNo(), 'submitted', '2023-08-01T04:00:00Z'),
      );
      const poller = newPoller({ leaseTtlMs: 60_000 });

      await expect(poller.runOnce(new Date(t0.getTime() + 30_000))).resolves.toMatchObject({
        stoppedBecause: POLL_STOP.LEASE_HELD,
      });
      expect(platform.standIn.requests).toHaveLength(0);
      await expect(poller.runOnce(new Date(t0.getTime() + 61_000))).resolves.toMatchObject({
        pages: 1,
        stoppedBecause: POLL_STOP.CAUGHT_UP,
      });
    });

    it('stops with lease_lost when its lease was taken over between pages', async () => {
      let now = Date.parse('2030-01-01T00:00:00Z');
      for (let i = 1; i <= 4; i += 1)
        platform.standIn.changes.push(
          change(`${i}`, newApplicationNo(), 'submitted', '2023-08-01T04:00:00Z'),
        );
      // The first page's fetch takes longer than the lease, and another instance takes it.
      const slowClient = newClient();
      const fetchChanges = slowClient.fetchChanges.bind(slowClient);
      jest.spyOn(slowClient, 'fetchChanges').mockImplementationOnce(async (cursor, limit) => {
        const page = await fetchChanges(cursor, limit);
        now += 61_000;
        await expect(
          leaseService.tryAcquire(PLATFORM_POLL_NAME, 'instance-b', 60_000, new Date(now)),
        ).resolves.toBe(true);
        return page;
      });
      const poller = newPoller({ leaseTtlMs: 60_000, clock: () => new Date(now) }, slowClient);

      await expect(poller.runOnce()).resolves.toMatchObject({
        pages: 1,
        applied: 2,
        stoppedBecause: POLL_STOP.LEASE_LOST,
      });
      await expect(
        dataSource.getRepository(LeaseEntity).findOneBy({ name: PLATFORM_POLL_NAME }),
      ).resolves.toMatchObject({
        holder: 'instance-b',
      });
    });

    it('rolls its page back when another instance moved the cursor meanwhile (the fence behind the lease)', async () => {
      const a = newApplicationNo();
      platform.standIn.changes.push(change('1', a, 'submitted', '2023-08-01T04:00:00Z'));
      const client = newClient();
      const fetchChanges = client.fetchChanges.bind(client);
      jest.spyOn(client, 'fetchChanges').mockImplementationOnce(async (cursor, limit) => {
        const page = await fetchChanges(cursor, limit);
        await dataSource
          .getRepository(PollCursorEntity)
          .update({ name: PLATFORM_POLL_NAME }, { cursor: 'moved-by-another' });
        return page;
      });

      await expect(newPoller({}, client).runOnce()).resolves.toMatchObject({
        pages: 0,
        applied: 0,
        stoppedBecause: POLL_STOP.CURSOR_MOVED,
      });
      expect(await statusOf(a)).toBeUndefined();
      expect(await storedCursor()).toBe('moved-by-another');
    });

    it('reports not_configured without a client', async () => {
      const poller = new PollerService(
        null,
        { pageSize: 2, holderId: 'x' },
        leaseService,
        cursors,
        mirrorService,
        unitOfWork,
      );
      await expect(poller.runOnce()).resolves.toMatchObject({
        stoppedBecause: POLL_STOP.NOT_CONFIGURED,
      });
    });
  });

  describe(PlatformStatusClient.name, () => {
    it('reuses its token until shortly before it expires', async () => {
      let now = Date.parse('2030-01-01T00:00:00Z');
      platform.standIn.tokenExpiresInSeconds = 600;
      const client = newClient({ clock: () => now });

      await client.fetchChanges(null, 10);
      now += 560_000;
      await client.fetchChanges(null, 10);
      expect(platform.standIn.tokensIssued).toBe(1);
      // Within the 30 s margin before expiry: a new token, without a 401 first.
      now += 15_000;
      await client.fetchChanges(null, 10);
      expect(platform.standIn.tokensIssued).toBe(2);
      expect(platform.standIn.changeRequests().map((r) => [r.status, r.token])).toEqual([
        [200, 'stand-in-token-1'],
        [200, 'stand-in-token-1'],
        [200, 'stand-in-token-2'],
      ]);
    });

    it('shares one token request between concurrent calls', async () => {
      const client = newClient();
      await Promise.all([
        client.fetchChanges(null, 1),
        client.fetchChanges(null, 1),
        client.fetchChanges(null, 1),
      ]);
      expect(platform.standIn.tokensIssued).toBe(1);
    });

    it('refreshes once on a 401 and repeats the request', async () => {
      const client = newClient();
      await client.fetchChanges(null, 1);
      platform.standIn.expireTokens();
      await expect(client.fetchChanges(null, 1)).resolves.toMatchObject({ hasMore: false });
      expect(platform.standIn.changeRequests().map((r) => r.status)).toEqual([200, 401, 200]);
    });

    it('gives up with UNAUTHORIZED when even a fresh token is refused', async () => {
      platform.standIn.tokenUses = 0;
      const error = await newClient()
        .fetchChanges(null, 1)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PlatformApiError);
      expect(error).toMatchObject({
        kind: PLATFORM_FAILURE.UNAUTHORIZED,
        isRetryable: false,
        httpStatus: 401,
      });
      expect(platform.standIn.tokensIssued).toBe(2);
    });

    it('turns 429 into a rate-limited error carrying Retry-After, and 5xx, timeouts and refused connections into retryable errors', async () => {
      const client = newClient({ timeoutMs: 300 });
      platform.standIn.failNext(
        'changes',
        { status: 429, retryAfter: '12' },
        { status: 429 },
        { status: 503 },
        { status: 'hang' },
      );
      await expect(client.fetchChanges(null, 1)).rejects.toMatchObject({
        kind: PLATFORM_FAILURE.RATE_LIMITED,
        retryAfterMs: 12_000,
        isRetryable: true,
      });
      await expect(client.fetchChanges(null, 1)).rejects.toBeInstanceOf(PlatformRateLimitedError);
      await expect(client.fetchChanges(null, 1)).rejects.toMatchObject({
        kind: PLATFORM_FAILURE.UNAVAILABLE,
        httpStatus: 503,
      });
      const timeout = await client.fetchChanges(null, 1).catch((caught: unknown) => caught);
      expect(timeout).toBeInstanceOf(PlatformRetryableError);
      expect((timeout as Error).message).toBe(
        'Platform application-changes unreachable (ECONNABORTED)',
      );
      await expect(
        newClient({ baseUrl: 'http://127.0.0.1:1' }).fetchChanges(null, 1),
      ).rejects.toMatchObject({
        kind: PLATFORM_FAILURE.UNAVAILABLE,
        message: 'Platform oauth/token unreachable (ECONNREFUSED)',
      });
    });

    it('keeps the secret and the token out of every error it throws', async () => {
      const client = newClient();
      await client.fetchChanges(null, 1);
      platform.standIn.failNext('changes', { status: 500 });
      const error = await client.fetchChanges(null, 1).catch((caught: unknown) => caught);
      const text =
        JSON.stringify(error, Object.getOwnPropertyNames(error)) + String((error as Error).stack);
      expect(text).not.toContain(PLATFORM_STAND_IN_CLIENT_SECRET);
      expect(text).not.toContain('stand-in-token');
      expect((error as Error & { cause?: unknown }).cause).toBeUndefined();
    });

    it('reads Retry-After as seconds or as an HTTP date', () => {
      const now = Date.parse('2030-01-01T00:00:00Z');
      expect(parseRetryAfter('30', now)).toBe(30_000);
      expect(parseRetryAfter('Tue, 01 Jan 2030 00:01:00 GMT', now)).toBe(60_000);
      expect(parseRetryAfter('Mon, 31 Dec 2029 00:00:00 GMT', now)).toBe(0);
      expect(parseRetryAfter('soon', now)).toBeNull();
      expect(parseRetryAfter(undefined, now)).toBeNull();
    });
  });

  describe(PollScheduler.name, () => {
    it('registers no interval when PLATFORM_POLL_INTERVAL_SECONDS is 0', () => {
      const registry = new SchedulerRegistry();
      new PollScheduler({ intervalSeconds: 0 }, registry, newPoller()).onApplicationBootstrap();
      expect(registry.getIntervals()).toEqual([]);
    });

    it('registers no interval, with a warning, when the platform API is not configured', () => {
      const registry = new SchedulerRegistry();
      const poller = new PollerService(
        null,
        { pageSize: 2, holderId: 'x' },
        leaseService,
        cursors,
        mirrorService,
        unitOfWork,
      );
      new PollScheduler({ intervalSeconds: 60 }, registry, poller).onApplicationBootstrap();
      expect(registry.getIntervals()).toEqual([]);
      expect(logs.some((line) => line.includes('Platform polling is off'))).toBe(true);
    });

    it('registers the interval, never overlaps two runs, and removes it on shutdown', async () => {
      const registry = new SchedulerRegistry();
      const poller = newPoller();
      const runOnce = jest.spyOn(poller, 'runOnce');
      const scheduler = new PollScheduler({ intervalSeconds: 3600 }, registry, poller);
      scheduler.onApplicationBootstrap();
      expect(registry.getIntervals()).toEqual([PLATFORM_POLL_NAME]);

      platform.standIn.delayMs = 100;
      const first = scheduler.tick();
      const second = scheduler.tick();
      await Promise.all([first, second]);
      expect(runOnce).toHaveBeenCalledTimes(1);

      await scheduler.onModuleDestroy();
      expect(registry.getIntervals()).toEqual([]);
    });
  });
});

describe('a polled change without a year or region', () => {
  const hotan2023 = {
    regionCode: '6532',
    calendar: {
      year: 2023,
      route: 'prefecture_directed' as const,
      noticeDocumentNumber: '和人社发〔2023〕1号',
      events: [
        {
          kind: 'application' as const,
          title: '申报',
          startsOn: '2023-07-20',
          endsOn: '2023-08-30',
          section: '三(一)',
          wording: '',
        },
      ],
    },
  };
  const change = (statusChangedAt: string, extra: Record<string, unknown> = {}) => {
    const data = platformApplicationData(`POLLY${run}`, 'submitted', statusChangedAt, extra);
    if (!('year' in extra)) delete data.year;
    return { changeId: 'c1', occurredAt: statusChangedAt, data };
  };
  const context = { defaultRegionCode: '6532', notices: [hotan2023] };

  it('takes the configured region and the year of the notice window that holds it', () => {
    expect(toStatusChange(change('2023-08-01T04:00:00Z'), context)).toMatchObject({
      isValid: true,
      change: { application: { year: 2023, regionCode: '6532' } },
    });
    expect(
      toStatusChange(change('2023-08-01T04:00:00Z', { year: 2022, regionCode: '6531' }), context),
    ).toMatchObject({ isValid: true, change: { application: { year: 2022, regionCode: '6531' } } });
  });

  it('is skipped as invalid when no window holds it, or nothing can complete it', () => {
    expect(toStatusChange(change('2023-10-01T04:00:00Z'), context)).toEqual({
      isValid: false,
      problems: [expect.stringMatching(/^data\.year: missing/)],
    });
    expect(toStatusChange(change('2023-08-01T04:00:00Z'))).toEqual({
      isValid: false,
      problems: ['data.year: required'],
    });
  });
});
