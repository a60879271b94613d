import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createStaffFromCli, parseCreateStaffArgs } from '../../src/cli/create-staff';
import { createTestApp, isMysql } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('staff accounts and roles', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    admin = (await t.api.post('/api/auth/staff').send(ADMIN).expect(200)).body.token;
  });
  afterAll(() => t.close());

  it('lets the prefecture office create an account of each role, which can then sign in', async () => {
    const res = await t.api
      .post('/api/staff/users')
      .set(bearer(admin))
      .send({
        username: 'yutian_hr',
        displayName: '于田县人社局',
        role: 'county_hr_bureau',
        password: 'a long enough password',
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      username: 'yutian_hr',
      displayName: '于田县人社局',
      role: 'county_hr_bureau',
      isActive: true,
    });
    expect(JSON.stringify(res.body)).not.toContain('password');
    const login = await t.api
      .post('/api/auth/staff')
      .send({ username: 'yutian_hr', password: 'a long enough password' })
      .expect(200);
    expect(login.body.principal.role).toBe('county_hr_bureau');
    const list = await t.api.get('/api/staff/users').set(bearer(admin)).expect(200);
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'yutian_hr']),
    );
  });

  it('refuses a taken username, a short password and an unknown role', async () => {
    const base = {
      username: 'edu_bureau',
      displayName: '教育局',
      role: 'series_authority',
      password: 'a long enough password',
    };
    await t.api.post('/api/staff/users').set(bearer(admin)).send(base).expect(201);
    expect(
      (await t.api.post('/api/staff/users').set(bearer(admin)).send(base).expect(409)).body.code,
    ).toBe('USERNAME_TAKEN');
    await t.api
      .post('/api/staff/users')
      .set(bearer(admin))
      .send({ ...base, username: 'x_short', password: 'short' })
      .expect(400);
    await t.api
      .post('/api/staff/users')
      .set(bearer(admin))
      .send({ ...base, username: 'x_role', role: 'king' })
      .expect(400);
  });

  it('refuses staff management to other staff roles and to applicants', async () => {
    const series = (
      await t.api
        .post('/api/auth/staff')
        .send({ username: 'edu_bureau', password: 'a long enough password' })
        .expect(200)
    ).body.token;
    const applicant = (await t.api.post('/api/auth/dev').send({ devUserId: 'nosy' }).expect(200))
      .body.token;
    for (const token of [series, applicant]) {
      expect((await t.api.get('/api/staff/users').set(bearer(token)).expect(403)).body.code).toBe(
        'FORBIDDEN',
      );
      await t.api
        .post('/api/staff/users')
        .set(bearer(token))
        .send({
          username: 'sneaky',
          displayName: 'x',
          role: 'prefecture_office',
          password: 'a long enough password',
        })
        .expect(403);
    }
    await t.api.get('/api/staff/users').expect(401);
  });
});

describe('npm run staff:create', () => {
  it('refuses missing or bad arguments with the usage', () => {
    expect(() => parseCreateStaffArgs([], 'a long enough password')).toThrow(/--username/);
    expect(() =>
      parseCreateStaffArgs(['--username', 'ok_name', '--role', 'king'], 'a long enough password'),
    ).toThrow(/--role/);
    expect(() =>
      parseCreateStaffArgs(['--username', 'ok_name', '--role', 'series_authority'], 'short'),
    ).toThrow(/STAFF_PASSWORD/);
  });

  it('creates an account in the configured database, which can then sign in', async () => {
    // The CLI opens its own connection, so SQLite needs a file both can see.
    const dir = mkdtempSync(join(tmpdir(), 'titletrack-cli-'));
    const t = await createTestApp(
      isMysql() ? {} : { DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}` },
    );
    try {
      // The CLI reads the configuration the test app cached: the same database.
      const message = await createStaffFromCli(
        parseCreateStaffArgs(
          ['--username', 'cli_user', '--role', 'series_authority', '--display-name', '农业局'],
          'a long enough password',
        ),
      );
      expect(message).toMatch(/^Created series_authority account cli_user \(id \d+\)\.$/);
      const login = await t.api
        .post('/api/auth/staff')
        .send({ username: 'cli_user', password: 'a long enough password' })
        .expect(200);
      expect(login.body.principal).toMatchObject({
        displayName: '农业局',
        role: 'series_authority',
      });
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
