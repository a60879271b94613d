// `npm start`: build what changed (shared, server, the H5 mini-app), then run the server, which
// migrates and seeds its database and serves the H5 app at / and the API at /api.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { ensureBuilt, ROOT } from './build.mjs';

try {
  ensureBuilt(['shared', 'server', 'h5']);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (process.argv.includes('--build-only')) process.exit(0);

// The server alone runs as production unless told otherwise; `npm start` is the local demo, so
// it says development (an APP_ENV already set, e.g. production on a server, is kept).
const server = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, APP_ENV: process.env.APP_ENV || 'development' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
