import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { getConfig } from '../../config/env';
import { UnitOfWork } from '../../database/unit-of-work';
import { ENTITIES, MIGRATIONS, buildDataSourceOptions } from '../../database/database.options';
import { CreatePollingState1764072000000 } from '../../database/migrations/1764072000000-CreatePollingState';
import { prepareDatabase } from '../../database/prepare-database';
import { LeaseEntity } from './lease.entity';
import { LeaseRepository } from './lease.repository';
import { LeaseService, newLeaseHolderId } from './lease.service';

// Against the real database of the pass (in-memory SQLite, or the MariaDB of the MySQL pass),
// migrated by the real migrations: the atomicity lives in the SQL, so a mock would prove nothing.
describe(LeaseService.name, () => {
  const run = Date.now().toString(36);
  const T0 = new Date('2030-01-01T00:00:00.000Z');
  const TTL = 60_000;
  const at = (ms: number): Date => new Date(T0.getTime() + ms);
  let dataSource: DataSource;
  let sut: LeaseService;
  let n = 0;
  let name: string;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const options = await buildDataSourceOptions(getConfig().database);
    // Until LeaseEntity and the migration are listed in database.options.ts, add them here.
    dataSource = await new DataSource({
      ...options,
      entities: [...new Set([...ENTITIES, LeaseEntity])],
      migrations: [...new Set([...MIGRATIONS, CreatePollingState1764072000000])],
    }).initialize();
    await prepareDatabase(dataSource, 30);
    sut = new LeaseService(new LeaseRepository(new UnitOfWork(dataSource)));
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    // Until then, leave the shared MySQL database as the listed migrations describe it.
    if (!MIGRATIONS.includes(CreatePollingState1764072000000))
      await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.destroy();
  });

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    n += 1;
    name = `lease-spec-${run}-${n}`;
  });

  afterEach(() => jest.restoreAllMocks());

  const stored = () => dataSource.getRepository(LeaseEntity).findOneBy({ name });

  describe('tryAcquire', () => {
    it('acquires a lease nobody holds, expiring after the TTL in whole seconds', async () => {
      await expect(sut.tryAcquire(name, 'a', TTL, at(250))).resolves.toBe(true);
      await expect(stored()).resolves.toEqual({ name, holder: 'a', expiresAt: at(TTL) });
    });

    it('refuses a lease another holder has until it expires, and changes nothing', async () => {
      await sut.tryAcquire(name, 'a', TTL, T0);
      await expect(sut.tryAcquire(name, 'b', TTL, at(TTL - 1000))).resolves.toBe(false);
      await expect(stored()).resolves.toMatchObject({ holder: 'a', expiresAt: at(TTL) });
    });

    it('still refuses at the very instant of expiry, and takes over just after', async () => {
      await sut.tryAcquire(name, 'a', TTL, T0);
      await expect(sut.tryAcquire(name, 'b', TTL, at(TTL))).resolves.toBe(false);
      await expect(sut.tryAcquire(name, 'b', TTL, at(TTL + 1000))).resolves.toBe(true);
      await expect(stored()).resolves.toMatchObject({ holder: 'b', expiresAt: at(2 * TTL + 1000) });
      await expect(sut.tryAcquire(name, 'a', TTL, at(TTL + 2000))).resolves.toBe(false);
    });

    it('renews the lease for its holder, even before it expires', async () => {
      await sut.tryAcquire(name, 'a', TTL, T0);
      await expect(sut.tryAcquire(name, 'a', TTL, at(30_000))).resolves.toBe(true);
      await expect(stored()).resolves.toMatchObject({ holder: 'a', expiresAt: at(TTL + 30_000) });
    });

    it('gives the lease to exactly one of several instances racing for it', async () => {
      const holders = ['a', 'b', 'c', 'd', 'e'];
      const results = await Promise.all(
        holders.map((holder) => sut.tryAcquire(name, holder, TTL, T0)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      await expect(stored()).resolves.toMatchObject({ holder: holders[results.indexOf(true)] });
    });

    it('gives an expired lease to exactly one of several instances racing for it', async () => {
      await sut.tryAcquire(name, 'dead', TTL, T0);
      const holders = ['a', 'b', 'c', 'd', 'e'];
      const results = await Promise.all(
        holders.map((holder) => sut.tryAcquire(name, holder, TTL, at(TTL + 5000))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      await expect(stored()).resolves.toMatchObject({ holder: holders[results.indexOf(true)] });
    });
  });

  describe('release', () => {
    it('frees the lease at once for another holder', async () => {
      await sut.tryAcquire(name, 'a', TTL, T0);
      await sut.release(name, 'a');
      await expect(stored()).resolves.toBeNull();
      await expect(sut.tryAcquire(name, 'b', TTL, at(1000))).resolves.toBe(true);
    });

    it('leaves a lease alone that another holder has taken over', async () => {
      await sut.tryAcquire(name, 'a', TTL, T0);
      await sut.tryAcquire(name, 'b', TTL, at(TTL + 1000));
      await sut.release(name, 'a');
      await expect(stored()).resolves.toMatchObject({ holder: 'b' });
    });
  });

  describe(newLeaseHolderId.name, () => {
    it('names the host and process, and differs between calls', () => {
      const first = newLeaseHolderId();
      expect(first).toMatch(new RegExp(`:${process.pid}:[0-9a-f]{12}$`));
      expect(first.length).toBeLessThanOrEqual(200);
      expect(newLeaseHolderId()).not.toBe(first);
    });
  });
});
