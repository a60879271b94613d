/* eslint-disable no-restricted-properties -- a benchmark builds the environment of the server it starts */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

const MAIN_JS = join(resolve(__dirname, '..', '..'), 'dist', 'main.js');

// The environment production gives the product: fresh keys, the production environment and its
// default log level, request lines to a file, a public address. `extra` adds to it.
export function productionEnv(
  databaseUrl: string,
  logFile: string,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_ENV: 'production',
    ID_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    ID_ENCRYPTION_CURRENT_KEY_ID: 'k1',
    ID_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    CERTIFICATE_SIGNING_KEY: randomBytes(32).toString('base64'),
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    PUBLIC_BASE_URL: 'https://titletrack.example.cn',
    LOG_FILE: logFile,
    ...extra,
  };
  delete env.LOG_LEVEL;
  return env;
}

// The product as production runs it (dist/main.js in its own process); the listening port is
// read from its ready line. `profileDir`: write a V8 CPU profile there.
export function startProduct(
  env: NodeJS.ProcessEnv,
  profileDir: string | null = null,
): Promise<[ChildProcess, number]> {
  const flags = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...flags, MAIN_JS], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = /is ready: http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port) resolvePromise([child, Number(port)]);
    });
    child.once('exit', (code) => reject(new Error(`The product exited with ${String(code)}`)));
  });
}
