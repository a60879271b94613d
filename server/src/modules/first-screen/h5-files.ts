import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { API_PREFIX } from '@titletrack/shared/contract';

const INDEX_FILE = 'index.html';
// The H5 service worker (miniapp/config/service-worker-plugin.ts). A browser checks it for a new
// build on every navigation, so it must never be served stale from an HTTP cache, and a build
// without it must answer 404: the SPA fallback's HTML would fail registration with a confusing
// MIME error instead of a plain "not there".
const SERVICE_WORKER_FILE = 'sw.js';
// Paths that belong to the server, never to the H5 app: an unknown one is a JSON 404.
const SERVER_PATH = new RegExp(`^/(${API_PREFIX}|verify)(/|$)`);

/**
 * The H5 build's files, each its own route (the build is fixed while the server runs), so the
 * API's routes never pass through a file lookup. "/" and "/index.html" are the first-screen
 * page's (FirstScreenController); any other unknown GET outside /api and /verify is the app's
 * own route and answers the plain index.html, as a single-page app's server does.
 * Without a build (API-only tests) nothing is registered; `npm start` always builds first.
 */
export async function serveH5Files(app: NestFastifyApplication, h5Dir: string): Promise<void> {
  if (!existsSync(join(h5Dir, INDEX_FILE))) return;
  await app.register(fastifyStatic, {
    root: h5Dir,
    wildcard: false,
    index: false,
    globIgnore: [INDEX_FILE],
    maxAge: '1h',
    setHeaders: (reply: FastifyReply, path: string) => {
      if (relative(h5Dir, path) === SERVICE_WORKER_FILE)
        void reply.header('cache-control', 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (SERVER_PATH.test(request.url) || path === `/${SERVICE_WORKER_FILE}`)
      return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').sendFile(INDEX_FILE);
  });
}
