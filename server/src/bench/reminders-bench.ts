/* eslint-disable no-console, no-restricted-properties -- a command-line benchmark: it prints, and its BENCH_* knobs are not the server's configuration */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Logger } from '@nestjs/common';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';

import { HOTAN_2023 } from '@titletrack/shared/domain';
import { HOTAN_REGION_CODE } from '@titletrack/shared/region';

import { getConfig } from '../config/env';
import { benchPlanner } from './bench-planner';
import { CalendarRepository } from '../modules/calendar/calendar.repository';
import { NoticeYearRegistry } from '../modules/calendar/notice-year-registry.service';
import { UnitOfWork } from '../database/unit-of-work';
import { buildDataSourceOptions } from '../database/database.options';
import { prepareDatabase } from '../database/prepare-database';
import type { MirroredRow } from '../modules/application/application-to-domain.mapper';
import { InboxMessageRepository } from '../modules/reminders/inbox-message.repository';
import { computeDueAlerts } from '../modules/reminders/planner.service';
import { PushWorkerService } from '../modules/reminders/push-worker.service';
import { SubscriptionRepository } from '../modules/reminders/subscription.repository';
import { WechatAccessTokenStore } from '../modules/wechat/access-token.store';
import { SubscribeMessageClient } from '../modules/wechat/subscribe-message.client';
import { WechatAccessTokenRepository } from '../modules/wechat/wechat-access-token.repository';
import { createWechatHttp } from '../modules/wechat/wechat-api.http';

// `npm run bench`: plans alerts for 1,000,000 applications, then delivers 100,000
// pushes to a WeChat stand-in through 3 worker processes on MariaDB, and counts duplicates and
// losses. Usage: node dist/bench/reminders-bench.js --mysql mysql://root@127.0.0.1:3306/db

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const PUSHES = Number(process.env.BENCH_PUSHES ?? 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 3);
const TEMPLATE = 'tmpl-bench-returned-01';
const APP_ID = 'wx0000000000000000';
const SECRET = '5eca1e70000000000000000000000000';
const NOW = new Date('2023-08-15T04:00:00Z'); // 10:00 in Hotan: no quiet hours

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};

async function openDataSource(url: string): Promise<DataSource> {
  process.env.DATABASE_URL = url;
  process.env.APP_ENV ??= 'test';
  const options = await buildDataSourceOptions(getConfig().database);
  const dataSource = await new DataSource({
    ...options,
    extra: { connectionLimit: 20 },
  }).initialize();
  return dataSource;
}

// The statuses the benchmark applications cycle through: open ones and a recent outcome.
const BENCH_STATUSES = [
  'returned',
  'materials_received',
  'drafting',
  'fee_paid',
  'authority_review',
  'publicity',
  'passed',
];

function planningBench(): void {
  const rows: MirroredRow[] = new Array(APPLICATIONS);
  for (let i = 0; i < APPLICATIONS; i += 1) {
    rows[i] = {
      id: i + 1,
      regionCode: HOTAN_REGION_CODE,
      year: 2023,
      route: 'prefecture_directed',
      level: i % 3 === 0 ? 'deputy_senior' : 'intermediate',
      series: 'education',
      specialty: '小学语文',
      status: BENCH_STATUSES[i % BENCH_STATUSES.length] as string,
      statusChangedAt: new Date(NOW.getTime() - (i % 72) * 3_600_000),
      submissionCount: 1,
      isFeePaid: false,
    };
  }
  const started = process.hrtime.bigint();
  let alerts = 0;
  const planned = new Set<string>();
  for (let i = 0; i < rows.length; i += 2000)
    alerts += computeDueAlerts(rows.slice(i, i + 2000), NOW, planned, () => HOTAN_2023).length;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `planning: ${APPLICATIONS.toLocaleString('en')} applications → ${alerts.toLocaleString('en')} alerts in ${seconds.toFixed(2)} s ` +
      `(${Math.round(APPLICATIONS / seconds).toLocaleString('en')}/s; goal ≤ 10 s: ${seconds <= 10 ? 'met' : 'MISSED'})`,
  );
}

// A WeChat stand-in for the benchmark: stable_token, subscribe/send, counting per message page.
function startStandIn(): Promise<{
  baseUrl: string;
  delivered: Map<string, number>;
  close: () => void;
}> {
  const delivered = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.startsWith('/cgi-bin/stable_token')) {
        res.end(JSON.stringify({ access_token: 'bench-token', expires_in: 7200 }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        touser: string;
        page: string;
      };
      const key = `${body.touser}|${body.page}`;
      delivered.set(key, (delivered.get(key) ?? 0) + 1);
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: delivered.size }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        delivered,
        close: () => server.close(),
      }),
    ),
  );
}

async function seedPushes(dataSource: DataSource): Promise<void> {
  for (const table of [
    'inbox_message',
    'reminder_alert',
    'subscription_credit',
    'application_binding',
    'wechat_access_token',
  ]) {
    await dataSource.query(`DELETE FROM ${table}`);
  }
  await dataSource.query("DELETE FROM applicant WHERE openId LIKE 'obench-%'");
  const chunk = 5000;
  for (let i = 0; i < PUSHES; i += chunk) {
    const n = Math.min(chunk, PUSHES - i);
    const ids = Array.from({ length: n }, (_, k) => i + k + 1);
    await dataSource.query(
      `INSERT INTO applicant (openId) VALUES ${ids.map(() => '(?)').join(',')}`,
      ids.map((id) => `obench-${id}`),
    );
    await dataSource.query(
      `INSERT INTO reminder_alert (dedupeKey, applicationId, kind, ruleId, section, deadline, data) VALUES ${ids.map(() => "(?, ?, 'application_returned', 'R4', '四(一)1', '2023-08-17 02:00:00', ?)").join(',')}`,
      ids.flatMap((id) => [
        `${id}:application_returned:bench`,
        id,
        '{"returnedAt":"2023-08-15T02:00:00.000Z","revisionDeadline":"2023-08-17T02:00:00.000Z","submissionsUsed":1,"submissionsLeft":2}',
      ]),
    );
  }
  await dataSource.query(
    `INSERT INTO inbox_message (alertId, applicantId, applicationId, kind, pushState, pushAttempts, pushNotBefore)
     SELECT a.id, p.id, a.applicationId, a.kind, 'pending', 0, '2023-08-15 03:00:00'
     FROM reminder_alert a JOIN applicant p ON p.openId = CONCAT('obench-', a.applicationId)`,
  );
  await dataSource.query(
    `INSERT INTO subscription_credit (applicantId, templateId, credits, acceptedTotal, isSwitchedOff) SELECT id, ?, 1, 1, 0 FROM applicant WHERE openId LIKE 'obench-%'`,
    [TEMPLATE],
  );
}

async function worker(url: string, baseUrl: string): Promise<void> {
  Logger.overrideLogger(['error']);
  const dataSource = await openDataSource(url);
  const http = createWechatHttp(baseUrl, 10_000);
  const unitOfWork = new UnitOfWork(dataSource);
  const service = new PushWorkerService(
    new InboxMessageRepository(unitOfWork),
    new SubscriptionRepository(unitOfWork),
    new SubscribeMessageClient(
      http,
      new WechatAccessTokenStore(new WechatAccessTokenRepository(unitOfWork), http, APP_ID, SECRET),
    ),
    {
      templates: { application_returned: TEMPLATE },
      isLongTermSubscription: false,
      miniprogramState: 'formal',
      batchSize: Number(process.env.BENCH_BATCH ?? 500),
      concurrency: Number(process.env.BENCH_CONCURRENCY ?? 64),
      maxAttempts: 5,
      claimMs: 60_000,
      claimMode: 'skip_locked',
      backoffBaseMs: 1000,
      backoffMaxMs: 10_000,
    },
  );
  await service.drain(() => NOW);
  // The pool's idle connections would keep the worker alive, and the parent waits for its exit.
  await dataSource.destroy();
}

// The real planner tick (scan, alertsDue, INSERT IGNORE into the outbox, inbox fill) on MariaDB.
async function plannerDbBench(dataSource: DataSource): Promise<void> {
  const count = Number(process.env.BENCH_DB_APPLICATIONS ?? 200_000);
  for (const table of [
    'inbox_message',
    'reminder_alert',
    'application_binding',
    'status_history',
    'domain_event',
    'reminder_cursor',
  ]) {
    await dataSource.query(`DELETE FROM ${table}`);
  }
  await dataSource.query('DELETE FROM application');
  for (let i = 0; i < count; i += 5000) {
    const n = Math.min(5000, count - i);
    const rows = Array.from({ length: n }, (_, k) => i + k);
    await dataSource.query(
      `INSERT INTO application (applicationNo, applicantName, idCardCipher, idCardBlindIndex, year, route, level, series, specialty, status, statusChangedAt, submissionCount, isFeePaid) VALUES ${rows
        .map(
          () =>
            "(?, '阿依古丽', 'x', 'x', 2023, 'prefecture_directed', 'intermediate', 'education', '小学语文', ?, ?, 1, 0)",
        )
        .join(',')}`,
      rows.flatMap((r) => [
        `BENCH${r}`,
        BENCH_STATUSES[r % BENCH_STATUSES.length],
        new Date(NOW.getTime() - (r % 72) * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
      ]),
    );
  }
  const unitOfWork = new UnitOfWork(dataSource);
  // The seeded 2023 Hotan notice, published, as the running server reads it.
  const noticeYears = new NoticeYearRegistry(new CalendarRepository(unitOfWork));
  await noticeYears.refresh();
  const planner = benchPlanner(
    unitOfWork,
    noticeYears,
    Number(process.env.BENCH_PLAN_CHUNK ?? 5000),
  );
  const started = Date.now();
  const summary = await planner.runOnce(NOW);
  const seconds = (Date.now() - started) / 1000;
  const again = Date.now();
  const second = await planner.runOnce(NOW);
  const secondSeconds = (Date.now() - again) / 1000;
  console.log(
    `planning on MariaDB (the real tick): ${count.toLocaleString('en')} applications → ${summary.alerts.toLocaleString('en')} alerts written in ${seconds.toFixed(2)} s ` +
      `(${Math.round(count / seconds).toLocaleString('en')} applications/s; a 1,000,000 tick ≈ ${((1_000_000 / count) * seconds).toFixed(1)} s); ` +
      `the next tick (nothing new) ${secondSeconds.toFixed(2)} s, ${second.alerts} alerts`,
  );
}

async function deliveryBench(url: string): Promise<void> {
  const dataSource = await openDataSource(url);
  await prepareDatabase(dataSource, 120);
  await plannerDbBench(dataSource);
  const seeding = Date.now();
  await seedPushes(dataSource);
  console.log(
    `delivery: seeded ${PUSHES.toLocaleString('en')} due pushes in ${((Date.now() - seeding) / 1000).toFixed(1)} s`,
  );
  const standIn = await startStandIn();
  const started = Date.now();
  await Promise.all(
    Array.from(
      { length: WORKERS },
      () =>
        new Promise<void>((resolve, reject) => {
          const child = fork(__filename, ['--worker', url, standIn.baseUrl], {
            stdio: 'inherit',
            execArgv: process.env.BENCH_WORKER_PROF
              ? ['--cpu-prof', '--cpu-prof-dir=/tmp/rbprof']
              : [],
          });
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`)),
          );
        }),
    ),
  );
  const seconds = (Date.now() - started) / 1000;
  const states: Array<{ pushState: string; n: number }> = await dataSource.query(
    'SELECT pushState, COUNT(*) AS n FROM inbox_message GROUP BY pushState',
  );
  const sent = Number(states.find((s) => s.pushState === 'sent')?.n ?? 0);
  let deliveredTotal = 0;
  let duplicates = 0;
  for (const n of standIn.delivered.values()) {
    deliveredTotal += n;
    if (n > 1) duplicates += n - 1;
  }
  const losses = PUSHES - standIn.delivered.size;
  console.log(
    `delivery: ${deliveredTotal.toLocaleString('en')} pushes through ${WORKERS} processes on MariaDB in ${seconds.toFixed(2)} s = ` +
      `${Math.round(deliveredTotal / seconds).toLocaleString('en')}/s (goal ≥ 2,000/s: ${deliveredTotal / seconds >= 2000 ? 'met' : 'MISSED'})`,
  );
  console.log(
    `delivery: duplicates ${duplicates}, losses ${losses}, rows marked sent ${sent.toLocaleString('en')}; states ${JSON.stringify(states.map((s) => [s.pushState, Number(s.n)]))}`,
  );
  standIn.close();
  await dataSource.destroy();
  if (duplicates > 0 || losses > 0) process.exitCode = 1;
}

async function main(): Promise<void> {
  if (process.argv.includes('--worker')) {
    await worker(
      arg('--worker') as string,
      process.argv[process.argv.indexOf('--worker') + 2] as string,
    );
    return;
  }
  planningBench();
  const url = arg('--mysql');
  if (!url) {
    console.log('delivery: skipped (no --mysql URL)');
    return;
  }
  const admin = new URL(url);
  const database = admin.pathname.slice(1);
  admin.pathname = '/';
  const connection = await createConnection(admin.toString());
  await connection.query(
    `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await connection.end();
  await deliveryBench(url);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
