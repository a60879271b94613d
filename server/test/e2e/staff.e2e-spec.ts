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
        county: '于田县',
      })
      .expect(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      username: 'yutian_hr',
      displayName: '于田县人社局',
      role: 'county_hr_bureau',
      isActive: true,
      regionCode: '6532',
      county: '于田县',
      series: null,
    });
    expect(JSON.stringify(res.body)).not.toContain('password');
    const login = await t.api
      .post('/api/auth/staff')
      .send({ username: 'yutian_hr', password: 'a long enough password' })
      .expect(200);
    expect(login.body.principal).toMatchObject({
      role: 'county_hr_bureau',
      regionCode: '6532',
      county: '于田县',
      series: null,
    });
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
      series: 'education',
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

  it('creates accounts in the creator’s region, with the county or series their role needs', async () => {
    const create = (body: object) =>
      t.api
        .post('/api/staff/users')
        .set(bearer(admin))
        .send({ displayName: '账号', password: 'a long enough password', ...body });
    const codeOf = async (body: object, status: number) =>
      (await create(body).expect(status)).body.code as string;

    await expect(
      codeOf({ username: 'kashi_office', role: 'prefecture_office', regionCode: '6531' }, 403),
    ).resolves.toBe('OUT_OF_SCOPE');
    await expect(
      codeOf({ username: 'nowhere_office', role: 'prefecture_office', regionCode: '9999' }, 400),
    ).resolves.toBe('REGION_UNKNOWN');
    await expect(codeOf({ username: 'no_county', role: 'county_hr_bureau' }, 400)).resolves.toBe(
      'VALIDATION_FAILED',
    );
    await expect(codeOf({ username: 'no_series', role: 'series_authority' }, 400)).resolves.toBe(
      'VALIDATION_FAILED',
    );
    await expect(
      codeOf({ username: 'bad_series', role: 'series_authority', series: 'alchemy' }, 400),
    ).resolves.toBe('VALIDATION_FAILED');
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM staff_user WHERE username IN ('kashi_office', 'nowhere_office', 'no_county', 'no_series', 'bad_series')",
    );
    expect(Number(n)).toBe(0);

    // The region may be named when it is the creator's own; a role keeps only its own field.
    const health = await create({
      username: 'health_bureau',
      role: 'series_authority',
      regionCode: '6532',
      series: 'health',
      county: '于田县',
    }).expect(201);
    expect(health.body).toMatchObject({ regionCode: '6532', county: null, series: 'health' });
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
    // 25 three-byte characters: 75 bytes, which bcrypt would cut to its first 72.
    expect(() =>
      parseCreateStaffArgs(
        ['--username', 'ok_name', '--role', 'prefecture_office'],
        '职'.repeat(25),
      ),
    ).toThrow(/72 bytes/);
    expect(() =>
      parseCreateStaffArgs(
        ['--username', 'ok_name', '--role', 'county_hr_bureau'],
        'a long enough password',
      ),
    ).toThrow(/--county/);
    expect(() =>
      parseCreateStaffArgs(
        ['--username', 'ok_name', '--role', 'series_authority', '--series', 'alchemy'],
        'a long enough password',
      ),
    ).toThrow(/--series/);
    expect(() =>
      parseCreateStaffArgs(
        ['--username', 'ok_name', '--role', 'prefecture_office', '--region', '9999'],
        'a long enough password',
      ),
    ).toThrow(/--region/);
    expect(
      parseCreateStaffArgs(
        [
          '--username',
          'ok_name',
          '--role',
          'county_hr_bureau',
          '--region',
          '6531',
          '--county',
          '疏附县',
        ],
        'a long enough password',
      ),
    ).toMatchObject({ regionCode: '6531', county: '疏附县' });
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
          [
            '--username',
            'cli_user',
            '--role',
            'series_authority',
            '--display-name',
            '农业局',
            '--series',
            'agriculture',
            '--region',
            '6531',
          ],
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
        regionCode: '6531',
        county: null,
        series: 'agriculture',
      });
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
