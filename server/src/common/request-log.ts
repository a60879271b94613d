import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

// An unmatched path is logged by its first segments only: a mistyped share or verify link
// (`/verify/share/<token>/x`) must not put its token in the log through the 404 line.
const UNMATCHED_SEGMENTS_KEPT = 2;

export function unmatchedRoute(url: string): string {
  const path = url.split('?', 1)[0] ?? '';
  const segments = path.split('/').filter((segment) => segment.length > 0);
  const kept = segments.slice(0, UNMATCHED_SEGMENTS_KEPT).map((segment) => segment.slice(0, 40));
  const more = segments.length > UNMATCHED_SEGMENTS_KEPT ? '/…' : '';
  return `/${kept.join('/')}${more}`;
}

/**
 * One line per answered request, written from Fastify's own response hook: what was asked, how
 * it ended and how long it took. What was asked is the method and the route as declared
 * (`/verify/share/:token`), so share tokens, verify codes and ids never reach the log; an
 * unmatched request logs its first path segments only, without the query string. Never
 * headers or bodies, which carry credentials and personal data. Errors are logged where they
 * happen (the exception filter).
 */
// `logger` is asked per line: Nest's logger module makes it while the app initialises, after
// this hook is registered. `quietRoutes`: routes whose successful answers are not logged (the
// health check, which every load balancer and monitor asks every few seconds: its lines would
// bury the applicants' requests). Their failures are logged like any other.
export function logRequests(
  fastify: FastifyInstance,
  logger: () => Logger,
  quietRoutes: readonly string[] = [],
): void {
  const quiet = new Set(quietRoutes);
  fastify.addHook('onResponse', (request, reply, done) => {
    const { statusCode } = reply;
    const route = request.routeOptions.url;
    if (statusCode < 400 && route !== undefined && quiet.has(route)) {
      done();
      return;
    }
    // Flat keys: the logger's `req` / `res` serializers expect Node's request objects.
    const line = {
      reqId: request.id,
      method: request.method,
      route: route ?? unmatchedRoute(request.url),
      statusCode,
      responseTime: Math.round(reply.elapsedTime),
    };
    if (statusCode >= 500) logger().error(line, 'request completed');
    else logger().info(line, 'request completed');
    done();
  });
}

// Quoted literals in a database's message: MySQL echoes the offending value ("Duplicate entry
// '阿依古丽-6532' for key …", "Incorrect integer value: '…' for column").
const QUOTED_LITERAL = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;

const isDatabaseError = (error: Error): boolean =>
  error.name === 'QueryFailedError' ||
  'driverError' in error ||
  'parameters' in error ||
  'sqlMessage' in error ||
  'sql' in error;

const redactLiterals = (text: string): string => text.replace(QUOTED_LITERAL, "'?'");

/**
 * An error as it may be logged. A failed query carries its parameters (an applicant's name, an
 * ID number's blind index), the driver's SQL with the values spliced in, and a message that can
 * echo a value; none of them reaches the log: only the statement as written (placeholders),
 * the driver's error code and the message and stack with quoted values replaced by '?'. Other
 * errors keep their message, stack and code. Causes are followed a few levels.
 */
export function logSafeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const safe: Record<string, unknown> = { type: error.name, message: error.message };
  if (error.stack !== undefined) safe.stack = error.stack;
  const fields = error as Error & Record<string, unknown>;
  if (isDatabaseError(error)) {
    const driverError = (fields.driverError ?? fields) as Record<string, unknown>;
    safe.message = redactLiterals(error.message);
    if (error.stack !== undefined) safe.stack = redactLiterals(error.stack);
    if (typeof fields.query === 'string') safe.query = fields.query;
    for (const key of ['code', 'errno', 'sqlState'] as const) {
      const value = driverError[key] ?? fields[key];
      if (typeof value === 'string' || typeof value === 'number') safe[key] = value;
    }
  } else {
    for (const key of ['code', 'status', 'statusCode'] as const) {
      const value = fields[key];
      if (typeof value === 'string' || typeof value === 'number') safe[key] = value;
    }
  }
  if (error.cause !== undefined && depth < 3) safe.cause = logSafeError(error.cause, depth + 1);
  return safe;
}
