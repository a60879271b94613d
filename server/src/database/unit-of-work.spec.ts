import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ApplicationEntity } from '../modules/application/application.entity';
import { AuthSessionEntity } from '../modules/auth/auth-session.entity';
import { StatusHistoryEntity } from '../modules/mirror/status-history.entity';
import { UnitOfWork } from './unit-of-work';
import {
  openMigratedDataSource,
  storedApplicationFields,
} from '../../test/support/migrated-data-source';

// The one door for writes, on embedded SQLite (in memory: one connection; on a file: a writer
// connection and a read-only one), with a table of its own.
describe(UnitOfWork.name, () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  const setUp = async (
    database: string,
  ): Promise<{ sut: UnitOfWork; dataSource: DataSource; rows: () => Promise<string[]> }> => {
    const dataSource = await new DataSource({ type: 'better-sqlite3', database }).initialize();
    await dataSource.query('PRAGMA journal_mode = WAL');
    await dataSource.query('CREATE TABLE note (text varchar(20) PRIMARY KEY)');
    const sut = new UnitOfWork(dataSource);
    await sut.onModuleInit();
    const rows = async (): Promise<string[]> =>
      (await sut.manager.query<Array<{ text: string }>>('SELECT text FROM note ORDER BY text')).map(
        (r) => r.text,
      );
    return { sut, dataSource, rows };
  };
  const insert = (sut: UnitOfWork, text: string) =>
    sut.affected('INSERT INTO note (text) VALUES (?)', [text]);
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  describe.each([
    ['in memory', () => ':memory:'],
    ['on a file', () => join(mkdtempSync(join(tmpdir(), 'uow-')), 'db.sqlite')],
  ])('%s', (_label, database) => {
    let context: Awaited<ReturnType<typeof setUp>>;
    let file: string;

    beforeEach(async () => {
      file = database();
      context = await setUp(file);
    });
    afterEach(async () => {
      await context.sut.onModuleDestroy();
      await context.dataSource.destroy();
      if (file !== ':memory:') rmSync(join(file, '..'), { recursive: true, force: true });
    });

    it('keeps a write made while another transaction is open when that transaction fails', async () => {
      const { sut, rows } = context;
      const failing = sut.write(async () => {
        await insert(sut, 'import-row');
        await pause();
        throw new Error('bad row at the end');
      });
      const lone = insert(sut, 'revocation');
      await expect(failing).rejects.toThrow('bad row at the end');
      await expect(lone).resolves.toBe(1);
      expect(await rows()).toEqual(['revocation']);
    });

    it('keeps a committed transaction when one that started after it fails', async () => {
      const { sut, rows } = context;
      const committing = sut.write(async () => {
        await insert(sut, 'a');
        await pause();
        await insert(sut, 'b');
      });
      const failing = sut.write(async () => {
        await insert(sut, 'c');
        throw new Error('refused');
      });
      await committing;
      await expect(failing).rejects.toThrow('refused');
      expect(await rows()).toEqual(['a', 'b']);
    });

    it('lets a nested write join the transaction of its own call chain', async () => {
      const { sut, rows } = context;
      await expect(
        sut.write(async () => {
          await sut.write(() => insert(sut, 'inner'));
          expect(sut.isInTransaction).toBe(true);
          throw new Error('outer fails');
        }),
      ).rejects.toThrow('outer fails');
      expect(await rows()).toEqual([]);
      expect(sut.isInTransaction).toBe(false);
    });
  });

  it('never shows a reader the rows of a transaction still open (file)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'uow-'));
    const { sut, dataSource, rows } = await setUp(join(directory, 'db.sqlite'));
    try {
      let seenDuring: string[] = [];
      await sut.write(async () => {
        await insert(sut, 'uncommitted');
        seenDuring = (await dataSource.query<Array<{ text: string }>>('SELECT text FROM note')).map(
          (r) => r.text,
        );
      });
      expect(seenDuring).toEqual([]);
      expect(await rows()).toEqual(['uncommitted']);
      await expect(dataSource.query("INSERT INTO note (text) VALUES ('stray')")).rejects.toThrow(
        /readonly/i,
      );
    } finally {
      await sut.onModuleDestroy();
      await dataSource.destroy();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

// The raw read path against the real schema of the pass (in-memory SQLite, or the MariaDB of the
// MySQL pass), migrated by the real migrations: it must hand back what TypeORM's find does.
describe(`${UnitOfWork.name} raw reads`, () => {
  const run = `uow-${Date.now().toString(36)}`;
  let dataSource: DataSource;
  let sut: UnitOfWork;
  let ids: number[];

  const newApplication = (n: number, isFeePaid: boolean | null): Partial<ApplicationEntity> =>
    storedApplicationFields(`${run}-${n}`, {
      employer: n === 1 ? null : '和田市第一小学',
      submissionCount: n === 1 ? null : 2,
      isFeePaid,
      returnReason: n === 1 ? null : '材料不全',
      platformFacts: n === 1 ? null : '{"hasDegree":{"value":true,"source":"platform"}}',
    });

  beforeAll(async () => {
    dataSource = await openMigratedDataSource();
    sut = new UnitOfWork(dataSource);
    const applications = dataSource.getRepository(ApplicationEntity);
    ids = [];
    for (const [n, isFeePaid] of [
      [1, null],
      [2, true],
      [3, false],
    ] as const) {
      ids.push((await applications.save(applications.create(newApplication(n, isFeePaid)))).id);
    }
    await dataSource.getRepository(StatusHistoryEntity).insert([
      {
        applicationId: ids[1],
        fromStatus: null,
        toStatus: 'submitted',
        changedAt: new Date('2024-07-01T00:00:00Z'),
        source: 'import',
        sourceRef: run,
      },
      {
        applicationId: ids[1],
        fromStatus: 'submitted',
        toStatus: 'returned',
        changedAt: new Date('2024-07-02T08:30:00Z'),
        source: 'webhook',
        sourceRef: run,
      },
    ]);
    await dataSource.getRepository(AuthSessionEntity).insert({
      tokenHash: run.padEnd(64, '0'),
      subjectKind: 'applicant',
      subjectId: 7,
      expiresAt: new Date('2030-01-01T12:34:56Z'),
    });
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await dataSource.getRepository(ApplicationEntity).delete(ids);
    await dataSource.getRepository(AuthSessionEntity).delete({ tokenHash: run.padEnd(64, '0') });
    await dataSource.destroy();
  });

  it('hydrates applications as TypeORM does: Date, boolean and null columns, numeric ids', async () => {
    const raw = await sut.readEntities(
      ApplicationEntity,
      `SELECT * FROM application WHERE id IN (?, ?, ?) ORDER BY id`,
      ids,
    );
    const typeorm = await dataSource
      .getRepository(ApplicationEntity)
      .find({ where: ids.map((id) => ({ id })), order: { id: 'ASC' } });
    expect(raw).toStrictEqual(typeorm);
    expect(raw.map((a) => a.isFeePaid)).toEqual([null, true, false]);
    for (const application of raw) {
      expect(application).toBeInstanceOf(ApplicationEntity);
      expect(typeof application.id).toBe('number');
      expect(application.statusChangedAt).toEqual(new Date('2024-07-21T03:04:05Z'));
      expect(application.createdAt).toBeInstanceOf(Date);
    }
  });

  it('hydrates history rows and sessions as TypeORM does', async () => {
    await expect(
      sut.readEntities(
        StatusHistoryEntity,
        'SELECT * FROM status_history WHERE applicationId = ? ORDER BY changedAt ASC, id ASC',
        [ids[1]],
      ),
    ).resolves.toStrictEqual(
      await dataSource.getRepository(StatusHistoryEntity).find({
        where: { applicationId: ids[1] },
        order: { changedAt: 'ASC', id: 'ASC' },
      }),
    );
    const tokenHash = run.padEnd(64, '0');
    const [session] = await sut.readEntities(
      AuthSessionEntity,
      'SELECT * FROM auth_session WHERE tokenHash = ? AND expiresAt > ?',
      [tokenHash, new Date('2029-12-31T00:00:00Z')],
    );
    expect(session).toStrictEqual(
      await dataSource.getRepository(AuthSessionEntity).findOneBy({ tokenHash }),
    );
    expect(session?.expiresAt).toEqual(new Date('2030-01-01T12:34:56Z'));
  });

  it('compares a bound Date with stored datetimes the way both databases store them', async () => {
    const count = (at: string): Promise<number> =>
      sut
        .readRows('SELECT id FROM auth_session WHERE tokenHash = ? AND expiresAt > ?', [
          run.padEnd(64, '0'),
          new Date(at),
        ])
        .then((rows) => rows.length);
    await expect(count('2030-01-01T12:34:55.999Z')).resolves.toBe(1);
    await expect(count('2030-01-01T12:34:56.000Z')).resolves.toBe(0);
  });

  it('reads its own uncommitted writes inside a write, and nothing of them after a rollback', async () => {
    const select = 'SELECT applicantName FROM application WHERE id = ?';
    await expect(
      sut.write(async (manager) => {
        await manager.update(ApplicationEntity, { id: ids[0] }, { applicantName: '改过' });
        const [row] = await sut.readRows<{ applicantName: string }>(select, [ids[0]]);
        expect(row?.applicantName).toBe('改过');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await expect(sut.readRows(select, [ids[0]])).resolves.toEqual([
      expect.objectContaining({ applicantName: '测试·申报人' }),
    ]);
  });

  it('answers an empty list when nothing matches', async () => {
    await expect(
      sut.readEntities(ApplicationEntity, 'SELECT * FROM application WHERE id = ?', [-1]),
    ).resolves.toEqual([]);
  });
});
