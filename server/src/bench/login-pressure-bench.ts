/* eslint-disable no-console -- a command-line benchmark: it prints */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';

import { productionEnv, startProduct } from './product-process';

// How the rest of the API answers while staff sign-in is under attack: the product started as
// production starts it (dist/main.js, production environment, SQLite file), 16 connections firing
// wrong staff passwords without pause, each attempt from a new address and for a new username so
// that the sign-in limits never short-cut it and every attempt asks for a bcrypt check (the worst
// case for the hashing). Meanwhile one client asks /api/health one request at a time, 10 ms
// apart. Prints the health latencies without and with the load, and what the attempts got.
// Usage (after `npm run build`): node dist/bench/login-pressure-bench.js [--duration 10]

const ADMIN = { username: 'bench_admin', password: 'bench password long enough' };
const LOGIN_CONNECTIONS = 16;
const PROBE_GAP_MS = 10;

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const DURATION_SECONDS = Number(arg('--duration') ?? 10);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

function describe(latencies: number[], failures: number): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `n=${sorted.length}${failures > 0 ? ` (+${failures} unanswered)` : ''} p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms`;
}

async function probeHealth(base: string, seconds: number): Promise<string> {
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      if (res.ok) latencies.push(performance.now() - started);
      else failures += 1;
    } catch {
      failures += 1;
    }
    await sleep(PROBE_GAP_MS);
  }
  return describe(latencies, failures);
}

function fireWrongLogins(base: string): {
  instance: autocannon.Instance;
  done: Promise<autocannon.Result>;
} {
  let attempt = 0;
  const instance = autocannon(
    {
      url: base,
      connections: LOGIN_CONNECTIONS,
      pipelining: 1,
      duration: DURATION_SECONDS,
      requests: [
        {
          method: 'POST',
          path: '/api/auth/staff',
          setupRequest: (request) => {
            attempt += 1;
            // The product trusts X-Forwarded-For from loopback (its load balancer).
            const address = `10.${(attempt >> 16) & 255}.${(attempt >> 8) & 255}.${attempt & 255}`;
            return {
              ...request,
              headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
              body: JSON.stringify({ username: `guess_${attempt}`, password: `wrong ${attempt}` }),
            };
          },
        },
      ],
    },
    () => undefined,
  );
  const done = new Promise<autocannon.Result>((resolveDone, reject) =>
    instance.on('done', resolveDone).on('error', reject),
  );
  return { instance, done };
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'titletrack-login-bench-'));
  const env = productionEnv(`sqlite:${join(tmp, 'bench.sqlite')}`, join(tmp, 'product.log'), {
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
  });
  const [product, port] = await startProduct(env);
  const base = `http://127.0.0.1:${port}`;
  try {
    const idle = await probeHealth(base, DURATION_SECONDS);
    const load = fireWrongLogins(base);
    const during = await probeHealth(base, DURATION_SECONDS);
    const result = await load.done;
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .map(([status, { count }]) => `${status}×${count}`)
      .join(', ');
    console.log(`/api/health without login load: ${idle}`);
    console.log(`/api/health under ${LOGIN_CONNECTIONS} concurrent wrong staff logins: ${during}`);
    console.log(
      `login attempts: ${result.requests.total} in ${DURATION_SECONDS} s (${statuses}; ${result.errors} errors), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
    // The attempts still queued when the load stops are answered first; then the admin's turn.
    const stopped = performance.now();
    let status = 0;
    while (performance.now() - stopped < 20_000) {
      const signIn = await fetch(`${base}/api/auth/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
        body: JSON.stringify(ADMIN),
      });
      status = signIn.status;
      if (status !== 429) break;
      await sleep(250);
    }
    console.log(
      `the admin's own sign-in after the load: ${status} (${((performance.now() - stopped) / 1000).toFixed(1)} s after it stopped)`,
    );
  } finally {
    product.kill('SIGTERM');
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
