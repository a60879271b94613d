import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AuthSessionEntity } from '../../src/modules/auth/auth-session.entity';
import { hashToken } from '../../src/common/crypto/token-hash';
import { PRODUCTION_ENV } from '../support/production-env';
import { createTestApp, isMysql } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
  });
  afterAll(() => t.close());

  const devLogin = async (devUserId: string): Promise<string> =>
    (await t.api.post('/api/auth/dev').send({ devUserId }).expect(200)).body.token;

  describe('development login (H5, not production)', () => {
    it('opens a session for an applicant and /api/me says who it is', async () => {
      const res = await t.api.post('/api/auth/dev').send({ devUserId: 'demo-1' }).expect(200);
      expect(res.body).toEqual({
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresAt: expect.any(String),
        principal: { kind: 'applicant', id: expect.stringMatching(/^\d+$/) },
      });
      const me = await t.api
        .get('/api/me')
        .set('Authorization', `Bearer ${res.body.token}`)
        .expect(200);
      expect(me.body).toEqual({ principal: res.body.principal });
    });

    it('gives the same applicant on a second sign-in and a different one for another id', async () => {
      const first = await t.api.post('/api/auth/dev').send({ devUserId: 'demo-2' }).expect(200);
      const again = await t.api.post('/api/auth/dev').send({ devUserId: 'demo-2' }).expect(200);
      const other = await t.api.post('/api/auth/dev').send({ devUserId: 'demo-3' }).expect(200);
      expect(again.body.principal.id).toBe(first.body.principal.id);
      expect(again.body.token).not.toBe(first.body.token);
      expect(other.body.principal.id).not.toBe(first.body.principal.id);
    });

    it('refuses a malformed id and unknown fields', async () => {
      await t.api.post('/api/auth/dev').send({ devUserId: 'a b' }).expect(400);
      await t.api.post('/api/auth/dev').send({ devUserId: 'ok', isAdmin: true }).expect(400);
    });
  });

  describe('sessions', () => {
    it('answers 401 UNAUTHENTICATED without, with a malformed or with an unknown token', async () => {
      for (const header of [undefined, 'Bearer', 'Basic abc', `Bearer ${'x'.repeat(43)}`]) {
        const request = t.api.get('/api/me');
        if (header) request.set('Authorization', header);
        const res = await request.expect(401);
        expect(res.body).toEqual({ code: 'UNAUTHENTICATED', message: 'Sign-in required' });
      }
    });

    it('is shared by every instance on one database, and logout ends it everywhere', async () => {
      // Two instances on one database: the MySQL pass's, or one SQLite file.
      const dir = mkdtempSync(join(tmpdir(), 'titletrack-auth-'));
      const env: Record<string, string> = isMysql()
        ? {}
        : { DATABASE_URL: `sqlite:${join(dir, 'shared.sqlite')}` };
      const first = await createTestApp(env);
      const second = await createTestApp(env);
      try {
        const { token } = (
          await first.api.post('/api/auth/dev').send({ devUserId: 'demo-logout' }).expect(200)
        ).body;
        await second.api.get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
        await second.api
          .post('/api/auth/logout')
          .set('Authorization', `Bearer ${token}`)
          .expect(204);
        await first.api.get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
      } finally {
        await first.close();
        await second.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('stores only a hash of the token', async () => {
      const token = await devLogin('demo-hash');
      const rows: Array<{ tokenHash: string }> = await t.dataSource.query(
        'SELECT tokenHash FROM auth_session',
      );
      expect(rows.some((row) => row.tokenHash === token)).toBe(false);
      expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
    });

    it('refuses an expired session', async () => {
      const token = await devLogin('demo-expired');
      await t.dataSource
        .getRepository(AuthSessionEntity)
        .update({ tokenHash: hashToken(token) }, { expiresAt: new Date('2020-01-01T00:00:00Z') });
      await t.api.get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    });
  });

  describe('staff', () => {
    it('creates the first admin from config, with a slow hash and no clear password', async () => {
      const [row] = await t.dataSource.query('SELECT username, role, passwordHash FROM staff_user');
      expect(row).toMatchObject({ username: 'admin', role: 'prefecture_office' });
      expect(row.passwordHash).toMatch(/^\$2[aby]\$12\$/);
      expect(JSON.stringify(row)).not.toContain(ADMIN.password);
    });

    it('signs in with the right password', async () => {
      const res = await t.api.post('/api/auth/staff').send(ADMIN).expect(200);
      expect(res.body.principal).toEqual({
        kind: 'staff',
        id: expect.any(String),
        username: 'admin',
        displayName: '地区职称办管理员',
        role: 'prefecture_office',
        regionCode: '6532',
        county: null,
        series: null,
      });
    });

    it('answers the same 401 for a wrong password and an unknown user', async () => {
      const wrong = await t.api
        .post('/api/auth/staff')
        .send({ ...ADMIN, password: 'nope' })
        .expect(401);
      const unknown = await t.api
        .post('/api/auth/staff')
        .send({ username: 'ghost', password: 'nope' })
        .expect(401);
      expect(wrong.body).toEqual({
        code: 'INVALID_CREDENTIALS',
        message: 'Invalid username or password',
      });
      expect(unknown.body).toEqual(wrong.body);
    });

    it('does not create a second admin on the next start', async () => {
      // Two starts on one database: the MySQL pass's, or one SQLite file.
      const dir = mkdtempSync(join(tmpdir(), 'titletrack-admin-'));
      const env: Record<string, string> = isMysql()
        ? {}
        : { DATABASE_URL: `sqlite:${join(dir, 'admin.sqlite')}` };
      const first = await createTestApp({
        ...env,
        BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
        BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      });
      await first.close();
      const again = await createTestApp(
        {
          ...env,
          BOOTSTRAP_ADMIN_USERNAME: 'admin2',
          BOOTSTRAP_ADMIN_PASSWORD: 'another long password',
        },
        { isAdminEnsured: false },
      );
      try {
        const usernames: Array<{ username: string }> = await again.dataSource.query(
          'SELECT username FROM staff_user',
        );
        expect(usernames.map((row) => row.username)).toContain('admin');
        expect(usernames.map((row) => row.username)).not.toContain('admin2');
      } finally {
        await again.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('sign-in in production', () => {
  it('refuses the development login', async () => {
    const t = await createTestApp(PRODUCTION_ENV);
    const res = await t.api.post('/api/auth/dev').send({ devUserId: 'demo-1' }).expect(403);
    expect(res.body.code).toBe('DEV_LOGIN_DISABLED');
    await t.close();
  });

  it('answers WECHAT_NOT_CONFIGURED when no AppID is set', async () => {
    const t = await createTestApp();
    const res = await t.api.post('/api/auth/wechat').send({ code: '0a1b2c3d4e5f' }).expect(503);
    expect(res.body.code).toBe('WECHAT_NOT_CONFIGURED');
    await t.close();
  });
});
