import 'reflect-metadata';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createHttpApp } from '../app.setup';
import { getConfig, resetConfigForTests } from '../config/env';
import { freshMysqlDatabase, generateExportCsv } from './generated-export';

// `npm run bench`: how the API answers while a large export is imported. A real server on
// loopback, the import posted over HTTP as the office's console does, and meanwhile one client
// asks `/api/health` again and again (one request at a time, 10 ms apart). Prints the health
// latencies when idle and during the import, side by side, for SQLite (a file, as `npm start`)
// and, with --mysql URL, for MariaDB.
const ADMIN = { username: 'bench_admin', password: 'bench password long enough' };
const PROBE_GAP_MS = 10;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const describe = ({ latencies, failures }: { latencies: number[]; failures: number }): string => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `n=${sorted.length}${failures > 0 ? ` (+${failures} unanswered)` : ''} p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms`;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Probes {
  latencies: number[];
  // Probes that got no answer at all (the connection failed or was dropped).
  failures: number;
}

async function probeHealth(
  base: string,
  isDone: () => boolean,
  maxProbes: number,
): Promise<Probes> {
  const probes: Probes = { latencies: [], failures: 0 };
  while (!isDone() && probes.latencies.length + probes.failures < maxProbes) {
    const started = performance.now();
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      probes.latencies.push(performance.now() - started);
    } catch {
      probes.failures += 1;
    }
    await sleep(PROBE_GAP_MS);
  }
  return probes;
}

async function benchOne(
  label: string,
  databaseUrl: string,
  file: Buffer,
  rows: number,
): Promise<void> {
  resetConfigForTests();
  const config = getConfig({
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    IMPORT_MAX_ROWS: String(rows),
  });
  const app = await createHttpApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  try {
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const login = await fetch(`${base}/api/auth/staff`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { token } = (await login.json()) as { token: string };
    const idle = await probeHealth(base, () => false, 200);

    const form = new FormData();
    form.append('file', new Blob([file]), 'bench.csv');
    let isDone = false;
    const started = performance.now();
    const importing = fetch(`${base}/api/staff/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    }).then(async (res) => ({
      status: res.status,
      body: (await res.json()) as { created?: number },
    }));
    void importing.finally(() => {
      isDone = true;
    });
    const during = await probeHealth(base, () => isDone, 1_000_000);
    const result = await importing;
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 200 || result.body.created !== rows)
      throw new Error(
        `import answered ${result.status}: ${JSON.stringify(result.body).slice(0, 300)}`,
      );
    process.stdout.write(
      `${label.padEnd(8)} /api/health idle: ${describe(idle)}\n` +
        `${label.padEnd(8)} /api/health during a ${rows}-row import (${seconds.toFixed(1)} s): ${describe(during)}\n`,
    );
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const rowsArg = process.argv.indexOf('--rows');
  const rows = rowsArg === -1 ? 250_000 : Number(process.argv[rowsArg + 1]);
  const file = generateExportCsv(rows);
  process.stdout.write(`generated ${rows} rows, ${(file.length / 1048576).toFixed(1)} MiB csv\n`);
  const dir = mkdtempSync(join(tmpdir(), 'titletrack-responsiveness-'));
  try {
    await benchOne('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`, file, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const mysqlArg = process.argv.indexOf('--mysql');
  if (mysqlArg !== -1) {
    const url = await freshMysqlDatabase(process.argv[mysqlArg + 1] ?? '');
    await benchOne('MariaDB', url, file, rows);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
