import type { DataSource, EntityManager } from 'typeorm';

// The few places where SQLite and MySQL/MariaDB differ, for the reminder pipeline's raw SQL.
// Column names are camelCase without quotes: both databases accept them as they are.

export const isSqlite = (source: DataSource | EntityManager): boolean =>
  ('connection' in source ? source.connection : source).options.type === 'better-sqlite3';

export const insertIgnore = (source: DataSource | EntityManager): string =>
  isSqlite(source) ? 'INSERT OR IGNORE INTO' : 'INSERT IGNORE INTO';

// Whole-second UTC wall time, the way both databases store `datetime` here.
export function sqlTime(instant: Date): string {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

// mysql2 gives Date objects (timezone Z); better-sqlite3 gives text.
export function readTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  const iso = text.includes('T') ? text : text.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

// SQLite through TypeORM is one connection: a second transaction started while one is open
// fails ("cannot start a transaction within a transaction"), and a lone write would join the
// open one. The planner, the push worker and the inbox run concurrently in one process, so
// their writes on SQLite take turns here. MySQL has a pool and row locks: no queue.
let sqliteQueue: Promise<unknown> = Promise.resolve();

export function serialized<T>(source: DataSource | EntityManager, work: () => Promise<T>): Promise<T> {
  if (!isSqlite(source)) return work();
  const run = sqliteQueue.then(work, work);
  sqliteQueue = run.catch(() => undefined);
  return run;
}

export function transaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, isolation?: 'READ COMMITTED'): Promise<T> {
  if (isSqlite(dataSource)) return serialized(dataSource, () => dataSource.transaction(work));
  return isolation ? dataSource.transaction(isolation, work) : dataSource.transaction(work);
}

// Affected rows of an UPDATE/INSERT run through TypeORM's raw query (structured result).
export async function execute(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const runner = manager.queryRunner;
  if (runner) {
    const result = (await runner.query(sql, parameters, true)) as { affected?: number };
    return result.affected ?? 0;
  }
  return serialized(manager, async () => {
    const own = manager.connection.createQueryRunner();
    try {
      const result = (await own.query(sql, parameters, true)) as { affected?: number };
      return result.affected ?? 0;
    } finally {
      await own.release();
    }
  });
}
