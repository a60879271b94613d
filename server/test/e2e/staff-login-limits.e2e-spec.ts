import type { Response } from 'supertest';

import { hashToken } from '../../src/common/crypto/token-hash';
import { RateLimitCounterEntity } from '../../src/common/rate-limit/rate-limit-counter.entity';
import { callerFrom } from '../support/requests';
import { PRODUCTION_ENV } from '../support/production-env';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const PASSWORD = 'a long enough password';

const setCookiesOf = (res: Response): string[] => {
  const header = res.headers['set-cookie'] as string[] | string | undefined;
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
};

const cookieValue = (res: Response, name: string): string | undefined =>
  setCookiesOf(res)
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${name}=`))
    ?.slice(name.length + 1);

describe('staff sign-in limits', () => {
  let t: TestApp;
  let adminToken: string;
  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    adminToken = (
      await t.api.post('/api/auth/staff').set(callerFrom('10.70.0')()).send(ADMIN).expect(200)
    ).body.token;
  });
  afterAll(() => t.close());

  // Accounts of their own, so locking them out never locks out another test (on MySQL the
  // database is shared by the whole pass).
  const createAccount = (username: string, password = PASSWORD) =>
    t.api
      .post('/api/staff/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ username, displayName: username, role: 'prefecture_office', password });

  it('answers 429 with a growing wait after five wrong passwords, even to the right one', async () => {
    await createAccount('limit_victim').expect(201);
    // A new address for every attempt: only the account's limit is at work.
    const caller = callerFrom('10.71.0');
    const statuses: number[] = [];
    const waits: number[] = [];
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const res = await t.api
        .post('/api/auth/staff')
        .set(caller())
        .send({ username: 'limit_victim', password: `wrong ${attempt}` });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body).toMatchObject({ code: 'RATE_LIMITED' });
        waits.push(res.body.details.retryAfterSeconds as number);
      } else {
        expect(res.body.code).toBe('INVALID_CREDENTIALS');
      }
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    expect(waits[0]).toBeGreaterThan(0);
    for (let i = 1; i < waits.length; i += 1) {
      expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1] ?? 0);
    }
    expect(waits[waits.length - 1]).toBeGreaterThan(waits[0] ?? 0);

    const right = await t.api
      .post('/api/auth/staff')
      .set(caller())
      .send({ username: 'limit_victim', password: PASSWORD })
      .expect(429);
    expect(right.body.token).toBeUndefined();

    // Once the wait has passed, the right password works again.
    await t.dataSource
      .getRepository(RateLimitCounterEntity)
      .update(
        { bucket: `staff-sign-in:account:${hashToken('limit_victim')}` },
        { expiresAt: new Date(Date.now() - 1000) },
      );
    await t.api
      .post('/api/auth/staff')
      .set(caller())
      .send({ username: 'limit_victim', password: PASSWORD })
      .expect(200);
  });

  it('signs in with the right password before the limit, and that clears the account’s count', async () => {
    await createAccount('limit_typo').expect(201);
    const caller = callerFrom('10.72.0');
    const attempt = (password: string) =>
      t.api.post('/api/auth/staff').set(caller()).send({ username: 'limit_typo', password });
    for (let i = 0; i < 4; i += 1) await attempt('typo').expect(401);
    await attempt(PASSWORD).expect(200);
    for (let i = 0; i < 5; i += 1) await attempt('typo again').expect(401);
    await attempt(PASSWORD).expect(429);
  });

  it('answers an unknown username exactly like a wrong password, lockout included', async () => {
    await createAccount('limit_known').expect(201);
    const caller = callerFrom('10.73.0');
    const run = async (username: string) => {
      const answers: Array<{ status: number; code: string }> = [];
      for (let i = 0; i < 7; i += 1) {
        const res = await t.api
          .post('/api/auth/staff')
          .set(caller())
          .send({ username, password: 'x' });
        answers.push({ status: res.status, code: res.body.code });
      }
      return answers;
    };
    expect(await run('limit_ghost')).toEqual(await run('limit_known'));
  });

  it('limits one address across usernames', async () => {
    await createAccount('limit_sprayed').expect(201);
    const address = { 'X-Forwarded-For': '10.74.0.1' };
    for (let i = 0; i < 20; i += 1) {
      await t.api
        .post('/api/auth/staff')
        .set(address)
        .send({ username: `spray_${i}`, password: 'guess' })
        .expect(401);
    }
    const res = await t.api
      .post('/api/auth/staff')
      .set(address)
      .send({ username: 'limit_sprayed', password: PASSWORD })
      .expect(429);
    expect(res.body.details.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not concerned.
    await t.api
      .post('/api/auth/staff')
      .set({ 'X-Forwarded-For': '10.74.0.2' })
      .send({ username: 'limit_sprayed', password: PASSWORD })
      .expect(200);
  });

  it('refuses a password over 72 bytes at creation, and one never matches at sign-in', async () => {
    // 24 Chinese characters are 72 bytes: allowed; 25 are 75.
    const tooLong = await createAccount('limit_long', '职'.repeat(25)).expect(400);
    expect(tooLong.body.code).toBe('VALIDATION_FAILED');
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM staff_user WHERE username = 'limit_long'",
    );
    expect(Number(n)).toBe(0);

    const exact = 'p'.repeat(72);
    await createAccount('limit_exact', exact).expect(201);
    const caller = callerFrom('10.75.0');
    const longer = await t.api
      .post('/api/auth/staff')
      .set(caller())
      .send({ username: 'limit_exact', password: `${exact}-and-more` })
      .expect(401);
    expect(longer.body.code).toBe('INVALID_CREDENTIALS');
    await t.api
      .post('/api/auth/staff')
      .set(caller())
      .send({ username: 'limit_exact', password: exact })
      .expect(200);
  });

  it('answers many parallel sign-ins with 401 or 429, never an error, and keeps serving', async () => {
    const caller = callerFrom('10.76.0');
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t.api
          .post('/api/auth/staff')
          .set(caller())
          .send({ username: `parallel_${i}`, password: 'guess' }),
      ),
    );
    for (const res of results) {
      expect([401, 429]).toContain(res.status);
      if (res.status === 429) {
        expect(res.body.code).toBe('RATE_LIMITED');
        expect(res.body.details.retryAfterSeconds).toBeGreaterThan(0);
      }
    }
    await t.api.get('/api/health').expect(200);
  });
});

describe('cookie sessions (H5)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
  });
  afterAll(() => t.close());

  const cookieSignIn = async (devUserId: string) => {
    const res = await t.api
      .post('/api/auth/dev')
      .set('X-Session-Transport', 'cookie')
      .send({ devUserId })
      .expect(200);
    const session = cookieValue(res, 'tt_session') ?? '';
    const csrf = cookieValue(res, 'tt_csrf') ?? '';
    return { res, session, csrf, cookie: `tt_session=${session}; tt_csrf=${csrf}` };
  };

  it('puts the session in an HttpOnly, SameSite=Strict cookie on /api, and not in the JSON', async () => {
    const { res, session, csrf } = await cookieSignIn('cookie-1');
    expect(res.body.token).toBeUndefined();
    expect(res.body.principal).toMatchObject({ kind: 'applicant' });
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [sessionCookie, csrfCookie] = ['tt_session=', 'tt_csrf='].map((prefix) =>
      setCookiesOf(res).find((cookie) => cookie.startsWith(prefix)),
    );
    expect(sessionCookie).toMatch(/; Path=\/api(;|$)/);
    expect(sessionCookie).toMatch(/; HttpOnly(;|$)/);
    expect(sessionCookie).toMatch(/; SameSite=Strict(;|$)/);
    expect(sessionCookie).toMatch(/; Expires=/);
    // Not in production and over plain http: no Secure, or the browser would drop it.
    expect(sessionCookie).not.toMatch(/Secure/);
    expect(csrfCookie).toMatch(/; Path=\/(;|$)/);
    expect(csrfCookie).not.toMatch(/HttpOnly/);

    // Behind the local load balancer terminating https: Secure.
    const overHttps = await t.api
      .post('/api/auth/dev')
      .set('X-Session-Transport', 'cookie')
      .set('X-Forwarded-Proto', 'https')
      .send({ devUserId: 'cookie-1' })
      .expect(200);
    expect(setCookiesOf(overHttps).every((cookie) => /; Secure(;|$)/.test(cookie))).toBe(true);
  });

  it('reads with the cookie only, and refuses a write without the CSRF token, changing nothing', async () => {
    const { cookie, csrf } = await cookieSignIn('cookie-2');
    const me = await t.api.get('/api/me').set('Cookie', cookie).expect(200);
    expect(me.body.principal).toMatchObject({ kind: 'applicant' });

    for (const header of [undefined, 'wrong', `${csrf}x`]) {
      const request = t.api.post('/api/auth/logout').set('Cookie', cookie);
      if (header !== undefined) request.set('X-CSRF-Token', header);
      const refused = await request.expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
    await t.api.get('/api/me').set('Cookie', cookie).expect(200);

    const out = await t.api
      .post('/api/auth/logout')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .expect(204);
    expect(cookieValue(out, 'tt_session')).toBe('');
    expect(cookieValue(out, 'tt_csrf')).toBe('');
    expect(setCookiesOf(out).every((c) => /Expires=Thu, 01 Jan 1970/.test(c))).toBe(true);
    await t.api.get('/api/me').set('Cookie', cookie).expect(401);
  });

  it('keeps the office session apart and protects its writes the same way', async () => {
    const login = await t.api
      .post('/api/auth/staff')
      .set('X-Session-Transport', 'office-cookie')
      .set('X-Forwarded-For', '10.77.0.1')
      .send(ADMIN)
      .expect(200);
    expect(login.body.token).toBeUndefined();
    const session = cookieValue(login, 'tt_office_session') ?? '';
    const csrf = cookieValue(login, 'tt_office_csrf') ?? '';
    expect(cookieValue(login, 'tt_session')).toBeUndefined();
    const applicant = await cookieSignIn('cookie-3');
    // One browser holding both sessions, as on a shared office PC.
    const cookie = `${applicant.cookie}; tt_office_session=${session}; tt_office_csrf=${csrf}`;

    await t.api.get('/api/staff/users').set('Cookie', cookie).expect(200);
    await t.api.get('/api/staff/users').set('Cookie', applicant.cookie).expect(401);
    const asOffice = await t.api
      .get('/api/me')
      .set('Cookie', cookie)
      .set('X-Session-Transport', 'office-cookie')
      .expect(200);
    expect(asOffice.body.principal).toMatchObject({ kind: 'staff', username: 'admin' });
    const asApplicant = await t.api
      .get('/api/me')
      .set('Cookie', cookie)
      .set('X-Session-Transport', 'cookie')
      .expect(200);
    expect(asApplicant.body.principal).toMatchObject({ kind: 'applicant' });

    const account = {
      username: 'cookie_made',
      displayName: 'x',
      role: 'prefecture_office',
      password: PASSWORD,
    };
    await t.api.post('/api/staff/users').set('Cookie', cookie).send(account).expect(403);
    // The applicant's proof is not the office's.
    await t.api
      .post('/api/staff/users')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', applicant.csrf)
      .send(account)
      .expect(403);
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM staff_user WHERE username = 'cookie_made'",
    );
    expect(Number(n)).toBe(0);
    await t.api
      .post('/api/staff/users')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send(account)
      .expect(201);
  });

  it('leaves the Bearer path as it was: token in the JSON, no cookie, writes without CSRF', async () => {
    const login = await t.api
      .post('/api/auth/staff')
      .set('X-Forwarded-For', '10.77.0.2')
      .send(ADMIN)
      .expect(200);
    expect(login.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookiesOf(login)).toEqual([]);
    await t.api
      .post('/api/staff/users')
      .set('Authorization', `Bearer ${login.body.token}`)
      .send({
        username: 'bearer_made',
        displayName: 'x',
        role: 'prefecture_office',
        password: PASSWORD,
      })
      .expect(201);
  });
});

describe('cookie sessions for the demo applicants', () => {
  it('answers the demo sign-in without the token, which comes as a cookie', async () => {
    const t = await createTestApp({ APP_ENV: 'development' });
    try {
      const res = await t.api
        .post('/api/auth/demo')
        .set('X-Session-Transport', 'cookie')
        .send({ persona: 'returned' })
        .expect(200);
      expect(res.body.token).toBeUndefined();
      expect(res.body).toMatchObject({
        applicationId: expect.any(String),
        demoNow: expect.any(String),
      });
      const session = cookieValue(res, 'tt_session') ?? '';
      const me = await t.api.get(`/api/me`).set('Cookie', `tt_session=${session}`).expect(200);
      expect(me.body.principal).toMatchObject({ kind: 'applicant' });
    } finally {
      await t.close();
    }
  });
});

describe('cookie sessions in production', () => {
  it('marks the cookies Secure', async () => {
    // On MySQL the pass's database already holds this admin; on SQLite it is created.
    const t = await createTestApp({
      ...PRODUCTION_ENV,
      PUBLIC_BASE_URL: 'https://titletrack.example.cn',
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    try {
      const login = await t.api
        .post('/api/auth/staff')
        .set('X-Session-Transport', 'office-cookie')
        .set('X-Forwarded-For', '10.78.0.1')
        .send(ADMIN)
        .expect(200);
      const cookies = setCookiesOf(login);
      expect(cookies).toHaveLength(2);
      expect(cookies.every((cookie) => /; Secure(;|$)/.test(cookie))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
