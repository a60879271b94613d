import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PinoLogger } from 'nestjs-pino';
import pino from 'pino';

import { STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffRole } from '@titletrack/shared/contract';

import { StaffService } from '../../src/modules/staff/staff.service';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const PASSWORD = 'a long enough password';
const run = Date.now().toString(36);
const PHONE = '13912345678';
const COMPLAINT_TEXT = '纸质材料报送地点不清楚';

// Pino batches lines in memory (app.module.ts); they are written out before being read.
function readLogs(file: string): string {
  const stream = (PinoLogger.root as unknown as Record<symbol, { flushSync: () => void }>)[
    pino.symbols.streamSym
  ];
  stream?.flushSync();
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

// 投诉建议 end to end: an applicant writes to a region's office, the office lists, opens and
// replies, and the reply reaches the applicant's inbox; nobody else sees any of it.
describe('feedback (投诉建议)', () => {
  let t: TestApp;
  const logDir = mkdtempSync(join(tmpdir(), 'feedback-logs-'));
  const logFile = join(logDir, 'app.log');
  const tokens: Record<string, string> = {};
  const staffIds: Record<string, number> = {};

  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who] ?? ''}` });

  async function staffAccount(
    who: string,
    role: StaffRole,
    scope: { regionCode: string; county?: string },
  ): Promise<void> {
    const username = `fb-${who}-${run}`;
    const created = await t.app
      .get(StaffService)
      .create({ username, displayName: who, role, password: PASSWORD, ...scope });
    staffIds[who] = Number(created.id);
    tokens[who] = (
      await t.api.post('/api/auth/staff').send({ username, password: PASSWORD }).expect(200)
    ).body.token;
  }

  async function applicant(who: string): Promise<void> {
    tokens[who] = (
      await t.api
        .post('/api/auth/dev')
        .send({ devUserId: `fb-${who}-${run}` })
        .expect(200)
    ).body.token;
  }

  const submit = (who: string, body: object) =>
    t.api.post('/api/me/feedback').set(as(who)).send(body);
  const mine = async (who: string) =>
    (await t.api.get('/api/me/feedback').set(as(who)).expect(200)).body;
  const staffList = async (who: string, query = '') =>
    (await t.api.get(`/api/staff/feedback${query}`).set(as(who)).expect(200)).body;
  const inbox = async (who: string) =>
    (await t.api.get('/api/me/inbox').set(as(who)).expect(200)).body;
  const storedCount = async (applicantToken: string): Promise<number> => {
    const me = await t.api
      .get('/api/me')
      .set({ Authorization: `Bearer ${applicantToken}` })
      .expect(200);
    const [row] = await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM feedback WHERE applicantId = ?',
      [Number(me.body.principal.id)],
    );
    return Number(row.n);
  };
  const auditOf = (feedbackId: string): Promise<Array<{ action: string; staffUserId: number }>> =>
    t.dataSource.query(
      "SELECT action, staffUserId FROM audit_log WHERE targetType = 'feedback' AND targetId = ? ORDER BY id",
      [feedbackId],
    );

  beforeAll(async () => {
    t = await createTestApp({ LOG_FILE: logFile, LOG_LEVEL: 'debug' });
    await staffAccount('hotan', STAFF_ROLE.PREFECTURE_OFFICE, { regionCode: '6532' });
    await staffAccount('kashgar', STAFF_ROLE.PREFECTURE_OFFICE, { regionCode: '6531' });
    await staffAccount('xinjiang', STAFF_ROLE.PREFECTURE_OFFICE, { regionCode: '65' });
    await staffAccount('yutian', STAFF_ROLE.COUNTY_HR_BUREAU, {
      regionCode: '6532',
      county: '于田县',
    });
    await applicant('alice');
    await applicant('bob');
    await applicant('carol');
  });
  afterAll(async () => {
    await t.close();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('the migrated feedback table is exactly what its entity describes', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query).filter((q) => q.includes('feedback'))).toEqual([]);
  });

  it('submit, list mine, staff list and open, reply: the reply reaches only the sender’s inbox', async () => {
    const created = await submit('alice', {
      regionCode: '6532',
      category: 'complaint',
      text: `  ${COMPLAINT_TEXT}，\r\n跑了两趟。  `,
      contact: ` ${PHONE} `,
    }).expect(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      regionCode: '6532',
      category: 'complaint',
      text: '纸质材料报送地点不清楚，\n跑了两趟。',
      contact: PHONE,
      state: 'open',
      reply: null,
      repliedAt: null,
      handledAt: null,
      createdAt: expect.any(String),
    });
    const id = created.body.id as string;
    const [stored] = await t.dataSource.query('SELECT contactSealed FROM feedback WHERE id = ?', [
      Number(id),
    ]);
    expect(String(stored.contactSealed)).not.toContain(PHONE);

    expect((await mine('alice')).items.map((item: { id: string }) => item.id)).toEqual([id]);
    expect((await mine('bob')).items).toEqual([]);

    // The list masks the contact; another region's office does not see the item at all.
    const listed = (await staffList('hotan', '?state=open&pageSize=100')).items.find(
      (item: { id: string }) => item.id === id,
    );
    expect(listed).toMatchObject({ id, state: 'open', contactMasked: '139****78' });
    expect(listed).not.toHaveProperty('contact');
    expect(JSON.stringify(await staffList('hotan', '?pageSize=100'))).not.toContain(PHONE);
    expect(
      (await staffList('kashgar', '?pageSize=100')).items.map((item: { id: string }) => item.id),
    ).not.toContain(id);
    expect(
      (await staffList('xinjiang', '?pageSize=100')).items.map((item: { id: string }) => item.id),
    ).toContain(id);

    // Opening shows the contact and is audited.
    const opened = await t.api.get(`/api/staff/feedback/${id}`).set(as('hotan')).expect(200);
    expect(opened.body).toMatchObject({ id, contact: PHONE, contactMasked: '139****78' });
    await expect(auditOf(id)).resolves.toEqual([
      { action: 'feedback.open', staffUserId: staffIds.hotan },
    ]);

    const reply = '已核实：纸质材料报送到地区人社局三楼职称科，补充通知将写明地点。';
    const replied = await t.api
      .post(`/api/staff/feedback/${id}/reply`)
      .set(as('hotan'))
      .send({ reply })
      .expect(200);
    expect(replied.body).toMatchObject({ id, state: 'replied', reply, handledAt: null });
    await expect(auditOf(id)).resolves.toEqual([
      { action: 'feedback.open', staffUserId: staffIds.hotan },
      { action: 'feedback.reply', staffUserId: staffIds.hotan },
    ]);

    const aliceInbox = await inbox('alice');
    expect(aliceInbox.items).toEqual([
      {
        id: expect.any(String),
        applicationId: null,
        kind: 'feedback_replied',
        ruleId: '',
        section: '',
        deadline: null,
        data: { feedbackId: id, category: 'complaint', replyExcerpt: reply },
        createdAt: expect.any(String),
        readAt: null,
        pushState: 'not_applicable',
      },
    ]);
    expect(aliceInbox.unread).toBe(1);
    expect((await inbox('bob')).items).toEqual([]);
    expect((await mine('alice')).items[0]).toMatchObject({ id, state: 'replied', reply });

    // Closing: listed under handled, once.
    await t.api.post(`/api/staff/feedback/${id}/handled`).set(as('hotan')).expect(200);
    const again = await t.api
      .post(`/api/staff/feedback/${id}/handled`)
      .set(as('hotan'))
      .expect(200);
    expect(again.body).toMatchObject({ id, state: 'handled', handledAt: expect.any(String) });
    expect(
      (await staffList('hotan', '?state=handled&pageSize=100')).items.map(
        (item: { id: string }) => item.id,
      ),
    ).toContain(id);
    expect(
      (await staffList('hotan', '?state=open&pageSize=100')).items.map(
        (item: { id: string }) => item.id,
      ),
    ).not.toContain(id);
    expect((await auditOf(id)).map((entry) => entry.action)).toEqual([
      'feedback.open',
      'feedback.reply',
      'feedback.handle',
    ]);
  });

  it('refuses other roles, other regions and the wrong kind of account', async () => {
    const created = await submit('bob', {
      regionCode: '6532',
      category: 'suggestion',
      text: '希望增加维吾尔文的材料清单。',
    }).expect(201);
    const id = created.body.id as string;
    expect(created.body.contact).toBeNull();

    await expect(
      t.api
        .get('/api/staff/feedback')
        .set(as('yutian'))
        .expect(403)
        .then((r) => r.body),
    ).resolves.toMatchObject({ code: 'FORBIDDEN' });
    await t.api
      .post(`/api/staff/feedback/${id}/reply`)
      .set(as('yutian'))
      .send({ reply: '收到' })
      .expect(403);
    await t.api.get('/api/staff/feedback').set(as('bob')).expect(403);
    await t.api.get('/api/me/feedback').set(as('hotan')).expect(403);
    await t.api.get('/api/me/feedback').expect(401);

    // Another region's office: exactly like an item that does not exist, and nothing written.
    for (const call of [
      t.api.get(`/api/staff/feedback/${id}`).set(as('kashgar')),
      t.api.post(`/api/staff/feedback/${id}/reply`).set(as('kashgar')).send({ reply: '收到' }),
      t.api.post(`/api/staff/feedback/${id}/handled`).set(as('kashgar')),
      t.api.get('/api/staff/feedback/999999999').set(as('hotan')),
    ]) {
      await expect(call.expect(404).then((r) => r.body)).resolves.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    await expect(auditOf(id)).resolves.toEqual([]);
    expect((await inbox('bob')).items).toEqual([]);
    expect((await mine('bob')).items[0]).toMatchObject({ id, state: 'open', reply: null });

    // A bad reply is refused before anything is written.
    await expect(
      t.api
        .post(`/api/staff/feedback/${id}/reply`)
        .set(as('hotan'))
        .send({ reply: '   ' })
        .expect(400)
        .then((r) => r.body),
    ).resolves.toMatchObject({ code: 'VALIDATION_FAILED' });
    await t.api.get('/api/staff/feedback?state=closed').set(as('hotan')).expect(400);
    await t.api.get('/api/staff/feedback/abc').set(as('hotan')).expect(400);
    expect((await inbox('bob')).items).toEqual([]);
  });

  it('bad input is answered 400 and stores nothing; five a day, then 429', async () => {
    const good = { regionCode: '6532', category: 'question', text: '高级职称评审什么时候开始？' };
    const bad: Array<[object, string]> = [
      [{ ...good, text: '   ' }, 'VALIDATION_FAILED'],
      [{ ...good, text: '好'.repeat(1001) }, 'VALIDATION_FAILED'],
      [{ ...good, text: '请看\u202e这里' }, 'VALIDATION_FAILED'],
      [{ ...good, text: '响铃\u0007' }, 'VALIDATION_FAILED'],
      [{ ...good, contact: '1'.repeat(101) }, 'VALIDATION_FAILED'],
      [{ ...good, contact: '\u2066139\u2069' }, 'VALIDATION_FAILED'],
      [{ ...good, category: 'praise' }, 'VALIDATION_FAILED'],
      [{ ...good, text: 42 }, 'VALIDATION_FAILED'],
      [{ ...good, isUrgent: true }, 'VALIDATION_FAILED'],
      [{ category: 'question', text: good.text }, 'VALIDATION_FAILED'],
      [{ ...good, regionCode: '9999' }, 'REGION_UNKNOWN'],
    ];
    for (const [body, code] of bad) {
      await expect(
        submit('carol', body)
          .expect(400)
          .then((r) => r.body),
      ).resolves.toMatchObject({ code });
    }
    await expect(storedCount(tokens.carol ?? '')).resolves.toBe(0);

    // Refused input did not use up the day's five.
    await submit('carol', { ...good, text: '好'.repeat(1000) }).expect(201);
    for (let i = 0; i < 4; i += 1) await submit('carol', good).expect(201);
    const limited = await submit('carol', good).expect(429);
    expect(limited.body).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    expect(limited.body.details.retryAfterSeconds).toBeGreaterThan(0);
    await expect(storedCount(tokens.carol ?? '')).resolves.toBe(5);
    expect((await mine('carol')).items).toHaveLength(5);
  });

  it('never writes the contact or the text to the log, only ids', () => {
    const logs = readLogs(logFile);
    expect(logs).toMatch(/Feedback \d+ received for region 6532/);
    expect(logs).toMatch(/Feedback \d+ replied by staff/);
    expect(logs).not.toContain(PHONE);
    expect(logs).not.toContain(COMPLAINT_TEXT);
    expect(logs).not.toContain('希望增加维吾尔文');
  });
});
