import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import type { PrepareExportRequest, PrepareMessage } from './prepare-export';

const COMPILED_WORKER = join(__dirname, 'prepare-export.worker.js');
const SOURCE_WORKER = join(__dirname, 'prepare-export.worker.ts');

// Run from sources (ts-jest), a worker thread cannot load .ts by itself: it gets a require hook
// that transpiles with the TypeScript compiler the tests already use.
const SOURCE_BOOTSTRAP = `
const ts = require('typescript');
const { readFileSync } = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
require(${JSON.stringify(SOURCE_WORKER)});
`;

function startWorker(request: PrepareExportRequest): Worker {
  if (existsSync(COMPILED_WORKER)) return new Worker(COMPILED_WORKER, { workerData: request });
  return new Worker(SOURCE_BOOTSTRAP, { eval: true, workerData: request });
}

// Dates that arrive in a message were built by the host context; under a sandboxing test runner
// that is another realm, where `instanceof Date` fails. Rebuilt here, they are ordinary Dates.
function withLocalDates(message: PrepareMessage): PrepareMessage {
  if (message.kind !== 'rows') return message;
  for (const record of message.records)
    record.statusChangedAt = new Date(record.statusChangedAt.getTime());
  return message;
}

// The messages of prepareExport, as a worker thread emits them: the import applies a chunk
// while the worker reads, checks and encrypts the next ones, so both cores work.
export async function* prepareExportInWorker(
  request: PrepareExportRequest,
): AsyncGenerator<PrepareMessage> {
  const worker = startWorker(request);
  const queue: PrepareMessage[] = [];
  let next = 0;
  let hasExited = false;
  // Set by the worker's error and exit handlers, read between two turns of the loop below.
  const stop: { failure: Error | null } = { failure: null };
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: PrepareMessage) => {
    queue.push(withLocalDates(message));
    notify();
  });
  worker.on('error', (error) => {
    stop.failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    hasExited = true;
    if (code !== 0) stop.failure ??= new Error(`The import worker stopped with exit code ${code}`);
    notify();
  });
  try {
    for (;;) {
      if (next < queue.length) {
        const message = queue[next] as PrepareMessage;
        queue[next] = undefined as unknown as PrepareMessage; // let applied chunks be collected
        next += 1;
        yield message;
        continue;
      }
      if (stop.failure) throw stop.failure;
      if (hasExited) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    // Also when the consumer stops early (a database error): the worker must not outlive it.
    if (!hasExited) await worker.terminate();
  }
}
