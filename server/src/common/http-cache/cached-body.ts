import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A response body made once and sent many times: its bytes, its gzip bytes (compressed once,
 * not per request) and its entity tag, a hash of the bytes, so every instance gives the same
 * answer the same tag and a phone's conditional request is answered 304 by any of them. The tag
 * is weak: it stands for both codings of the same content (RFC 9110 §8.8.1).
 */
export interface CachedBody {
  readonly contentType: string;
  readonly body: Buffer;
  readonly gzip: Buffer;
  readonly etag: string;
}

export function cachedBody(content: string, contentType: string): CachedBody {
  const body = Buffer.from(content, 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return { contentType, body, gzip: gzipSync(body), etag: `W/"${hash}"` };
}

export const cachedJson = (value: unknown): CachedBody =>
  cachedBody(JSON.stringify(value), 'application/json; charset=utf-8');

// RFC 9110 §13.1.2: If-None-Match compares weakly; "*" matches any current representation.
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const wanted = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === wanted);
}

// gzip when the client's Accept-Encoding takes it (q > 0), as @fastify/compress negotiates.
export const acceptsGzip = (header: string | undefined): boolean =>
  header !== undefined && negotiate(header, ['gzip']) === 'gzip';

export interface SendCachedOptions {
  cacheControl: string;
  vary?: string;
}

export function sendCachedBody(
  request: FastifyRequest,
  reply: FastifyReply,
  cached: CachedBody,
  options: SendCachedOptions,
): FastifyReply {
  void reply
    .header('Cache-Control', options.cacheControl)
    .header('ETag', cached.etag)
    .header('Vary', options.vary ? `Accept-Encoding, ${options.vary}` : 'Accept-Encoding');
  if (matchesIfNoneMatch(request.headers['if-none-match'], cached.etag)) {
    return reply.status(304).send();
  }
  void reply.type(cached.contentType);
  if (acceptsGzip(request.headers['accept-encoding'])) {
    return reply.header('Content-Encoding', 'gzip').send(cached.gzip);
  }
  return reply.send(cached.body);
}
