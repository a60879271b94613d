// Builds what needs building, and only that: each target keeps a stamp of its inputs (paths,
// sizes, modification times); a second `npm start` with nothing changed builds nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const TARGETS = {
  shared: {
    inputs: [
      'shared/src',
      'shared/package.json',
      'shared/tsconfig.json',
      'shared/tsconfig.build.json',
      'shared/tsconfig.esm.json',
    ],
    stamp: 'shared/dist/.build-stamp',
    command: ['npm', ['run', 'build', '-w', '@titletrack/shared']],
    dependsOn: [],
  },
  server: {
    inputs: [
      'server/src',
      'server/package.json',
      'server/tsconfig.json',
      'server/tsconfig.build.json',
    ],
    stamp: 'server/dist/.build-stamp',
    command: ['npm', ['run', 'build', '-w', '@titletrack/server']],
    dependsOn: ['shared'],
  },
  h5: {
    inputs: [
      'miniapp/src',
      'miniapp/config',
      'miniapp/package.json',
      'miniapp/babel.config.js',
      'miniapp/.env.production',
    ],
    stamp: 'miniapp/dist/h5/.build-stamp',
    command: ['npm', ['run', 'build:h5', '-w', '@titletrack/miniapp']],
    dependsOn: ['shared'],
  },
};

function listFiles(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  const stat = statSync(full);
  if (!stat.isDirectory()) return [`${path}:${stat.size}:${stat.mtimeMs}`];
  return readdirSync(full)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

function fingerprint(name) {
  const target = TARGETS[name];
  const hash = createHash('sha256');
  for (const input of target.inputs) for (const line of listFiles(input)) hash.update(`${line}\n`);
  for (const dependency of target.dependsOn) hash.update(fingerprint(dependency));
  return hash.digest('hex');
}

function isFresh(name) {
  const stamp = join(ROOT, TARGETS[name].stamp);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint(name);
}

/** Builds the named targets (and what they depend on) when their inputs changed. */
export function ensureBuilt(names, log = (line) => process.stdout.write(`${line}\n`)) {
  const done = new Set();
  const build = (name) => {
    if (done.has(name)) return;
    TARGETS[name].dependsOn.forEach(build);
    done.add(name);
    if (isFresh(name)) return;
    log(`[build] ${name}…`);
    const [command, args] = TARGETS[name].command;
    const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) throw new Error(`Building ${name} failed (exit ${result.status})`);
    writeFileSync(join(ROOT, TARGETS[name].stamp), fingerprint(name));
  };
  names.forEach(build);
}

export const relativeToRoot = (path) => relative(ROOT, path);
