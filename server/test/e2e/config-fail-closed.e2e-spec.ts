import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConfigError } from '../../src/config/env';
import { createTestApp } from '../support/test-app';

// A server started without APP_ENV is a production server: it never falls back to the public
// development keys, the development and demo logins or the demo data. Each app here gets a
// SQLite file of its own (on the MariaDB pass too), so a development start's demo rows never
// reach the pass's shared database.
describe('configuration fails closed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'titletrack-config-'));
  let files = 0;
  const ownDatabase = () => {
    files += 1;
    return { DATABASE_URL: `sqlite:${join(dir, `app-${files}.sqlite`)}` };
  };
  const keys = {
    ID_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    ID_ENCRYPTION_CURRENT_KEY_ID: 'k1',
    ID_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    CERTIFICATE_SIGNING_KEY: randomBytes(32).toString('base64'),
  };
  // The jest setup sets APP_ENV=test; an empty value is read as unset.
  const UNSET = '';

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without APP_ENV and without keys, refuses to start, naming the missing variables', async () => {
    const start = createTestApp({ ...ownDatabase(), APP_ENV: UNSET, PUBLIC_BASE_URL: UNSET });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toMatchObject({
      variableNames: [
        'ID_ENCRYPTION_KEYS',
        'ID_ENCRYPTION_CURRENT_KEY_ID',
        'ID_BLIND_INDEX_KEY',
        'CERTIFICATE_SIGNING_KEY',
        'PUBLIC_BASE_URL',
      ],
      message: expect.stringContaining('APP_ENV is not set'),
    });
  });

  it('without APP_ENV but with its keys, behaves as production: no development or demo login, no demo data', async () => {
    const t = await createTestApp({ ...ownDatabase(), APP_ENV: UNSET, ...keys });
    try {
      const health = await t.api.get('/api/health').expect(200);
      expect(health.body).toMatchObject({
        environment: 'production',
        isClockOverrideAllowed: false,
      });
      const dev = await t.api.post('/api/auth/dev').send({ devUserId: 'intruder' }).expect(403);
      expect(dev.body.code).toBe('DEV_LOGIN_DISABLED');
      const demo = await t.api.post('/api/auth/demo').send({ persona: 'returned' }).expect(403);
      expect(demo.body.code).toBe('DEV_LOGIN_DISABLED');
      const rows = await t.dataSource.query<Array<{ n: number | string }>>(
        "SELECT COUNT(*) AS n FROM application WHERE applicationNo LIKE 'DEMO-%'",
      );
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('in production without PUBLIC_BASE_URL, refuses to start: QR codes would point at localhost', async () => {
    const start = createTestApp({
      ...ownDatabase(),
      APP_ENV: 'production',
      ...keys,
      PUBLIC_BASE_URL: UNSET,
    });
    await expect(start).rejects.toMatchObject({ variableNames: ['PUBLIC_BASE_URL'] });
    await expect(start).rejects.toMatchObject({
      message: expect.not.stringContaining('APP_ENV is not set'),
    });
  });

  it('with APP_ENV=development, starts on the development keys with the demo logins open', async () => {
    const t = await createTestApp({ ...ownDatabase(), APP_ENV: 'development' });
    try {
      const health = await t.api.get('/api/health').expect(200);
      expect(health.body).toMatchObject({ environment: 'development' });
      await t.api.post('/api/auth/dev').send({ devUserId: 'demo-1' }).expect(200);
      await t.api.post('/api/auth/demo').send({ persona: 'returned' }).expect(200);
    } finally {
      await t.close();
    }
  });
});
