import type { DataSource, EntityManager } from 'typeorm';

// Everything that differs between SQLite, MariaDB, MySQL and TiDB for the hand-written SQL of
// the repositories. Column names are camelCase: both families accept them unquoted, but table
// names like `application` are quoted where a statement is built from names.

type Source = DataSource | EntityManager;

const optionsOf = (source: Source): DataSource['options'] =>
  ('connection' in source ? source.connection : source).options;

export const isSqlite = (source: Source): boolean => optionsOf(source).type === 'better-sqlite3';

export const insertIgnore = (source: Source): string =>
  isSqlite(source) ? 'INSERT OR IGNORE INTO' : 'INSERT IGNORE INTO';

// SQLite and MariaDB return generated columns with RETURNING; MySQL has no RETURNING, and TiDB
// parses it and silently drops it, so both read ids back with a SELECT instead.
export const hasReturning = (source: Source): boolean => {
  const { type } = optionsOf(source);
  return type === 'better-sqlite3' || type === 'mariadb';
};

// SQLite locks the whole database for a write transaction and has no row locks.
export const hasRowLocks = (source: Source): boolean => !isSqlite(source);

export const quote = (source: Source, identifier: string): string =>
  isSqlite(source) ? `"${identifier}"` : `\`${identifier}\``;

// Whole-second UTC wall time, the way both databases store `datetime` here.
export function sqlTime(instant: Date): string {
  return new Date(Math.floor(instant.getTime() / 1000) * 1000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
}

// mysql2 gives Date objects (timezone Z); better-sqlite3 gives text.
export function readTime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = typeof value === 'string' ? value : new Date(Number(value)).toISOString();
  const iso = text.includes('T') ? text : text.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
}

// Values as both drivers bind them: UTC datetime text, booleans as 0/1.
export function toBindable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}

export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

// SQLite's default limit is 32,766 bound parameters per statement; MySQL's is 65,535.
export const MAX_PARAMETERS = 30_000;

// A row lock held to the end of the transaction. SQLite locks the whole database for a write
// transaction instead and has no such clause. SKIP LOCKED needs MariaDB ≥ 10.6 or MySQL 8 (TiDB
// parses it and ignores it).
export const forUpdate = (
  source: Source,
  { isSkipLocked = false }: { isSkipLocked?: boolean } = {},
): string => {
  if (isSqlite(source)) return '';
  return isSkipLocked ? ' FOR UPDATE SKIP LOCKED' : ' FOR UPDATE';
};

// An UPDATE of the first `limit` rows matching `where` in `orderBy` order. MySQL and MariaDB
// take ORDER BY … LIMIT on an UPDATE but refuse LIMIT inside IN (subquery); SQLite is the other
// way round. The bound parameters are the same in both forms: those of `set`, then `where`.
export function limitedUpdate(
  source: Source,
  statement: { table: string; set: string; where: string; orderBy: string; limit: number },
): string {
  const { table, set, where, orderBy } = statement;
  const limit = Math.max(0, Math.floor(Number(statement.limit)));
  return isSqlite(source)
    ? `UPDATE ${table} SET ${set} WHERE id IN (SELECT id FROM ${table} WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit})`
    : `UPDATE ${table} SET ${set} WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit}`;
}
