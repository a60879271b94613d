// Mini-app budgets, printed, never asserted: the weapp main-package size (goal
// ≤ 500 KB, WeChat's cap 2 MB), the H5 first screen's JavaScript gzipped (goal ≤ 150 KB) and its
// LCP in Chromium throttled to ~400 kbps / 400 ms RTT (goal ≤ 2.5 s).
// Usage: node miniapp/scripts/size-bench.mjs [--skip-weapp-build] [--runs N]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { ensureBuilt, ROOT } from '../../scripts/build.mjs';
import { weappPackageSizes } from './weapp-package-sizes.cjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 3;
const WEAPP_DIR = join(ROOT, 'miniapp', 'dist', 'weapp');
const H5_DIR = join(ROOT, 'miniapp', 'dist', 'h5');
const KB = 1024;
// ~400 kbps both ways and 400 ms round trip, as a weak 3G/edge link in a county town.
const THROTTLE = {
  offline: false,
  latency: 400,
  downloadThroughput: 400_000 / 8,
  uploadThroughput: 400_000 / 8,
};

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

// 1. weapp: everything outside the subpackage roots is the main package.
function weappSizes() {
  if (!args.includes('--skip-weapp-build')) {
    const build = spawnSync('npm', ['run', 'build:weapp', '-w', '@titletrack/miniapp'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    if (build.status !== 0)
      throw new Error('weapp build failed (run npm run build:weapp to see why)');
  }
  return Object.fromEntries(
    Object.entries(weappPackageSizes(WEAPP_DIR)).map(([name, { bytes }]) => [name, bytes]),
  );
}

// 2. The product as `npm start` serves it, on a free port with a throw-away database.
async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'titletrack-bench-'));
  const child = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dataDir, 'bench.sqlite')}`,
      LOG_LEVEL: 'warn',
      APP_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /is ready: (http:\/\/localhost:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    baseUrl,
    close: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

const HOME = '/#/pages/index/index';

// 3. The scripts the first screen loads, gzipped from the build (the server sends them gzipped).
async function firstScreenJs(browser, baseUrl) {
  const page = await browser.newPage({ viewport: { width: 375, height: 667 } });
  const scripts = new Set();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      scripts.add(new URL(response.url()).pathname);
  });
  await page.goto(`${baseUrl}${HOME}`, { waitUntil: 'networkidle' });
  await page.close();
  let raw = 0;
  let gzip = 0;
  for (const path of scripts) {
    const file = join(H5_DIR, path);
    if (!existsSync(file)) continue;
    const content = readFileSync(file);
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: [...scripts], raw, gzip };
}

// 4. LCP of the first screen with the network throttled and no cache, and what it was: the
// server's drawing (#first-screen) or the app's own home screen, and when the app's own arrived.
async function throttledLcp(browser, baseUrl) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const element = entry.element;
        window.__lcp.push({
          at: entry.startTime,
          size: entry.size,
          drawnBy: element?.closest('#first-screen')
            ? 'server'
            : element?.closest('#app')
              ? 'app'
              : 'server (removed since)',
          text: (element?.textContent ?? '').slice(0, 24),
        });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  let transferred = 0;
  cdp.on('Network.loadingFinished', (event) => {
    transferred += event.encodedDataLength;
  });
  await page.goto(`${baseUrl}${HOME}`, { waitUntil: 'load', timeout: 120_000 });
  // The tiles are on the app's home screen whatever the round shows (a deadline, or "not
  // published yet"); `#home` is the app's page root, never the server's drawing.
  await page.locator('#home #nav-grid').waitFor({ timeout: 120_000 });
  const appDrawnAt = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  const entries = await page.evaluate(() => window.__lcp);
  await context.close();
  const last = entries[entries.length - 1] ?? null;
  return {
    lcp: last?.at ?? null,
    element: last,
    candidates: entries.length,
    appDrawnAt,
    transferred,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  ensureBuilt(['shared', 'server', 'h5']);
  const weapp = weappSizes();
  console.log('\n=== mini-app budgets ===');
  console.log(
    `weapp main package: ${weapp.main} bytes (${kb(weapp.main)}; goal ≤ 500 KB, WeChat cap 2048 KB)`,
  );
  for (const [root, bytes] of Object.entries(weapp))
    if (root !== 'main')
      console.log(`weapp subpackage ${root}: ${bytes} bytes (${kb(bytes)}; cap 2048 KB)`);

  const server = await startServer();
  const browser = await launch();
  try {
    const js = await firstScreenJs(browser, server.baseUrl);
    console.log(
      `H5 first screen JS: ${js.files.length} files, ${kb(js.raw)} raw, ${kb(js.gzip)} gzipped (goal ≤ 150 KB gzipped)`,
    );
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) runs.push(await throttledLcp(browser, server.baseUrl));
    const lcps = runs.map((run) => run.lcp).filter((value) => typeof value === 'number');
    const seconds = (ms) => (ms / 1000).toFixed(2);
    console.log(
      `H5 first screen LCP at 400 kbps / 400 ms RTT: median ${lcps.length ? seconds(median(lcps)) : 'n/a'} s over ${lcps.length} runs ` +
        `[${lcps.map(seconds).join(', ')}], ${kb(median(runs.map((run) => run.transferred)))} transferred (goal ≤ 2.5 s)`,
    );
    for (const [index, run] of runs.entries()) {
      console.log(
        `  run ${index + 1}: LCP ${run.lcp === null ? 'n/a' : seconds(run.lcp)} s, drawn by the ${run.element?.drawnBy ?? '?'} ("${run.element?.text ?? ''}…", ` +
          `${run.element?.size ?? 0} px², ${run.candidates} candidate(s)); the app's own home screen at ${seconds(run.appDrawnAt)} s`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
