import { existsSync } from 'node:fs';
import { join } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { API_PREFIX } from '@titletrack/shared/contract';

const INDEX_FILE = 'index.html';
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
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    if (SERVER_PATH.test(request.url)) return reply.callNotFound();
    return reply.type('text/html; charset=utf-8').sendFile(INDEX_FILE);
  });
}
