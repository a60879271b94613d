import 'reflect-metadata';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AppModule } from '../app.module';
import { freshMysqlDatabase, generateExportCsv } from './generated-export';
import { getConfig, resetConfigForTests } from '../config/env';
import { quote } from '../database/sql-dialect';
import { UnitOfWork } from '../database/unit-of-work';
import { ImportService } from '../modules/mirror/import.service';

// `npm run bench`: imports a generated platform export of N rows (default 1,000,000) into a fresh
// SQLite file and a fresh MariaDB database. The machine's limit is measured in the same run:
// every row the import wrote (applications, their history, their domain events) is read back
// and written again with plain multi-row INSERTs into a second fresh database with the same
// migrated schema — no parsing, validation or encryption, just the writes. Prints both rates.
const TABLES = ['application', 'status_history', 'domain_event'] as const;
const ROWS_PER_INSERT = 500;

async function openContext(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<INestApplicationContext> {
  resetConfigForTests();
  const config = getConfig({
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    ...env,
  });
  return NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
}

type Table = { name: string; columns: string[]; rows: unknown[][] };

// What the import wrote, minus generated ids and timestamps (the database fills those again).
async function readWrittenRows(dataSource: DataSource): Promise<Table[]> {
  const q = (name: string): string => quote(dataSource, name);
  const tables: Table[] = [];
  for (const name of TABLES) {
    const rows: Array<Record<string, unknown>> = await dataSource.query(
      `SELECT * FROM ${q(name)} ORDER BY ${q('id')}`,
    );
    const columns = Object.keys(rows[0] ?? {}).filter(
      (c) => !['id', 'createdAt', 'updatedAt'].includes(c),
    );
    tables.push({ name, columns, rows: rows.map((row) => columns.map((c) => row[c])) });
  }
  return tables;
}

async function plainInsertSeconds(unitOfWork: UnitOfWork, tables: Table[]): Promise<number> {
  const started = process.hrtime.bigint();
  await unitOfWork.write(async (manager) => {
    const q = (name: string): string => quote(manager, name);
    for (const { name, columns, rows } of tables) {
      const head = `INSERT INTO ${q(name)} (${columns.map(q).join(',')}) VALUES `;
      const tuple = `(${columns.map(() => '?').join(',')})`;
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const chunk = rows.slice(i, i + ROWS_PER_INSERT);
        await manager.query(head + chunk.map(() => tuple).join(','), chunk.flat());
      }
    }
  });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function benchOne(
  label: string,
  freshDatabaseUrl: (name: string) => Promise<string>,
  file: Buffer,
  rows: number,
): Promise<void> {
  const limits = {
    IMPORT_MAX_FILE_MIB: String(Math.ceil(file.length / 1048576) + 1),
    IMPORT_MAX_ROWS: String(rows),
  };
  const importContext = await openContext(await freshDatabaseUrl('import'), limits);
  let importSeconds: number;
  let written: Table[];
  try {
    const service = importContext.get(ImportService);
    const started = process.hrtime.bigint();
    const result = await service.importFile({
      bytes: file,
      fileName: 'bench.csv',
      year: 2023,
      staffUserId: null,
    });
    importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.created !== rows) throw new Error(`expected ${rows} created, got ${result.created}`);
    written = await readWrittenRows(importContext.get(DataSource));
  } finally {
    await importContext.close();
  }
  const limitContext = await openContext(await freshDatabaseUrl('limit'));
  let limitSeconds: number;
  try {
    limitSeconds = await plainInsertSeconds(limitContext.get(UnitOfWork), written);
  } finally {
    await limitContext.close();
  }
  const tableRows = written.reduce((total, table) => total + table.rows.length, 0);
  const importRate = rows / importSeconds;
  const limitRate = rows / limitSeconds;
  process.stdout.write(
    `${label.padEnd(8)} import ${rows} rows: ${importSeconds.toFixed(1)} s = ${Math.round(importRate)} rows/s; ` +
      `plain multi-row INSERT of the same ${tableRows} table rows: ${limitSeconds.toFixed(1)} s = ${Math.round(limitRate)} rows/s; ` +
      `import/limit = ${((importRate / limitRate) * 100).toFixed(0)} %\n`,
  );
}

async function main(): Promise<void> {
  const rowsArg = process.argv.indexOf('--rows');
  const rows = rowsArg === -1 ? 1_000_000 : Number(process.argv[rowsArg + 1]);
  const file = generateExportCsv(rows);
  process.stdout.write(`generated ${rows} rows, ${(file.length / 1048576).toFixed(1)} MiB csv\n`);
  const dir = mkdtempSync(join(tmpdir(), 'titletrack-bench-'));
  try {
    await benchOne(
      'SQLite',
      (name) => Promise.resolve(`sqlite:${join(dir, `${name}.sqlite`)}`),
      file,
      rows,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const mysqlArg = process.argv.indexOf('--mysql');
  if (mysqlArg !== -1) {
    const base = process.argv[mysqlArg + 1] ?? '';
    await benchOne('MariaDB', (name) => freshMysqlDatabase(base, name), file, rows);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
