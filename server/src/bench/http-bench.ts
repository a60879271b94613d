/* eslint-disable no-console, no-restricted-properties -- a command-line benchmark: it prints, and it builds the environment of the server it starts */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import autocannon from 'autocannon';

import { freshMysqlDatabase } from './generated-export';
import type { BytesRoute, LookupArgument, SignedInApplicant } from './http-bench-servers';
import { productionEnv, startProduct } from './product-process';

// `npm run bench`: HTTP throughput of the product against a bare Fastify doing the same work,
// one after another on this machine (autocannon runs here, each server in its own process).
// Goal: every product row at ≥ 50 % of its bare counterpart, and p99 ≤ 25 ms for the signed-in
// reads. Usage: node dist/bench/http-bench.js [--duration 10] [--connections 100]
// [--mysql mysql://root@127.0.0.1:3306/db] [--profile]

const SERVER_ROOT = resolve(__dirname, '..', '..');
const MAIN_JS = join(SERVER_ROOT, 'dist', 'main.js');
const SERVERS_JS = join(__dirname, 'http-bench-servers.js');
const H5_INDEX = join(SERVER_ROOT, '..', 'miniapp', 'dist', 'h5', 'index.html');
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 25;
const PROFILE_TOP = 15;
// The key of the bare hello baseline (the same-bytes ones are keyed by their path).
const HELLO = 'hello';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const DURATION = Number(arg('--duration') ?? 10);
const CONNECTIONS = Number(arg('--connections') ?? 100);
const MYSQL_URL = arg('--mysql');
const IS_PROFILING = process.argv.includes('--profile');

interface Measure {
  requestsPerSecond: number;
  p99: number;
  failures: number;
}

interface Row {
  endpoint: string;
  measure: Measure;
  bare: string;
  bareMeasure: Measure | null;
  isSignedIn: boolean;
}

async function load(url: string, headers: Record<string, string> = {}): Promise<Measure> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

// A child that answers { port } (a bare server) or its result (setup) over IPC.
function forkChild<T>(
  role: string,
  argument: string,
  env: NodeJS.ProcessEnv,
): Promise<[ChildProcess, T]> {
  const child = fork(SERVERS_JS, [role, argument], {
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolvePromise, reject) => {
    child.once('message', (message) => resolvePromise([child, message as T]));
    child.once('exit', (code) => reject(new Error(`${role} exited with ${String(code)}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function bare(
  role: string,
  argument: string,
  paths: string[],
): Promise<Map<string, Measure>> {
  const [child, { port }] = await forkChild<{ port: number }>(role, argument, process.env);
  const measures = new Map<string, Measure>();
  try {
    for (const path of paths) measures.set(path, await load(`http://127.0.0.1:${port}${path}`));
  } finally {
    await stop(child);
  }
  return measures;
}

const rssMib = (pid: number | undefined): string => {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
  return `${(kib / 1024).toFixed(0)} MiB`;
};

async function fetchBytes(base: string, paths: string[]): Promise<BytesRoute[]> {
  const routes: BytesRoute[] = [];
  for (const path of paths) {
    const response = await fetch(`${base}${path}`);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    routes.push({
      path,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      base64: Buffer.from(await response.arrayBuffer()).toString('base64'),
    });
  }
  return routes;
}

interface Suite {
  label: string;
  rows: Row[];
  rss: { idle: string; after: string };
  profileDir: string | null;
  baselines: Map<string, Measure>;
}

async function runSuite(
  label: string,
  databaseUrl: string,
  tmp: string,
  publicBaselines: Map<string, Measure> | null,
): Promise<Suite> {
  const env = productionEnv(databaseUrl, join(tmp, `product-${label}.log`));
  const [, signedIn] = await forkChild<SignedInApplicant>('setup', '', env);
  const profileDir = IS_PROFILING ? join(tmp, `profile-${label}`) : null;
  if (profileDir) mkdirSync(profileDir);
  const [product, port] = await startProduct(env, profileDir);
  const base = `http://127.0.0.1:${port}`;
  const publicPaths = ['/api/calendars/2023', '/api/notices'];
  if (existsSync(H5_INDEX)) publicPaths.push('/');
  else console.log('note: no H5 build at miniapp/dist/h5, GET / is skipped');
  const mine = `/api/me/applications/${signedIn.applicationId}`;
  const auth = { authorization: `Bearer ${signedIn.token}` };
  let bytesFile = '';
  const measured = new Map<string, Measure>();
  let rss = { idle: '', after: '' };
  try {
    rss.idle = rssMib(product.pid);
    for (const path of [mine, `${mine}/progress`]) {
      const response = await fetch(`${base}${path}`, { headers: auth });
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    }
    bytesFile = join(tmp, `bytes-${label}.json`);
    writeFileSync(bytesFile, JSON.stringify(await fetchBytes(base, publicPaths)));
    measured.set('/api/health', await load(`${base}/api/health`));
    for (const path of publicPaths) measured.set(path, await load(`${base}${path}`));
    measured.set(mine, await load(`${base}${mine}`, auth));
    measured.set(`${mine}/progress`, await load(`${base}${mine}/progress`, auth));
    rss = { ...rss, after: rssMib(product.pid) };
  } finally {
    await stop(product);
  }

  // The bare counterparts run after the product has stopped, so nothing else competes.
  const baselines =
    publicBaselines ??
    new Map([
      [HELLO, (await bare('hello', '', ['/'])).get('/') as Measure],
      ...(await bare('bytes', bytesFile, publicPaths)),
    ]);
  const lookup: LookupArgument = {
    databaseUrl,
    applicationId: signedIn.applicationId,
    applicantId: signedIn.applicantId,
  };
  const lookupRole = databaseUrl.startsWith('mysql:') ? 'lookup-mysql' : 'lookup-sqlite';
  const lookupMeasure = (await bare(lookupRole, JSON.stringify(lookup), ['/'])).get('/') ?? null;
  const row = (
    endpoint: string,
    path: string,
    bareName: string,
    bareMeasure: Measure | null,
    isSignedIn = false,
  ): Row => ({
    endpoint: `${label} GET ${endpoint}`,
    measure: measured.get(path) as Measure,
    bare: bareName,
    bareMeasure,
    isSignedIn,
  });
  return {
    label,
    rows: [
      row('/api/health', '/api/health', 'bare hello', baselines.get(HELLO) ?? null),
      ...publicPaths.map((path) => row(path, path, 'bare same bytes', baselines.get(path) ?? null)),
      row(
        '/api/me/applications/:id',
        mine,
        `bare + ${lookupRole === 'lookup-mysql' ? 'mysql2 query' : 'prepared stmt'}`,
        lookupMeasure,
        true,
      ),
      row(
        '/api/me/applications/:id/progress',
        `${mine}/progress`,
        `bare + ${lookupRole === 'lookup-mysql' ? 'mysql2 query' : 'prepared stmt'}`,
        lookupMeasure,
        true,
      ),
    ],
    rss,
    profileDir,
    baselines,
  };
}

// Self time per function (name + url:line) summed over the profile's samples.
function printProfile(profileDir: string): void {
  const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) {
    console.log(`no .cpuprofile in ${profileDir}`);
    return;
  }
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as {
    nodes: Array<{
      id: number;
      callFrame: { functionName: string; url: string; lineNumber: number };
    }>;
    samples: number[];
    timeDeltas: number[];
  };
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^file:\/\//, '')}:${lineNumber + 1}`;
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + delta);
  });
  console.log(`top ${PROFILE_TOP} self time (${file}, ${(total / 1e6).toFixed(1)} s sampled):`);
  [...selfMicros.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, PROFILE_TOP)
    .forEach(([key, micros]) =>
      console.log(
        `  ${(micros / 1000).toFixed(0).padStart(7)} ms ${((100 * micros) / total).toFixed(1).padStart(5)} %  ${key}`,
      ),
    );
}

function printTable(suites: Suite[]): void {
  const header = [
    'endpoint',
    'req/s',
    'p99 ms',
    'bare counterpart',
    'bare req/s',
    'bare p99 ms',
    'ratio',
    'goal',
  ];
  const lines = suites.flatMap((suite) =>
    suite.rows.map((row) => {
      const ratio = row.bareMeasure
        ? row.measure.requestsPerSecond / row.bareMeasure.requestsPerSecond
        : NaN;
      const isMet =
        ratio >= GOAL_RATIO &&
        (!row.isSignedIn || row.measure.p99 <= GOAL_P99_MS) &&
        row.measure.failures === 0;
      return [
        row.endpoint,
        row.measure.requestsPerSecond.toFixed(0),
        String(row.measure.p99),
        row.bare,
        row.bareMeasure ? row.bareMeasure.requestsPerSecond.toFixed(0) : '-',
        // What the same work costs at the tail with no framework: the floor under the p99 goal.
        row.bareMeasure ? String(row.bareMeasure.p99) : '-',
        `${(100 * ratio).toFixed(0)} %`,
        `${isMet ? 'met' : 'MISSED'}${row.measure.failures > 0 ? ` (${row.measure.failures} non-2xx/errors)` : ''}`,
      ];
    }),
  );
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)),
  );
  const format = (cells: string[]): string =>
    cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(
    `http: ${CONNECTIONS} connections × ${DURATION} s each; goal ≥ ${GOAL_RATIO * 100} % of bare, p99 ≤ ${GOAL_P99_MS} ms for the signed-in reads`,
  );
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const line of lines) console.log(format(line));
  for (const suite of suites)
    console.log(
      `${suite.label} product RSS: ${suite.rss.idle} idle after start, ${suite.rss.after} after the run`,
    );
}

async function main(): Promise<void> {
  if (!existsSync(MAIN_JS)) throw new Error(`No ${MAIN_JS}: build the server first`);
  const tmp = mkdtempSync(join(tmpdir(), 'titletrack-http-bench-'));
  const suites = [await runSuite('sqlite', `sqlite:${join(tmp, 'bench.sqlite')}`, tmp, null)];
  if (MYSQL_URL) {
    // The hello and same-bytes baselines touch no database: the SQLite suite's serve both.
    const baselines = suites[0]?.baselines ?? null;
    suites.push(await runSuite('mariadb', await freshMysqlDatabase(MYSQL_URL), tmp, baselines));
  }
  printTable(suites);
  for (const suite of suites)
    if (suite.profileDir) {
      console.log(`${suite.label} product profile:`);
      printProfile(suite.profileDir);
    }
  console.log(`logs and profiles: ${tmp}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
