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

const server = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
  cwd: ROOT,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
