import type { EntityManager } from 'typeorm';

import { hasReturning, MAX_PARAMETERS, quote, toBindable } from './sql-dialect';

const ROWS_PER_STATEMENT = 500;

/**
 * Plain multi-row INSERTs of `rows` (values in `columns` order) into `table`, in the manager's
 * transaction. TypeORM's insert builder names every parameter and checks names quadratically,
 * which made a 1,000,000-row import crawl. `returning` (e.g. ` RETURNING "id"`, or '') is
 * appended to each statement; what it gave back is returned, all statements together.
 */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  returning = '',
): Promise<unknown[]> {
  const perStatement = Math.max(
    1,
    Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length)),
  );
  const head = `INSERT INTO ${quote(manager, table)} (${columns.map((c) => quote(manager, c)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const returned: unknown[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const result: unknown = await manager.query(
      head + chunk.map(() => tuple).join(', ') + returning,
      chunk.flatMap((row) => row.map(toBindable)),
    );
    if (returning !== '' && Array.isArray(result)) returned.push(...(result as unknown[]));
  }
  return returned;
}

/**
 * insertRows that also gives back `returned` columns of the new rows (generated ids), where the
 * database can say them in the same statement (SQLite, MariaDB: RETURNING). Null where it
 * cannot (MySQL has no RETURNING; TiDB parses it and silently drops it): read them back.
 */
export async function insertRowsReturning<T>(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  returned: readonly string[],
): Promise<T[] | null> {
  if (!hasReturning(manager)) {
    await insertRows(manager, table, columns, rows);
    return null;
  }
  const clause = ` RETURNING ${returned.map((c) => quote(manager, c)).join(', ')}`;
  return (await insertRows(manager, table, columns, rows, clause)) as T[];
}
