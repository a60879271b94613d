import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * One line per answered request, written from Fastify's own response hook: what was asked, how
 * it ended and how long it took. What was asked is the method and the route as declared
 * (`/verify/share/:token`), so share tokens, verify codes and ids never reach the log; an
 * unmatched request logs its path, cut short, without the query string. Never headers or
 * bodies, which carry credentials and personal data. Errors are logged where they happen (the
 * exception filter).
 */
// `logger` is asked per line: Nest's logger module makes it while the app initialises, after
// this hook is registered.
export function logRequests(fastify: FastifyInstance, logger: () => Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const { statusCode } = reply;
    // Flat keys: the logger's `req` / `res` serializers expect Node's request objects.
    const line = {
      reqId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? request.url.split('?', 1)[0]?.slice(0, 200),
      statusCode,
      responseTime: Math.round(reply.elapsedTime),
    };
    if (statusCode >= 500) logger().error(line, 'request completed');
    else logger().info(line, 'request completed');
    done();
  });
}
