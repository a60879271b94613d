import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';

import { ERROR_CODE } from '@titletrack/shared/contract';

import { refusedRequests } from '../support/fuzz/requests';
import type { FuzzCredentials, FuzzRequest, RouteCallers } from '../support/fuzz/requests';
import { listWriteRoutes } from '../support/fuzz/routes';
import type { WriteRoute } from '../support/fuzz/routes';
import { callerFrom } from '../support/requests';
import { dumpTables } from '../support/table-dump';
import { createTestApp, isMysql } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const STAFF_PASSWORD = 'a long enough password';
const WEBHOOK_SECRET = 'f'.repeat(40);
const WECHAT_PUSH_TOKEN = 'fuzzPushToken42';
const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODE));
// At least this many requests in all, spread evenly over the write routes.
const MIN_TOTAL_RUNS = 10_000;
// About a minute on MariaDB on a two-core machine; the margin is for a loaded one.
const FUZZ_TIMEOUT_MS = 6 * 60_000;
const COUNTS_FILE = resolve(__dirname, '../../../.test-results/fuzz-counts.json');

// Tables a refused request may legitimately change, left out of the before/after comparison,
// each with its reason. None today: every request here is refused by a guard, a pipe or a
// signature check before any service runs, so not even rate_limit_counter (which counts
// refused sign-ins and bindings, on purpose) moves. A table added here needs a line saying why
// a refusal must write to it.
const CHANGED_BY_REFUSALS: readonly string[] = [];

interface EndpointCount {
  runs: number;
  admitted: string[];
  byFault: Record<string, number>;
  byStatus: Record<string, number>;
}

const increment = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

// Pino batches lines in memory (app.module.ts); they are written out before being read.
function readLogLines(file: string): string[] {
  const stream = (PinoLogger.root as unknown as Record<symbol, { flushSync: () => void }>)[
    pino.symbols.streamSym
  ];
  stream?.flushSync();
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

function describeAnswer(
  request: FuzzRequest,
  status: number,
  body: string,
  logs: string[],
): string {
  const payload =
    request.payload === undefined
      ? ''
      : Buffer.isBuffer(request.payload)
        ? `<${request.payload.length} bytes>`
        : request.payload.slice(0, 500);
  return [
    `${request.method} ${request.url.slice(0, 300)} (${request.fault})`,
    `headers: ${JSON.stringify(request.headers).slice(0, 300)}`,
    `payload: ${payload}`,
    `answer: ${status} ${body.slice(0, 500)}`,
    ...logs.slice(-3),
  ].join('\n');
}

describe('fuzzing every write endpoint with malformed requests', () => {
  const directory = mkdtempSync(join(tmpdir(), 'titletrack-fuzz-'));
  const logFile = join(directory, 'app.log');
  let t: TestApp;
  let routes: WriteRoute[];
  let credentials: FuzzCredentials;
  let inject: NestFastifyApplication['inject'];
  const callers = new Map<WriteRoute, RouteCallers>();
  const counts: Record<string, EndpointCount> = {};

  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      PLATFORM_WEBHOOK_SECRETS: WEBHOOK_SECRET,
      WECHAT_PUSH_TOKEN,
      LOG_FILE: logFile,
      LOG_LEVEL: 'error',
    });
    const from = callerFrom('192.0.2');
    const admin = (await t.api.post('/api/auth/staff').set(from()).send(ADMIN).expect(200)).body
      .token as string;
    const staffAccount = async (username: string, fields: Record<string, string>) => {
      await t.api
        .post('/api/staff/users')
        .set(from(admin))
        .send({ username, displayName: username, password: STAFF_PASSWORD, ...fields })
        .expect(201);
      return (
        await t.api
          .post('/api/auth/staff')
          .set(from())
          .send({ username, password: STAFF_PASSWORD })
          .expect(200)
      ).body.token as string;
    };
    credentials = {
      tokens: {
        applicant: (
          await t.api.post('/api/auth/dev').set(from()).send({ devUserId: 'fuzz-1' }).expect(200)
        ).body.token,
        prefectureOffice: admin,
        countyHrBureau: await staffAccount('fuzz_county', {
          role: 'county_hr_bureau',
          county: '于田县',
        }),
        seriesAuthority: await staffAccount('fuzz_series', {
          role: 'series_authority',
          series: 'health',
        }),
      },
      webhookSecret: WEBHOOK_SECRET,
      wechatPushToken: WECHAT_PUSH_TOKEN,
    };
    routes = listWriteRoutes(t.app);
    // Who may call each route is asked of the route itself, not of the auth module: a request
    // without a token, then one per principal whose parameters and body are refused anyway.
    const fastify = (t.app as NestFastifyApplication).getHttpAdapter().getInstance();
    inject = fastify.inject.bind(fastify) as NestFastifyApplication['inject'];
    const probe = (route: WriteRoute, headers: Record<string, string>) =>
      inject({
        method: route.method,
        url: route.path.replace(/:\w+/g, 'x'),
        headers: {
          ...headers,
          'content-type': 'application/json',
          'x-forwarded-for': '192.0.2.250',
        },
        payload: '{"fuzz_probe":1}',
      });
    for (const route of routes) {
      const requiresAuth = (await probe(route, {})).statusCode === 401;
      const admitted: string[] = [];
      // Without a parameter or a body to refuse, a probe would do the work (log out, mark read).
      if (requiresAuth && (route.params.length > 0 || route.hasBodyDto || route.isMultipart)) {
        for (const [name, token] of Object.entries(credentials.tokens)) {
          const res = await probe(route, { Authorization: `Bearer ${token}` });
          if (res.statusCode !== 401 && res.statusCode !== 403) admitted.push(name);
        }
      }
      callers.set(route, { requiresAuth, admitted });
    }
  });

  afterAll(async () => {
    await t.close();
    rmSync(directory, { recursive: true, force: true });
    const byEndpoint = Object.fromEntries(
      Object.entries(counts).map(([endpoint, count]) => [endpoint, count.runs]),
    );
    const total = Object.values(byEndpoint).reduce((sum, runs) => sum + runs, 0);
    const database = isMysql() ? 'mariadb' : 'sqlite';
    mkdirSync(resolve(COUNTS_FILE, '..'), { recursive: true });
    const previous: unknown = existsSync(COUNTS_FILE)
      ? JSON.parse(readFileSync(COUNTS_FILE, 'utf8'))
      : {};
    writeFileSync(
      COUNTS_FILE,
      `${JSON.stringify({ ...(previous as object), [database]: { total, byEndpoint, detail: counts } }, null, 2)}\n`,
    );
    process.stdout.write(
      `fuzz (${database}): ${total} requests over ${Object.keys(byEndpoint).length} write endpoints\n${Object.entries(
        byEndpoint,
      )
        .map(([endpoint, runs]) => `  ${String(runs).padStart(5)}  ${endpoint}`)
        .join('\n')}\n`,
    );
  });

  it('finds the write routes, every one of them fuzzable', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/platform/events',
        'POST /api/wechat/push',
        'POST /api/staff/imports',
        'PUT /api/me/facts',
      ]),
    );
  });

  it(
    'answers every malformed body, file and webhook delivery with a 4xx and a known code, and writes nothing',
    async () => {
      const runsPerRoute = Math.ceil(MIN_TOTAL_RUNS / routes.length);
      for (const route of routes) {
        const endpoint = `${route.method} ${route.path}`;
        const count: EndpointCount = {
          runs: 0,
          admitted: callers.get(route)?.admitted ?? [],
          byFault: {},
          byStatus: {},
        };
        counts[endpoint] = count;
        const before = await dumpTables(t.dataSource, CHANGED_BY_REFUSALS);
        await fc.assert(
          fc.asyncProperty(
            refusedRequests(
              route,
              credentials,
              callers.get(route) ?? { requiresAuth: false, admitted: [] },
            ),
            async (request) => {
              const res = await inject({
                method: request.method as 'POST',
                url: request.url,
                headers: request.headers,
                ...(request.payload === undefined ? {} : { payload: request.payload }),
              });
              count.runs += 1;
              increment(count.byFault, request.fault);
              increment(count.byStatus, String(res.statusCode));
              let code: unknown;
              try {
                code = (JSON.parse(res.body) as { code?: unknown }).code;
              } catch {
                code = undefined;
              }
              const isRefusal =
                res.statusCode >= 400 &&
                res.statusCode < 500 &&
                String(res.headers['content-type']).startsWith('application/json') &&
                typeof code === 'string' &&
                KNOWN_CODES.has(code);
              if (!isRefusal) {
                throw new Error(
                  describeAnswer(request, res.statusCode, res.body, readLogLines(logFile)),
                );
              }
            },
          ),
          { numRuns: runsPerRoute, endOnFailure: true },
        );
        const after = await dumpTables(t.dataSource, CHANGED_BY_REFUSALS);
        expect({ endpoint, tables: after }).toEqual({ endpoint, tables: before });
      }
      const total = Object.values(counts).reduce((sum, count) => sum + count.runs, 0);
      expect(total).toBeGreaterThanOrEqual(MIN_TOTAL_RUNS);
    },
    FUZZ_TIMEOUT_MS,
  );
});
