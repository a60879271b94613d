import { parentPort, workerData } from 'node:worker_threads';

import { prepareExport } from './prepare-export';
import type { PrepareExportRequest } from './prepare-export';

// The worker thread's entry. Structured cloning turns Buffers into plain Uint8Arrays, so the
// key material is made Buffers again before the cipher sees it.
const request = workerData as PrepareExportRequest;
const cipher = {
  ...request.cipher,
  keys: Object.fromEntries(
    Object.entries(request.cipher.keys).map(([keyId, key]) => [keyId, Buffer.from(key)]),
  ),
  blindIndexKey: Buffer.from(request.cipher.blindIndexKey),
};

prepareExport({ ...request, cipher }, (message) => parentPort?.postMessage(message)).catch(
  (error: unknown) => {
    // Thrown outside the promise, it reaches the parent as the worker's 'error' event.
    setImmediate(() => {
      throw error;
    });
  },
);
