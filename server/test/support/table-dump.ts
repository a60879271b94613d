import type { DataSource } from 'typeorm';

export type TableDump = Record<string, string[]>;

// Every table of the database the data source is connected to, found in its schema, so a table
// added by a later migration is compared too.
export async function listTables(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dataSource.options.type === 'better-sqlite3'
      ? await dataSource.query(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      : await dataSource.query(
          'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
        );
  return rows.map((row) => row.name).sort();
}

const canonical = (row: Record<string, unknown>): string =>
  JSON.stringify(row, (_key, value: unknown) =>
    Buffer.isBuffer(value) ? value.toString('base64') : value,
  );

// The rows of every table but `excluded`, each row as canonical JSON, sorted so the dump does
// not depend on the order the database returns rows in.
export async function dumpTables(
  dataSource: DataSource,
  excluded: readonly string[] = [],
): Promise<TableDump> {
  const dump: TableDump = {};
  for (const table of await listTables(dataSource)) {
    if (excluded.includes(table)) continue;
    const quoted = dataSource.driver.escape(table);
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM ${quoted}`);
    dump[table] = rows.map(canonical).sort();
  }
  return dump;
}
