import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { NoticeEntity } from '../../src/modules/notice/notice.entity';
import { getConfig } from '../../src/config/env';
import { buildDataSourceOptions } from '../../src/database/database.options';
import { prepareDatabase } from '../../src/database/prepare-database';
import { seedDatabase } from '../../src/database/seed/seed';
import { createTestApp, isMysql } from '../support/test-app';
import type { TestApp } from '../support/test-app';

async function countRows(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['notice', 'calendar_year', 'calendar_event']) {
    const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

describe('database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the migrated schema is exactly what the entities describe', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has no migration left to run', async () => {
    await expect(t.dataSource.showMigrations()).resolves.toBe(false);
  });

  it('seeds once: seeding again adds nothing', async () => {
    const before = await countRows(t.dataSource);
    expect(before).toEqual({ notice: 1, calendar_year: 1, calendar_event: 8 });
    await expect(seedDatabase(t.dataSource)).resolves.toEqual([]);
    await expect(countRows(t.dataSource)).resolves.toEqual(before);
  });

  it('stores instants as UTC wall time, whatever the database session zone', async () => {
    const [row] = await t.dataSource.query(
      "SELECT CAST(endsAt AS CHAR) AS endsAt FROM calendar_event WHERE kind = 'application'",
    );
    expect(String(row.endsAt)).toMatch(/^2023-08-30 16:00:00/);
  });

  it('keeps Chinese text and emoji intact (utf8mb4 on MySQL)', async () => {
    const notices = t.dataSource.getRepository(NoticeEntity);
    const title = '测试通知 ✅🎓 ئۇيغۇرچە';
    const saved = await notices.save(
      notices.create({
        slug: 'emoji-test',
        documentNumber: '测试',
        title,
        issuer: '测试',
        publishedOn: '2023-01-01',
        year: 2023,
        body: '🎓',
      }),
    );
    await expect(notices.findOneByOrFail({ id: saved.id })).resolves.toMatchObject({
      title,
      body: '🎓',
    });
    await notices.delete({ id: saved.id });
  });
});

describe('a second start on the same SQLite file', () => {
  if (isMysql()) {
    it('is covered by the MySQL pass below', () => {
      expect(isMysql()).toBe(true);
    });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'titletrack-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs no migration and adds no row', async () => {
    const url = `sqlite:${join(dir, 'nested', 'titletrack.sqlite')}`;
    const first = await createTestApp({ DATABASE_URL: url });
    const before = await countRows(first.dataSource);
    await first.close();
    const second = await createTestApp({ DATABASE_URL: url });
    await expect(countRows(second.dataSource)).resolves.toEqual(before);
    await second.close();
  });
});

describe('several instances starting at once on one MySQL', () => {
  if (!isMysql()) {
    it('is a MySQL concern: one SQLite file belongs to one process', () => {
      expect(isMysql()).toBe(false);
    });
    return;
  }

  it('migrate and seed under a lock, so the rows exist once', async () => {
    const options = await buildDataSourceOptions(getConfig().database);
    const sources = await Promise.all([1, 2, 3].map(() => new DataSource(options).initialize()));
    await Promise.all(sources.map((source) => prepareDatabase(source, 30)));
    await expect(countRows(sources[0] as DataSource)).resolves.toEqual({
      notice: 1,
      calendar_year: 1,
      calendar_event: 8,
    });
    await Promise.all(sources.map((source) => source.destroy()));
  });
});

describe('migrations down and up again', () => {
  it('reverts every migration and re-applies them', async () => {
    const t = await createTestApp();
    for (let i = 0; i < t.dataSource.migrations.length; i += 1) {
      await t.dataSource.undoLastMigration({ transaction: 'each' });
    }
    const [row] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM ${isMysql() ? '`migrations`' : '"migrations"'}`,
    );
    expect(Number(row.n)).toBe(0);
    await prepareDatabase(t.dataSource, 30);
    await expect(countRows(t.dataSource)).resolves.toEqual({
      notice: 1,
      calendar_year: 1,
      calendar_event: 8,
    });
    await t.close();
  });
});
