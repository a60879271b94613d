import Fastify from 'fastify';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';

import { logRequests, logSafeError } from './request-log';

const NAME = '阿依古丽·买买提';

// A failed MySQL query as TypeORM hands it over: the driver's error carries the SQL with the
// values spliced in, and the message echoes the duplicated value.
function mysqlDuplicate(): QueryFailedError {
  const driverError = Object.assign(
    new Error(`Duplicate entry 'HT-${NAME}' for key 'application.IDX_application_no'`),
    {
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sqlState: '23000',
      sqlMessage: `Duplicate entry 'HT-${NAME}' for key 'application.IDX_application_no'`,
      sql: `UPDATE application SET applicantName = '${NAME}' WHERE id = 7`,
    },
  );
  return new QueryFailedError(
    'UPDATE application SET applicantName = ? WHERE id = ?',
    [NAME, 7],
    driverError,
  );
}

describe('logSafeError', () => {
  it('keeps the statement, the driver code and the shape of the message of a failed query', () => {
    expect(logSafeError(mysqlDuplicate())).toEqual({
      type: 'QueryFailedError',
      message: "Duplicate entry '?' for key '?'",
      stack: expect.stringContaining("Duplicate entry '?' for key '?'"),
      query: 'UPDATE application SET applicantName = ? WHERE id = ?',
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sqlState: '23000',
    });
  });

  it('never keeps parameters, driver SQL or echoed values, also in a cause', () => {
    const wrapped = new Error('Import failed', { cause: mysqlDuplicate() });
    const logged = JSON.stringify(logSafeError(wrapped));
    expect(logged).toContain('ER_DUP_ENTRY');
    expect(logged).not.toContain(NAME);
    expect(logged).not.toContain('parameters');
    expect(logged).not.toContain('driverError');
  });

  it('keeps an ordinary error as it is, without its other fields', () => {
    const error = Object.assign(new Error('Upstream said no'), {
      code: 'ECONNRESET',
      config: { headers: { Authorization: 'Bearer secret' } },
    });
    expect(logSafeError(error)).toEqual({
      type: 'Error',
      message: 'Upstream said no',
      stack: expect.any(String),
      code: 'ECONNRESET',
    });
  });

  it('passes values that are not errors through', () => {
    expect(logSafeError('text')).toBe('text');
  });
});

describe('logRequests', () => {
  let isHealthy = true;

  async function loggedLines(urls: string[]): Promise<Record<string, unknown>[]> {
    const lines: Record<string, unknown>[] = [];
    const logger = {
      info: (line: Record<string, unknown>) => lines.push(line),
      error: (line: Record<string, unknown>) => lines.push(line),
    } as unknown as Logger;
    const fastify = Fastify();
    logRequests(fastify, () => logger, ['/api/health']);
    fastify.get('/verify/share/:token', () => 'ok');
    fastify.get('/api/health', (_request, reply) =>
      isHealthy ? { status: 'ok' } : reply.code(503).send({ status: 'degraded' }),
    );
    await fastify.ready();
    for (const url of urls) await fastify.inject({ method: 'GET', url });
    await fastify.close();
    return lines;
  }

  const loggedRoutes = async (urls: string[]): Promise<string[]> =>
    (await loggedLines(urls)).map((line) => String(line.route));

  it('logs the declared route, and of an unmatched path only its first segments', async () => {
    await expect(
      loggedRoutes([
        '/verify/share/s3cr3t?x=1',
        '/verify/share/s3cr3t/more',
        '/api?token=s3cr3t',
        '/a/b',
      ]),
    ).resolves.toEqual(['/verify/share/:token', '/verify/share/…', '/api', '/a/b']);
  });

  it('leaves out the answers of a quiet route while they succeed, never its failures', async () => {
    isHealthy = true;
    await expect(loggedRoutes(['/api/health', '/api/health', '/a/b'])).resolves.toEqual(['/a/b']);
    isHealthy = false;
    await expect(loggedLines(['/api/health'])).resolves.toEqual([
      expect.objectContaining({ route: '/api/health', statusCode: 503 }),
    ]);
  });
});
