import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

const SKIPS_COMPRESSION = 'skipsCompression';

/**
 * A route the global gzip hooks leave alone: its handler sends bodies it encoded itself (the
 * published reads, gzipped once per change) or answers are always far below the compression
 * threshold (health). Those hooks cost a few microseconds per request even when they end up doing
 * nothing, on the routes a crowd hits most.
 */
export const SkipCompression = (): MethodDecorator => RouteConfig({ [SKIPS_COMPRESSION]: true });

// Registered before @fastify/compress, whose own route hook then sees `compress: false`.
export function exemptRoutesFromCompression(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const config = route.config as Record<string, unknown> | undefined;
    if (config?.[SKIPS_COMPRESSION] === true) route.compress = false;
  });
}
