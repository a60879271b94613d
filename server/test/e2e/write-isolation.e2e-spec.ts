import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  exportCsv,
  exportRowsNumbered,
  exportXlsx,
} from '../../src/modules/mirror/import/export.fixture';
import type { ExportCells } from '../../src/modules/mirror/import/export.fixture';
import { certificateIssuedEvent, platformApplicationData } from '../support/factories';
import { callerFrom, deliverPlatformEvent } from '../support/requests';
import { createTestApp, isMysql } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const SECRET = 'w'.repeat(40);
const BAD_CHECK_DIGIT = '653201199005171232';
const run = Date.now().toString(36);

const rows = (prefix: string, count: number, overrides?: (i: number) => ExportCells) =>
  exportRowsNumbered(`${prefix}${run}`, count, overrides);

// Settles with when it settled, so the test can tell what finished while the import was running.
const timed = async <T>(work: PromiseLike<T>): Promise<{ value: T; at: number }> => {
  const value = await work;
  return { value, at: performance.now() };
};

// A long import and other requests at the same moment, on the pass's database. On SQLite the
// app runs on a file, as in production (a writer connection and a read-only one), not in memory.
describe('no write is lost to another request’s failure', () => {
  let t: TestApp;
  let directory: string | null = null;
  let staff: string;
  const from = callerFrom('198.51.100');
  const deliver = (body: unknown) => deliverPlatformEvent(t.api, SECRET, body);
  const statusEvent = (id: string, applicationNo: string, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'application.status_changed',
    occurredAt: '2023-12-05T02:00:00Z',
    data: platformApplicationData(
      applicationNo,
      'certificate_issued',
      '2023-12-05T02:00:00Z',
      extra,
    ),
  });
  const upload = (bytes: Buffer | string, fileName: string) =>
    t.api
      .post('/api/staff/imports')
      .set(from(staff))
      .attach('file', Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), fileName);
  const count = async (sql: string, parameters: unknown[]): Promise<number> =>
    Number((await t.dataSource.query(sql, parameters))[0].n);

  beforeAll(async () => {
    const env: Record<string, string> = {
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      PLATFORM_WEBHOOK_SECRETS: SECRET,
    };
    if (!isMysql()) {
      directory = mkdtempSync(join(tmpdir(), 'titletrack-isolation-'));
      env.DATABASE_URL = `sqlite:${join(directory, 'titletrack.sqlite')}`;
    }
    t = await createTestApp(env);
    staff = (await t.api.post('/api/auth/staff').send(ADMIN).expect(200)).body.token;
  });
  afterAll(async () => {
    await t.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('keeps a revocation, a webhook event, a sign-in and a new staff account made during a 60,000-row import that fails', async () => {
    const certificateNo = `ISO-${run}-CERT`;
    await deliver(certificateIssuedEvent(`iso-${run}-cert`, `ISO${run}-C`, certificateNo)).expect(
      200,
    );
    const [certificate] = await t.dataSource.query(
      'SELECT id FROM certificate WHERE certificateNo = ?',
      [certificateNo],
    );
    const file = await exportXlsx(
      rows('ISOFAIL', 60_000, (i): ExportCells =>
        i === 59_999 ? { 身份证号: BAD_CHECK_DIGIT } : {},
      ),
    );

    const importing = timed(upload(file, 'failing.xlsx'));
    const others = await Promise.all([
      timed(
        t.api
          .post(`/api/staff/certificates/${certificate.id}/revoke`)
          .set(from(staff))
          .send({ reason: '提供虚假材料' }),
      ),
      timed(deliver(statusEvent(`iso-${run}-hook`, `ISO${run}-W`))),
      timed(
        t.api
          .post('/api/auth/dev')
          .set(from())
          .send({ devUserId: `iso-${run}` }),
      ),
      timed(
        t.api
          .post('/api/staff/users')
          .set(from(staff))
          .send({
            username: `iso_${run}`,
            displayName: '于田县人社局',
            role: 'county_hr_bureau',
            county: '于田县',
            password: 'a long enough password',
          }),
      ),
    ]);
    const failed = await importing;

    expect(failed.value.status).toBe(422);
    expect(failed.value.body.code).toBe('IMPORT_ROWS_INVALID');
    expect(others.map((o) => o.value.status)).toEqual([200, 200, 200, 201]);
    expect(others[1]?.value.body.status).toBe('applied');
    // All four were answered while the import was still running.
    for (const other of others) expect(other.at).toBeLessThan(failed.at);

    expect(
      await count(
        "SELECT COUNT(*) AS n FROM certificate WHERE certificateNo = ? AND state = 'revoked'",
        [certificateNo],
      ),
    ).toBe(1);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'certificate.revoke' AND targetId = ?",
        [String(certificate.id)],
      ),
    ).toBe(1);
    expect(
      await count('SELECT COUNT(*) AS n FROM application WHERE applicationNo = ?', [`ISO${run}-W`]),
    ).toBe(1);
    await t.api.get('/api/me/applications').set(from(others[2]?.value.body.token)).expect(200);
    await t.api
      .post('/api/auth/staff')
      .send({ username: `iso_${run}`, password: 'a long enough password' })
      .expect(200);
    expect(
      await count('SELECT COUNT(*) AS n FROM application WHERE applicationNo LIKE ?', [
        `ISOFAIL${run}-%`,
      ]),
    ).toBe(0);
  });

  it('keeps every imported row when other requests’ transactions fail while it is applied', async () => {
    const file = exportCsv(rows('ISOOK', 20_000));
    let isDone = false;
    const importing = Promise.resolve(upload(file, 'good.csv')).finally(() => {
      isDone = true;
    });
    // Requests whose transactions fail and roll back, again and again until the import answers.
    const failures: number[] = [];
    while (!isDone && failures.length < 400) {
      const [revoke, duplicate] = await Promise.all([
        t.api
          .post('/api/staff/certificates/999999999/revoke')
          .set(from(staff))
          .send({ reason: '不存在' }),
        t.api.post('/api/staff/users').set(from(staff)).send({
          username: ADMIN.username,
          displayName: '重复',
          role: 'county_hr_bureau',
          county: '于田县',
          password: 'a long enough password',
        }),
      ]);
      failures.push(revoke.status, duplicate.status);
    }
    const imported = await importing;

    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rowCount: 20_000, created: 20_000 });
    expect(failures.length).toBeGreaterThan(0);
    expect(new Set(failures)).toEqual(new Set([404, 409]));
    expect(
      await count('SELECT COUNT(*) AS n FROM application WHERE applicationNo LIKE ?', [
        `ISOOK${run}-%`,
      ]),
    ).toBe(20_000);
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM status_history h JOIN application a ON a.id = h.applicationId WHERE a.applicationNo LIKE ?',
        [`ISOOK${run}-%`],
      ),
    ).toBe(20_000);
  });

  // MySQL's pool gives every transaction a connection of its own: nothing to refuse there.
  if (!isMysql()) {
    it('refuses a write on the reading connection instead of letting it join a transaction (SQLite file)', async () => {
      await expect(
        t.dataSource.query("INSERT INTO platform_event (eventId) VALUES ('stray')"),
      ).rejects.toThrow(/readonly/i);
    });
  }
});
