import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import type { Response } from 'supertest';

import { ERROR_CODE, FIRST_SCREEN } from '@titletrack/shared/contract';

import { AuthService } from '../../src/modules/auth/auth.service';
import { newApplication } from '../support/factories';
import { callerFrom } from '../support/requests';
import { dumpTables } from '../support/table-dump';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const KNOWN_CODES = new Set<string>(Object.values(ERROR_CODE));
const BUILT_INDEX =
  '<!doctype html><html lang="zh-CN"><head><title>职称通</title></head><body><div id="app"></div></body></html>';

const nestedArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

function expectRefusal(res: Response, status: number, code: string): void {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(KNOWN_CODES.has(res.body.code)).toBe(true);
}

// Lines are batched in memory (app.module.ts); the test writes them out before reading.
function readLogLines(file: string): string[] {
  const stream = (PinoLogger.root as unknown as Record<symbol, { flushSync: () => void }>)[
    pino.symbols.streamSym
  ];
  stream?.flushSync();
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

describe('HTTP edges', () => {
  const directory = mkdtempSync(join(tmpdir(), 'titletrack-edges-'));
  const logFile = join(directory, 'app.log');
  let t: TestApp;
  let applicant: string;
  let staff: string;
  const from = callerFrom('203.0.113');
  const everyTable = () => dumpTables(t.dataSource);

  beforeAll(async () => {
    writeFileSync(join(directory, 'index.html'), BUILT_INDEX);
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      H5_DIR: directory,
      LOG_FILE: logFile,
      LOG_LEVEL: 'debug',
    });
    applicant = (
      await t.api.post('/api/auth/dev').set(from()).send({ devUserId: 'edges-1' }).expect(200)
    ).body.token;
    staff = (await t.api.post('/api/auth/staff').set(from()).send(ADMIN).expect(200)).body.token;
  });
  afterAll(async () => {
    await t.close();
    rmSync(directory, { recursive: true, force: true });
  });
  afterEach(() => jest.restoreAllMocks());

  describe('request bodies', () => {
    it('answers malformed JSON 400 VALIDATION_FAILED and writes nothing', async () => {
      const before = await everyTable();
      for (const body of ['{"devUserId":', '{devUserId: "x"}', '\u0000', '{"a":1}}']) {
        const res = await t.api
          .post('/api/auth/dev')
          .set(from())
          .set('Content-Type', 'application/json')
          .send(body);
        expectRefusal(res, 400, ERROR_CODE.VALIDATION_FAILED);
      }
      await expect(everyTable()).resolves.toEqual(before);
    });

    it('answers a body over the limit 413 BODY_TOO_LARGE', async () => {
      const res = await t.api
        .put('/api/me/facts')
        .set(from(applicant))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ note: 'x'.repeat(300 * 1024) }));
      expectRefusal(res, 413, ERROR_CODE.BODY_TOO_LARGE);
    });

    it('answers ten thousand nested arrays 400, at the top and inside a field, never 500', async () => {
      const before = await everyTable();
      const nested = nestedArrays(10_000);
      const bodies = [nested, `{"facts":${nested}}`, `{"unknown":${nested}}`];
      for (const body of bodies) {
        const res = await t.api
          .put('/api/me/facts')
          .set(from(applicant))
          .set('Content-Type', 'application/json')
          .send(body);
        expectRefusal(res, 400, ERROR_CODE.VALIDATION_FAILED);
        expect(res.body.details).toEqual({ maxDepth: expect.any(Number) });
      }
      // Routes that read the raw bytes themselves get the same answer, before any signature check.
      const webhook = await t.api
        .post('/api/platform/events')
        .set(from())
        .set('Content-Type', 'application/json')
        .send(`{"id":${nested}}`);
      expectRefusal(webhook, 400, ERROR_CODE.VALIDATION_FAILED);
      await expect(everyTable()).resolves.toEqual(before);
    });

    it('judges a body nested a few levels by its fields, not its depth', async () => {
      const res = await t.api
        .post('/api/auth/dev')
        .set(from())
        .set('Content-Type', 'application/json')
        .send({ devUserId: { a: [[[{ b: [1] }]]] } });
      expectRefusal(res, 400, ERROR_CODE.VALIDATION_FAILED);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({})]));
    });
  });

  describe('URLs the router cannot read', () => {
    it('answers a path parameter over the length limit with a known code', async () => {
      const res = await t.api.delete(`/api/me/bindings/${'1'.repeat(600)}`).set(from(applicant));
      expectRefusal(res, 414, ERROR_CODE.VALIDATION_FAILED);
    });

    it('answers a broken escape in the path 400 with a known code', async () => {
      const res = await t.api.delete('/api/me/bindings/%E0%A4%A').set(from(applicant));
      expectRefusal(res, 400, ERROR_CODE.VALIDATION_FAILED);
    });
  });

  describe('the locale cookie of the H5 page', () => {
    it.each([
      ['a broken escape', '%E0%A4%A'],
      ['a lone percent sign', '%'],
      ['an unknown language', 'xx-YY'],
      ['an empty value', ''],
    ])('ignores %s and serves the default language', async (_what, value) => {
      const res = await t.api.get('/').set('Cookie', `${FIRST_SCREEN.localeCookie}=${value}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<html lang="zh-CN"');
    });
  });

  describe('paged lists', () => {
    it.each([
      ['page', '1e300'],
      ['page', '-1'],
      ['page', '0'],
      ['page', '1.5'],
      ['page', 'abc'],
      ['page', ''],
      ['page', 'Infinity'],
      ['page', 'NaN'],
      ['pageSize', '1e300'],
      ['pageSize', '1000000000000'],
      ['pageSize', '-5'],
    ])('refuses %s=%s on the inbox with 400 VALIDATION_FAILED', async (name, value) => {
      const res = await t.api
        .get(`/api/me/inbox?${name}=${encodeURIComponent(value)}`)
        .set(from(applicant));
      expectRefusal(res, 400, ERROR_CODE.VALIDATION_FAILED);
    });

    it.each([
      ['page', '1e300'],
      ['page', '-1'],
      ['page', '1.5'],
      ['page', 'abc'],
      ['page', '9007199254740993'],
      ['pageSize', '1e300'],
      ['pageSize', '1000000000000'],
    ])(
      'refuses %s=%s on the staff application list with 400 VALIDATION_FAILED',
      async (name, value) => {
        const res = await t.api
          .get(`/api/staff/applications?${name}=${encodeURIComponent(value)}`)
          .set(from(staff));
        expectRefusal(res, 400, ERROR_CODE.VALIDATION_FAILED);
      },
    );

    it('answers a page far past the end with an empty page', async () => {
      const res = await t.api
        .get(`/api/staff/applications?page=${Number.MAX_SAFE_INTEGER}&pageSize=200`)
        .set(from(staff))
        .expect(200);
      expect(res.body.items).toEqual([]);
    });

    it('refuses a repeated page parameter', async () => {
      const res = await t.api.get('/api/me/inbox?page=1&page=2').set(from(applicant));
      expectRefusal(res, 400, ERROR_CODE.VALIDATION_FAILED);
    });

    it('still serves a sensible page', async () => {
      await t.api.get('/api/me/inbox?page=2&pageSize=100').set(from(applicant)).expect(200);
    });
  });

  describe('logs', () => {
    const NAME = '阿依古丽·测试日志';

    it('never logs the parameters, driver SQL or echoed values of a failed query', async () => {
      const first = await newApplication(t, { applicationNo: `HT-${NAME}` });
      const second = await newApplication(t);
      // The failure travels the real path: a handler's query fails, the filter logs it.
      jest
        .spyOn(AuthService.prototype, 'loginForDevelopment')
        .mockImplementation(() =>
          t.dataSource.query(
            'UPDATE application SET applicantName = ?, applicationNo = ? WHERE id = ?',
            [NAME, first.applicationNo, second.id],
          ),
        );
      const res = await t.api.post('/api/auth/dev').set(from()).send({ devUserId: 'edges-log' });
      expectRefusal(res, 500, ERROR_CODE.INTERNAL_ERROR);

      const lines = readLogLines(logFile);
      const failure = lines.find((line) => line.includes('Unhandled error'));
      expect(failure).toBeDefined();
      expect(JSON.parse(failure ?? '{}')).toMatchObject({
        route: 'POST /api/auth/dev',
        error: {
          type: 'QueryFailedError',
          query: 'UPDATE application SET applicantName = ?, applicationNo = ? WHERE id = ?',
        },
      });
      expect(lines.join('\n')).not.toContain('阿依古丽');
      expect(lines.join('\n')).not.toContain('parameters');
    });

    it('never logs share tokens, verify codes or query strings, only the route pattern', async () => {
      const secret = 'sEcReTtOkEn0123456789abcdef';
      await t.api.get(`/verify/share/${secret}`);
      await t.api.get(`/api/certificates/verify/${secret}`);
      await t.api.get(`/api/certificates/verify/share/${secret}`);
      await t.api.get(`/verify/share/${secret}/extra`);
      await t.api.get(`/api/nowhere/${secret}?token=${secret}`);
      const lines = readLogLines(logFile).filter((line) => line.includes('request completed'));
      const routes = lines.map((line) => (JSON.parse(line) as { route: string }).route);
      expect(routes).toEqual(
        expect.arrayContaining([
          '/verify/share/:token',
          '/api/certificates/verify/:code',
          '/api/certificates/verify/share/:token',
        ]),
      );
      expect(lines.join('\n')).not.toContain(secret);
    });
  });
});
