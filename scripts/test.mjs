// `npm test`: every suite of every workspace, then one line `N passed, N failed`.
// 1. prerequisites (Chromium, MariaDB: installed and started when we may, else a clear stop);
// 2. the suites, each writing a jest JSON report; 3. the sum.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ensureBuilt, ROOT } from './build.mjs';

const RESULTS = join(ROOT, '.test-results');
const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/titletrack_test';
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const SUITE_TIMEOUT_MS = 20 * 60_000;

const prereqs = spawnSync('bash', [join(ROOT, 'scripts', 'test-prereqs.sh')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TEST_MYSQL_DATABASE: new URL(MYSQL_URL).pathname.slice(1) },
});
if (prereqs.status !== 0) {
  process.stderr.write(
    'npm test stopped: a prerequisite is missing (see above). No suite was skipped.\n',
  );
  process.exit(1);
}

// The browser suite drives the built product, as a user gets it from `npm start`.
ensureBuilt(['shared', 'server', 'h5']);

const SUITES = [
  { name: 'shared', config: 'shared/jest.config.js', args: ['-w', '2'] },
  {
    name: 'server (SQLite)',
    config: 'server/jest.config.js',
    args: ['-w', '2'],
    env: { DATABASE_URL: 'sqlite::memory:' },
  },
  // One worker: every file of the MySQL pass shares one database.
  {
    name: 'server (MariaDB)',
    config: 'server/jest.config.js',
    args: ['--runInBand'],
    env: { DATABASE_URL: MYSQL_URL },
  },
  { name: 'miniapp', config: 'miniapp/jest.config.js', args: ['-w', '2'] },
  { name: 'weapp (simulator)', config: 'miniapp/weapp-test/jest.config.js', args: ['--runInBand'] },
  { name: 'browser (Chromium)', config: 'miniapp/e2e/jest.config.js', args: ['--runInBand'] },
];

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

// ts-jest only transpiles (isolatedModules), so the compiler checks every workspace here: one
// check per workspace, counted like a test.
process.stdout.write('\n=== typecheck ===\n');
let typecheckPassed = 0;
let typecheckFailed = 0;
// The weapp simulator suite has a project of its own: WeChat's API typings it needs redefine
// `require`, which the mini-app's build config uses as Node's.
for (const project of ['shared', 'server', 'miniapp', 'miniapp/weapp-test']) {
  const check = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(project, 'tsconfig.json'),
      '--noEmit',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  process.stdout.write(`${check.status === 0 ? 'PASS' : 'FAIL'} tsc ${project}\n`);
  if (check.status === 0) typecheckPassed += 1;
  else typecheckFailed += 1;
}
totals.passed += typecheckPassed;
totals.failed += typecheckFailed;
lines.push(`${'typecheck'.padEnd(20)} ${typecheckPassed} passed, ${typecheckFailed} failed`);

// Lint (type-aware ESLint) and format (Prettier), each counted like a test.
process.stdout.write('\n=== lint and format ===\n');
let lintPassed = 0;
let lintFailed = 0;
for (const [name, bin, args] of [
  [
    'eslint',
    join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'),
    ['.', '--max-warnings', '0'],
  ],
  [
    'prettier',
    join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
    ['--check', '.', '--log-level', 'warn'],
  ],
]) {
  const check = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, stdio: 'inherit' });
  process.stdout.write(`${check.status === 0 ? 'PASS' : 'FAIL'} ${name}\n`);
  if (check.status === 0) lintPassed += 1;
  else lintFailed += 1;
}
totals.passed += lintPassed;
totals.failed += lintFailed;
lines.push(`${'lint and format'.padEnd(20)} ${lintPassed} passed, ${lintFailed} failed`);
for (const [index, suite] of SUITES.entries()) {
  const report = join(RESULTS, `${index}.json`);
  process.stdout.write(`\n=== ${suite.name} ===\n`);
  // --forceExit and a time limit: a leaked handle must fail a suite, never hang CI.
  const run = spawnSync(
    process.execPath,
    [
      JEST,
      '-c',
      suite.config,
      '--ci',
      '--forceExit',
      '--json',
      `--outputFile=${report}`,
      ...suite.args,
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...suite.env },
      timeout: SUITE_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    },
  );
  if (run.error) process.stdout.write(`${suite.name}: ${run.error.message}\n`);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    passed = result.numPassedTests;
    failed = result.numFailedTests + result.numRuntimeErrorTestSuites;
    skipped = result.numPendingTests + result.numTodoTests;
    if (result.numTotalTests === 0) failed += 1; // a suite that ran nothing is a failure, not a pass
  }
  // A crash without a report, or a non-zero exit with no failing test, still counts as a failure.
  if (run.status !== 0 && failed === 0) failed = 1;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(
    `${suite.name.padEnd(20)} ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
}

const finalLine = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
writeFileSync(join(RESULTS, 'summary.txt'), `${lines.join('\n')}\n${finalLine}\n`);
process.stdout.write(`\n=== summary ===\n${lines.join('\n')}\n${finalLine}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
