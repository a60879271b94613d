import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { UnitOfWork } from './unit-of-work';

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
