import 'reflect-metadata';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { NestFactory } from '@nestjs/core';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

import { AppModule } from '../app.module';
import { getConfig, resetConfigForTests } from '../config/env';
import { ImportService } from '../modules/mirror/import.service';
import { DEFAULT_IMPORT_LIMITS } from '../modules/mirror/import/import-limits';

// `npm run bench`: imports a generated platform export of N rows (default 1,000,000) into a fresh
// SQLite file and a fresh MariaDB database, and in the same run inserts the same rows with plain
// multi-row INSERTs into a scratch table: the machine's limit. Prints rows/s for both.
const HEADERS = ['申报编号', '姓名', '身份证号', '单位', '县市', '系列', '专业', '级别', '状态', '状态时间', '申报方式', '年度'];
const IDS = ['653201199005171231', '65320119900517124X', '11010519491231002X'];

function generateCsv(rows: number): Buffer {
  const lines = [HEADERS.join(',')];
  for (let i = 1; i <= rows; i += 1) {
    lines.push(
      [`BENCH-${i}`, i % 2 ? '王建国' : '阿依古丽·买买提', IDS[i % 3], '和田地区人民医院', '和田市', '卫生健康', '临床医学', '中级', '已接收材料', '2023-08-20 10:00:00', '地区定向评价', '2023'].join(','),
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

async function plainInsertRate(dataSource: DataSource, rows: number): Promise<number> {
  const isMysql = dataSource.options.type !== 'better-sqlite3';
  const q = (name: string): string => (isMysql ? `\`${name}\`` : `"${name}"`);
  await dataSource.query(`DROP TABLE IF EXISTS ${q('bench_plain')}`);
  await dataSource.query(
    `CREATE TABLE ${q('bench_plain')} (${q('id')} ${isMysql ? 'int AUTO_INCREMENT' : 'integer'} PRIMARY KEY, ${['applicationNo', 'applicantName', 'idCardCipher', 'idCardBlindIndex', 'employer', 'county', 'series', 'specialty', 'level', 'status', 'route']
      .map((c) => `${q(c)} varchar(200)`)
      .join(', ')}, ${q('year')} int, ${q('statusChangedAt')} datetime)`,
  );
  const started = process.hrtime.bigint();
  const runner = dataSource.createQueryRunner();
  await runner.startTransaction();
  const chunk = 500;
  for (let i = 0; i < rows; i += chunk) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let j = i; j < Math.min(rows, i + chunk); j += 1) {
      tuples.push(`(${new Array(13).fill('?').join(',')})`);
      values.push(`BENCH-${j}`, '王建国', 'v1.k.x'.padEnd(60, 'x'), 'f'.repeat(64), '和田地区人民医院', '和田市', 'health', '临床医学', 'intermediate', 'materials_received', 'prefecture_directed', 2023, '2023-08-20 02:00:00');
    }
    await runner.query(
      `INSERT INTO ${q('bench_plain')} (${['applicationNo', 'applicantName', 'idCardCipher', 'idCardBlindIndex', 'employer', 'county', 'series', 'specialty', 'level', 'status', 'route', 'year', 'statusChangedAt'].map(q).join(',')}) VALUES ${tuples.join(',')}`,
      values,
    );
  }
  await runner.commitTransaction();
  await runner.release();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await dataSource.query(`DROP TABLE ${q('bench_plain')}`);
  return rows / seconds;
}

async function benchOne(label: string, databaseUrl: string, file: Buffer, rows: number): Promise<void> {
  resetConfigForTests();
  const config = getConfig({ APP_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false });
  try {
    const service = app.get(ImportService);
    service.setLimitsForTests({ ...DEFAULT_IMPORT_LIMITS, maxFileBytes: file.length + 1, maxRows: rows });
    const started = process.hrtime.bigint();
    const result = await service.importFile({ bytes: file, fileName: 'bench.csv', year: 2023, staffUserId: null });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const importRate = result.rowCount / seconds;
    const plainRate = await plainInsertRate(app.get(DataSource), rows);
    process.stdout.write(
      `${label.padEnd(8)} import ${rows} rows: ${seconds.toFixed(1)} s = ${Math.round(importRate)} rows/s; plain multi-row INSERT: ${Math.round(plainRate)} rows/s; import/limit = ${((importRate / plainRate) * 100).toFixed(0)} %\n`,
    );
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const rowsArg = process.argv.indexOf('--rows');
  const rows = rowsArg === -1 ? 1_000_000 : Number(process.argv[rowsArg + 1]);
  const mysqlUrl = process.argv[process.argv.indexOf('--mysql') + 1] ?? '';
  const file = generateCsv(rows);
  process.stdout.write(`generated ${rows} rows, ${(file.length / 1048576).toFixed(1)} MiB csv\n`);
  const dir = mkdtempSync(join(tmpdir(), 'titletrack-bench-'));
  try {
    await benchOne('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`, file, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.argv.includes('--mysql')) {
    const url = new URL(mysqlUrl);
    const database = url.pathname.slice(1);
    url.pathname = '/';
    const connection = await createConnection(url.toString());
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
    await benchOne('MariaDB', mysqlUrl, file, rows);
  }
}

void main();
