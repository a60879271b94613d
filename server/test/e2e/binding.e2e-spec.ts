import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ID_ALICE, ID_BOB, newApplication } from '../support/factories';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const logDir = mkdtempSync(join(tmpdir(), 'titletrack-logs-'));
const LOG_FILE = join(logDir, 'binding.log');
const ADMIN = { username: 'admin', password: 'correct horse battery staple' };

describe('binding my applications (every log line of this file is captured)', () => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  // Each request from its own address unless a test says otherwise, so the per-address limit
  // only bites in the test about it.
  let address = 0;
  const as = (token: string) => {
    address += 1;
    return { Authorization: `Bearer ${token}`, 'X-Forwarded-For': `198.51.100.${address % 250}` };
  };

  beforeAll(async () => {
    t = await createTestApp({
      LOG_LEVEL: 'trace',
      LOG_FILE,
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    alice = (
      await t.api
        .post('/api/auth/dev')
        .send({ devUserId: `alice-${Date.now()}` })
        .expect(200)
    ).body.token;
    bob = (
      await t.api
        .post('/api/auth/dev')
        .send({ devUserId: `bob-${Date.now()}` })
        .expect(200)
    ).body.token;
  });
  afterAll(async () => {
    await t.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('binds with name, ID number and application number, and shows the ID masked', async () => {
    const application = await newApplication(t);
    const res = await t.api
      .post('/api/me/bindings')
      .set(as(alice))
      .send({
        name: '阿依古丽·买买提',
        idCardNumber: ID_ALICE,
        applicationNo: application.applicationNo,
      })
      .expect(200);
    expect(res.body).toEqual({
      id: String(application.id),
      applicationNo: application.applicationNo,
      applicantName: '阿依古丽·买买提',
      idCardNumberMasked: '653201********1231',
      regionCode: '6532',
      returnReason: null,
      year: 2023,
      route: 'prefecture_directed',
      level: 'intermediate',
      series: 'education',
      specialty: '小学语文',
      status: 'materials_received',
      statusChangedAt: '2023-08-20T04:00:00.000Z',
    });
    const list = await t.api.get('/api/me/applications').set(as(alice)).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(
      String(application.id),
    );
    await t.api.get(`/api/me/applications/${application.id}`).set(as(alice)).expect(200);
  });

  it('accepts a lowercase x and spaces in the ID number; binding twice is harmless', async () => {
    const application = await newApplication(t, { idCardNumber: ID_BOB, applicantName: '李 明' });
    const body = {
      name: '李明',
      idCardNumber: ` ${ID_BOB.toLowerCase()} `,
      applicationNo: application.applicationNo,
    };
    await t.api.post('/api/me/bindings').set(as(bob)).send(body).expect(200);
    await t.api.post('/api/me/bindings').set(as(bob)).send(body).expect(200);
  });

  it('answers the same BINDING_NOT_MATCHED whichever field is wrong', async () => {
    const application = await newApplication(t);
    const right = {
      name: '阿依古丽·买买提',
      idCardNumber: ID_ALICE,
      applicationNo: application.applicationNo,
    };
    const attempts = [
      { ...right, name: '别人' },
      { ...right, idCardNumber: ID_BOB },
      { ...right, applicationNo: 'HT2023999999' },
    ];
    const answers: unknown[] = [];
    for (const attempt of attempts) {
      const user: string = (
        await t.api.post('/api/auth/dev').send({ devUserId: `try-${answers.length}-${Date.now()}` })
      ).body.token;
      answers.push(
        (await t.api.post('/api/me/bindings').set(as(user)).send(attempt).expect(404)).body,
      );
    }
    expect(answers).toEqual(
      Array(3).fill({
        code: 'BINDING_NOT_MATCHED',
        message: 'The details do not match an application',
      }),
    );
  });

  it('refuses an application already bound to someone else, in the same words', async () => {
    const application = await newApplication(t);
    const body = {
      name: '阿依古丽·买买提',
      idCardNumber: ID_ALICE,
      applicationNo: application.applicationNo,
    };
    await t.api.post('/api/me/bindings').set(as(alice)).send(body).expect(200);
    const other = (await t.api.post('/api/auth/dev').send({ devUserId: `mallory-${Date.now()}` }))
      .body.token;
    const res = await t.api.post('/api/me/bindings').set(as(other)).send(body).expect(404);
    expect(res.body.code).toBe('BINDING_NOT_MATCHED');
  });

  it('says when the ID number itself is malformed (GB 11643), before any lookup', async () => {
    const user = (await t.api.post('/api/auth/dev').send({ devUserId: `typo-${Date.now()}` })).body
      .token;
    const res = await t.api
      .post('/api/me/bindings')
      .set(as(user))
      .send({ name: '张三', idCardNumber: '653201199005171232', applicationNo: 'HT2023000001' })
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'ID_CARD_INVALID',
      details: { reason: 'BAD_CHECK_DIGIT' },
    });
  });

  it('limits attempts per account, with the time to wait', async () => {
    const user = (await t.api.post('/api/auth/dev').send({ devUserId: `guesser-${Date.now()}` }))
      .body.token;
    const guess = { name: '张三', idCardNumber: ID_BOB, applicationNo: 'HT2023000404' };
    for (let i = 0; i < 5; i += 1)
      await t.api.post('/api/me/bindings').set(as(user)).send(guess).expect(404);
    const res = await t.api.post('/api/me/bindings').set(as(user)).send(guess).expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(res.body.details.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it('limits attempts per address too, across accounts', async () => {
    const guess = { name: '张三', idCardNumber: ID_BOB, applicationNo: 'HT2023000405' };
    const ip = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const user = (await t.api.post('/api/auth/dev').send({ devUserId: `ip-${i}-${Date.now()}` }))
        .body.token;
      // The server trusts X-Forwarded-For from loopback only (its load balancer).
      const res = await t.api
        .post('/api/me/bindings')
        .set(as(user))
        .set('X-Forwarded-For', ip)
        .send(guess);
      statuses.push(res.status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
  });

  it('unbinds, after which the application is gone from my list', async () => {
    const application = await newApplication(t);
    const body = {
      name: '阿依古丽·买买提',
      idCardNumber: ID_ALICE,
      applicationNo: application.applicationNo,
    };
    const user = (await t.api.post('/api/auth/dev').send({ devUserId: `leaver-${Date.now()}` }))
      .body.token;
    await t.api.post('/api/me/bindings').set(as(user)).send(body).expect(200);
    await t.api.delete(`/api/me/bindings/${application.id}`).set(as(user)).expect(204);
    await t.api.get(`/api/me/applications/${application.id}`).set(as(user)).expect(404);
    await t.api.delete(`/api/me/bindings/${application.id}`).set(as(user)).expect(404);
  });

  it("walks every applicant endpoint with another applicant's ids: 404 or 403, never data", async () => {
    const application = await newApplication(t);
    const body = {
      name: '阿依古丽·买买提',
      idCardNumber: ID_ALICE,
      applicationNo: application.applicationNo,
    };
    await t.api.post('/api/me/bindings').set(as(alice)).send(body).expect(200);
    const id = application.id;

    await t.api.get(`/api/me/applications/${id}`).set(as(bob)).expect(404);
    await t.api.delete(`/api/me/bindings/${id}`).set(as(bob)).expect(404);
    const bobsList = await t.api.get('/api/me/applications').set(as(bob)).expect(200);
    expect(bobsList.body.items.map((item: { id: string }) => item.id)).not.toContain(String(id));
    // Alice still has it.
    await t.api.get(`/api/me/applications/${id}`).set(as(alice)).expect(200);

    // Staff are not applicants: applicant endpoints refuse them.
    const staff = (await t.api.post('/api/auth/staff').send(ADMIN).expect(200)).body.token;
    await t.api.get('/api/me/applications').set(as(staff)).expect(403);
    await t.api.get(`/api/me/applications/${id}`).set(as(staff)).expect(403);
    await t.api.post('/api/me/bindings').set(as(staff)).send(body).expect(403);

    // And nobody without a session.
    await t.api.get(`/api/me/applications/${id}`).expect(401);
    await t.api.delete(`/api/me/bindings/${id}`).expect(401);
  });

  it('keeps no ID number in clear in any row of any table', async () => {
    const tables: Array<{ name: string }> = await t.dataSource.query(
      t.config.database.type === 'mysql'
        ? 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()'
        : "SELECT name FROM sqlite_master WHERE type = 'table'",
    );
    const dump = [];
    for (const { name } of tables)
      dump.push(JSON.stringify(await t.dataSource.query(`SELECT * FROM \`${name}\``)));
    const everything = dump.join('\n');
    // Not vacuous: the applications are there, encrypted with the key id.
    const ciphers: Array<{ idCardCipher: string }> = await t.dataSource.query(
      'SELECT idCardCipher FROM application',
    );
    expect(ciphers.length).toBeGreaterThan(3);
    expect(ciphers.every((row) => row.idCardCipher.startsWith('v1.dev.'))).toBe(true);
    for (const id of [ID_ALICE, ID_BOB, ID_BOB.toLowerCase(), '199005171'])
      expect(everything).not.toContain(id);
  });

  it('wrote logs for all of the above, and not one ID number', () => {
    const logs = readFileSync(LOG_FILE, 'utf8');
    expect(logs).toContain('/api/me/bindings');
    expect(logs.split('\n').length).toBeGreaterThan(40);
    for (const id of [ID_ALICE, ID_BOB, ID_BOB.toLowerCase(), '199005171', '653201199005171232']) {
      expect(logs).not.toContain(id);
    }
  });
});
