import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { createConnection } from 'mysql2/promise';

import type { ApplicationEntity } from '../../src/modules/application/application.entity';
import { PlannerService } from '../../src/modules/reminders/planner.service';
import { newApplication } from '../support/factories';
import { createTestApp, isMysql } from '../support/test-app';
import {
  STAND_IN_APP_ID,
  STAND_IN_APP_SECRET,
  startWechatStandIn,
} from '../support/wechat-stand-in';
import type { RunningWechatStandIn } from '../support/wechat-stand-in';

// The reminders' fault test, MariaDB only: three real server processes push through the WeChat
// stand-in; one is killed with SIGKILL mid-batch and MariaDB is restarted once. At the end every
// due alert is in the inbox exactly once, nothing was pushed twice (the stand-in counts), and
// every alert not pushed is accounted for. It runs its own mariadbd (own port, own datadir in a
// temp dir) so restarting it disturbs no other suite.

const ROOT = resolve(__dirname, '..', '..', '..');
const TEMPLATE = 'tmpl-fault-returned-1';
const N = 600;
const DEADLINE_MS = 180_000;

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | false>,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== false) return value;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

class OwnMariadb {
  private child: ChildProcess | null = null;

  constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async create(dir: string): Promise<OwnMariadb> {
    const userArgs = process.getuid?.() === 0 ? ['--user=root'] : [];
    const install = spawnSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${join(dir, 'data')}`,
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
        ...userArgs,
      ],
      { stdio: 'ignore', timeout: 60_000 },
    );
    if (install.status !== 0) {
      throw new Error(
        'mariadb-install-db failed: the fault test needs mariadb-install-db and mariadbd on PATH (apt-get install mariadb-server)',
      );
    }
    const db = new OwnMariadb(dir, await freePort());
    await db.start();
    return db;
  }

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/titletrack_fault`;
  }

  async start(): Promise<void> {
    const userArgs = process.getuid?.() === 0 ? ['--user=root'] : [];
    this.child = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${join(this.dir, 'data')}`,
        `--port=${this.port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(this.dir, 'mysqld.sock')}`,
        `--pid-file=${join(this.dir, 'mysqld.pid')}`,
        '--innodb-buffer-pool-size=64M',
        '--skip-log-bin',
        ...userArgs,
      ],
      { stdio: 'ignore' },
    );
    await waitFor('the test MariaDB', async () => {
      const connection = await createConnection({
        host: '127.0.0.1',
        port: this.port,
        user: 'root',
      });
      await connection.query(
        'CREATE DATABASE IF NOT EXISTS titletrack_fault CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
      );
      await connection.end();
      return true;
    });
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.child = null;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill(signal);
    const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(force);
  }

  async query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const connection = await createConnection(this.url);
    try {
      const [rows] = await connection.query(sql, parameters);
      return rows as T[];
    } finally {
      await connection.end();
    }
  }
}

if (!isMysql()) {
  describe('reminders fault test', () => {
    it('is covered by the MySQL pass (it needs MariaDB, SKIP LOCKED and a server to restart)', () =>
      undefined);
  });
} else {
  describe('reminders fault test: 3 server processes, one SIGKILLed mid-batch, MariaDB restarted', () => {
    jest.setTimeout(DEADLINE_MS + 120_000);
    const dir = mkdtempSync(join(tmpdir(), 'titletrack-fault-'));
    const servers: ChildProcess[] = [];
    let db: OwnMariadb;
    let wechat: RunningWechatStandIn;

    beforeAll(async () => {
      // The servers run the built product (npm test builds it first; this is a no-op then).
      const build = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "import { ensureBuilt } from './scripts/build.mjs'; ensureBuilt(['shared', 'server'], () => undefined);",
        ],
        {
          cwd: ROOT,
          stdio: 'inherit',
          timeout: 180_000,
        },
      );
      if (build.status !== 0) throw new Error('building the server failed');
      db = await OwnMariadb.create(dir);
      wechat = await startWechatStandIn();
    });

    afterAll(async () => {
      for (const server of servers) if (server.exitCode === null) server.kill('SIGKILL');
      await db?.stop('SIGKILL');
      await wechat?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('every due alert is in the inbox once, none pushed twice, every unpushed one accounted for', async () => {
      const env = {
        DATABASE_URL: db.url,
        WECHAT_API_BASE: wechat.baseUrl,
        WECHAT_APPID: STAND_IN_APP_ID,
        WECHAT_SECRET: STAND_IN_APP_SECRET,
        WECHAT_TEMPLATE_APPLICATION_RETURNED: TEMPLATE,
        REMINDER_PLAN_INTERVAL_SECONDS: '0',
        REMINDER_PUSH_INTERVAL_SECONDS: '1',
        REMINDER_PUSH_BATCH_SIZE: '40',
        REMINDER_PUSH_CONCURRENCY: '8',
        REMINDER_PUSH_CLAIM_SECONDS: '5',
        REMINDER_PUSH_MAX_ATTEMPTS: '2',
        REMINDER_PUSH_BACKOFF_SECONDS: '1',
      };

      // 1. N returned applications, each bound to its own applicant: a tenth signed in without
      // WeChat, a tenth without a credit, a tenth whose sends WeChat always answers 45009.
      const t = await createTestApp(env);
      const applications: ApplicationEntity[] = [];
      for (let i = 0; i < N; i += 50) {
        applications.push(
          ...(await Promise.all(
            Array.from({ length: Math.min(50, N - i) }, () =>
              newApplication(t, {
                status: 'returned',
                statusChangedAt: new Date('2023-08-15T02:00:00Z'),
                submissionCount: 1,
              } as never),
            ),
          )),
        );
      }
      const openIdOf = (i: number) => (i % 10 === 0 ? `dev:fault-${i}` : `o-fault-${i}`);
      await t.dataSource.query(
        `INSERT INTO applicant (openId) VALUES ${applications.map(() => '(?)').join(',')}`,
        applications.map((_, i) => openIdOf(i)),
      );
      for (let i = 0; i < N; i += 1) {
        await t.dataSource.query(
          'INSERT INTO application_binding (applicantId, applicationId) SELECT id, ? FROM applicant WHERE openId = ?',
          [applications[i]?.id, openIdOf(i)],
        );
        if (i % 10 !== 1) {
          await t.dataSource.query(
            'INSERT INTO subscription_credit (applicantId, templateId, credits, acceptedTotal, isSwitchedOff) SELECT id, ?, 1, 1, 0 FROM applicant WHERE openId = ?',
            [TEMPLATE, openIdOf(i)],
          );
        }
        if (i % 10 === 2)
          wechat.standIn.sendScriptByOpenId.set(openIdOf(i), [45009, 45009, 45009, 45009]);
      }
      const planned = await t.app
        .get(PlannerService)
        .planApplications(applications, new Date('2023-08-15T03:00:00Z'));
      await t.close();
      expect(planned).toMatchObject({ applications: N, alerts: N, inboxMessages: N });

      // 2. Three server processes push, slowly enough that a batch is always in flight.
      wechat.standIn.sendDelayMs = 40;
      for (let i = 0; i < 3; i += 1) {
        servers.push(
          spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
            env: {
              // The servers are real processes: they get this one's environment, plus theirs.
              ...process.env,
              ...env,
              // Its own path prefix, so the stand-in can tell whose sends are in flight.
              WECHAT_API_BASE: `${wechat.baseUrl}/s${i}`,
              APP_ENV: 'test',
              PORT: '0',
              HOST: '127.0.0.1',
              LOG_LEVEL: 'warn',
              LOG_FILE: join(dir, `server-${i}.log`),
            },
            stdio: 'ignore',
          }),
        );
      }

      // 3. Kill one mid-batch, then restart MariaDB under the other two.
      // Server 0 is killed while WeChat holds sends of its batch: those rows are `sending`.
      await waitFor(
        'server 0 mid-batch',
        async () =>
          wechat.standIn.sendRequests >= 60 && (wechat.standIn.inFlightByCaller.get('s0') ?? 0) > 0,
        90_000,
        2,
      );
      servers[0]?.kill('SIGKILL');
      const inFlightAtKill = wechat.standIn.inFlightByCaller.get('s0') ?? 0;
      const sendsAtKill = wechat.standIn.sendRequests;
      await waitFor(
        'more pushes',
        async () => wechat.standIn.sendRequests >= sendsAtKill + 60,
        90_000,
        20,
      );
      await db.stop('SIGTERM');
      await sleep(1500);
      await db.start();

      // 4. Until nothing is left to do (retries back off 1 s; a dead worker's rows wait 5 s).
      const open = async () =>
        (
          await db.query<{ n: number }>(
            "SELECT COUNT(*) AS n FROM inbox_message WHERE pushState IN ('pending', 'claimed', 'ready', 'sending')",
          )
        )[0]?.n;
      await waitFor('every push settled', async () => Number(await open()) === 0, DEADLINE_MS, 500);
      for (const server of servers) if (server.exitCode === null) server.kill('SIGKILL');

      // 5. The proof.
      const states = Object.fromEntries(
        (
          await db.query<{ pushState: string; n: number }>(
            'SELECT pushState, COUNT(*) AS n FROM inbox_message GROUP BY pushState',
          )
        ).map((r) => [r.pushState, Number(r.n)]),
      ) as Record<string, number>;
      const [{ alerts, inbox, distinctAlerts }] = (await db.query<{
        alerts: number;
        inbox: number;
        distinctAlerts: number;
      }>(
        'SELECT (SELECT COUNT(*) FROM reminder_alert) AS alerts, COUNT(*) AS inbox, COUNT(DISTINCT alertId) AS distinctAlerts FROM inbox_message',
      )) as [{ alerts: number; inbox: number; distinctAlerts: number }];
      const delivered = [...wechat.standIn.deliveredPages.keys()].map((key) =>
        Number(/messageId=(\d+)/.exec(key)?.[1]),
      );
      const deliveredStates =
        delivered.length === 0
          ? []
          : await db.query<{ id: number; pushState: string }>(
              `SELECT id, pushState FROM inbox_message WHERE id IN (${delivered.map(() => '?').join(',')})`,
              delivered,
            );
      const counts = {
        dueAlerts: Number(alerts),
        inboxMessages: Number(inbox),
        pushed: wechat.standIn.deliveredTotal(),
        duplicatePushes: wechat.standIn.duplicatePages(),
        sent: states.sent ?? 0,
        outcomeUnknown: states.outcome_unknown ?? 0,
        noSubscription: states.no_subscription ?? 0,
        deadLetter: states.failed ?? 0,
        notApplicable: states.not_applicable ?? 0,
        quietHours: 0, // every alert here is due within 12 hours: never held
        sendRequests: wechat.standIn.sendRequests,
        inFlightAtKill,
      };
      process.stdout.write(`[reminders fault test] ${JSON.stringify(counts)}\n`);

      expect(Number(alerts)).toBe(N);
      expect(Number(inbox)).toBe(N);
      expect(Number(distinctAlerts)).toBe(N);
      expect(counts.duplicatePushes).toBe(0);
      // The kill landed mid-batch: what server 0 had in flight is outcome unknown, not resent.
      expect(inFlightAtKill).toBeGreaterThan(0);
      expect(counts.outcomeUnknown).toBeGreaterThan(0);
      for (const n of wechat.standIn.delivered.values()) expect(n).toBe(1);
      // Everything is accounted for.
      expect(
        counts.sent +
          counts.outcomeUnknown +
          counts.noSubscription +
          counts.deadLetter +
          counts.notApplicable,
      ).toBe(N);
      expect(counts.notApplicable).toBe(N / 10);
      expect(counts.noSubscription).toBe(N / 10);
      // Per group: the 45009 ones end dead-lettered (or outcome unknown, if their worker died
      // mid-send); those with a credit end sent (or outcome unknown).
      const byGroup = await db.query<{ grp: number; pushState: string; n: number }>(
        "SELECT CAST(SUBSTRING(p.openId, 9) AS UNSIGNED) % 10 AS grp, m.pushState, COUNT(*) AS n FROM inbox_message m JOIN applicant p ON p.id = m.applicantId WHERE p.openId LIKE 'o-fault-%' GROUP BY grp, m.pushState",
      );
      for (const row of byGroup) {
        const grp = Number(row.grp);
        if (grp === 1) expect(row.pushState).toBe('no_subscription');
        else if (grp === 2) expect(['failed', 'outcome_unknown']).toContain(row.pushState);
        else expect(['sent', 'outcome_unknown']).toContain(row.pushState);
      }
      // Every push WeChat received is marked sent, or outcome unknown when its worker died
      // before it could say; every row marked sent was received.
      expect(
        deliveredStates.every(
          (row) => row.pushState === 'sent' || row.pushState === 'outcome_unknown',
        ),
      ).toBe(true);
      expect(counts.pushed).toBeGreaterThanOrEqual(counts.sent);
      expect(counts.pushed - counts.sent).toBeLessThanOrEqual(counts.outcomeUnknown);
    });
  });
}
