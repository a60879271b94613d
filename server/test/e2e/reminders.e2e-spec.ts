import { ApplicationBindingEntity } from '../../src/modules/binding/application-binding.entity';
import type { ApplicationEntity } from '../../src/modules/application/application.entity';
import type { NewApplication } from '../../src/modules/application/application.repository';
import { MirrorService } from '../../src/modules/mirror/mirror.service';
import { PlannerService } from '../../src/modules/reminders/planner.service';
import { InboxMessageRepository } from '../../src/modules/reminders/inbox-message.repository';
import {
  PUSH_WORKER_OPTIONS,
  PushWorkerService,
} from '../../src/modules/reminders/push-worker.service';
import type { PushWorkerOptions } from '../../src/modules/reminders/push-worker.service';
import { SubscriptionRepository } from '../../src/modules/reminders/subscription.repository';
import { wechatPushSignature } from '../../src/modules/wechat/push-signature';
import { SUBSCRIBE_SENDER } from '../../src/modules/wechat/subscribe-sender.type';
import type { SubscribeSender } from '../../src/modules/wechat/subscribe-sender.type';
import { ID_ALICE, newApplication, platformApplicationData } from '../support/factories';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import {
  STAND_IN_APP_ID,
  STAND_IN_APP_SECRET,
  startWechatStandIn,
} from '../support/wechat-stand-in';
import type { RunningWechatStandIn } from '../support/wechat-stand-in';

const TPL = {
  RETURNED: 'tmpl-returned-000001',
  REVISION: 'tmpl-revision-000002',
  FEE: 'tmpl-fee-due-0000003',
  FEE_SOON: 'tmpl-fee-soon-000004',
};
const PUSH_TOKEN = 'pushToken123';
const RETURNED_AT = new Date('2023-08-15T02:00:00Z');

// The reminder pipeline end to end on the pass's database, against the WeChat stand-in:
// planning, the inbox, credits, subscribe/send with its errcodes, quiet hours, WeChat's push.
describe('reminders: outbox, inbox and WeChat subscribe messages', () => {
  let wechat: RunningWechatStandIn;
  let t: TestApp;
  let planner: PlannerService;
  let worker: PushWorkerService;
  let run = 0;

  beforeAll(async () => {
    wechat = await startWechatStandIn();
    t = await createTestApp({
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: STAND_IN_APP_ID,
      WECHAT_SECRET: STAND_IN_APP_SECRET,
      WECHAT_TEMPLATE_APPLICATION_RETURNED: TPL.RETURNED,
      WECHAT_TEMPLATE_REVISION_DEADLINE_APPROACHING: TPL.REVISION,
      WECHAT_TEMPLATE_FEE_DUE: TPL.FEE,
      WECHAT_TEMPLATE_FEE_DEADLINE_APPROACHING: TPL.FEE_SOON,
      WECHAT_PUSH_TOKEN: PUSH_TOKEN,
      REMINDER_PUSH_MAX_ATTEMPTS: '3',
    });
    planner = t.app.get(PlannerService);
    worker = t.app.get(PushWorkerService);
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });
  beforeEach(() => wechat.standIn.reset());

  // A WeChat sign-in (so the applicant has a real-looking openid) bound to a new application.
  async function applicantWith(fields: Partial<NewApplication>): Promise<{
    token: string;
    applicantId: number;
    openId: string;
    application: ApplicationEntity;
  }> {
    run += 1;
    const openId = `o-test-${Date.now().toString(36)}-${run}`;
    const code = `code-${Date.now().toString(36)}-${run}`;
    wechat.standIn.codes.set(code, { openid: openId, session_key: 'c2Vzc2lvbg==' });
    const login = await t.api.post('/api/auth/wechat').send({ code }).expect(200);
    const application = await newApplicationWith(fields);
    const applicantId = Number(login.body.principal.id);
    await t.dataSource
      .getRepository(ApplicationBindingEntity)
      .insert({ applicantId, applicationId: application.id });
    return { token: login.body.token as string, applicantId, openId, application };
  }
  // The shared factory leaves out the fields the alerts read; they are set here on purpose.
  const newApplicationWith = (fields: Partial<NewApplication>) => newApplication(t, fields);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const inbox = async (token: string) =>
    (await t.api.get('/api/me/inbox').set(as(token)).expect(200)).body;
  const accept = (token: string, ...templateIds: string[]) =>
    t.api
      .post('/api/me/subscriptions')
      .set(as(token))
      .send({
        results: {
          errMsg: 'requestSubscribeMessage:ok',
          ...Object.fromEntries(templateIds.map((id) => [id, 'accept'])),
        },
      })
      .expect(200);
  const plan = (application: ApplicationEntity, now: string) =>
    planner.planApplications([{ ...application }], new Date(now));
  const drain = (now: string) => worker.drain(() => new Date(now));

  it('a return produces the return alert at once and, a day later, the "revision window closing" alert', async () => {
    const alice = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await accept(alice.token, TPL.RETURNED, TPL.REVISION);

    await plan(alice.application, '2023-08-15T03:00:00Z');
    await plan(alice.application, '2023-08-15T03:00:00Z'); // planned twice, created once
    let box = await inbox(alice.token);
    expect(box).toMatchObject({ page: 1, pageSize: 20, total: 1, unread: 1 });
    expect(box.items[0]).toEqual({
      id: expect.any(String),
      applicationId: String(alice.application.id),
      kind: 'application_returned',
      ruleId: 'R4',
      section: '四(一)1',
      deadline: '2023-08-17T02:00:00.000Z',
      data: {
        returnedAt: RETURNED_AT.toISOString(),
        revisionDeadline: '2023-08-17T02:00:00.000Z',
        submissionsUsed: 1,
        submissionsLeft: 2,
      },
      createdAt: expect.any(String),
      readAt: null,
      pushState: 'pending',
    });

    await drain('2023-08-15T03:00:05Z');
    expect(wechat.standIn.delivered.get(`${alice.openId}|${TPL.RETURNED}`)).toBe(1);
    expect((await inbox(alice.token)).items[0].pushState).toBe('sent');

    await plan(alice.application, '2023-08-16T03:00:00Z');
    await drain('2023-08-16T03:00:05Z');
    box = await inbox(alice.token);
    expect(
      box.items.map((m: { kind: string; pushState: string }) => [m.kind, m.pushState]),
    ).toEqual([
      ['revision_deadline_approaching', 'sent'],
      ['application_returned', 'sent'],
    ]);
    expect(wechat.standIn.delivered.get(`${alice.openId}|${TPL.REVISION}`)).toBe(1);
    expect(wechat.standIn.duplicatePages()).toBe(0);
    // Both credits spent.
    const status = (await t.api.get('/api/me/subscriptions').set(as(alice.token)).expect(200)).body;
    expect(status.credits).toEqual(
      expect.arrayContaining([
        { templateId: TPL.RETURNED, kind: 'application_returned', remaining: 0 },
        { templateId: TPL.REVISION, kind: 'revision_deadline_approaching', remaining: 0 },
      ]),
    );
  });

  it('materials received produces the fee reminder with the amount and deadline; without a credit it stays in the inbox', async () => {
    const bob = await applicantWith({
      status: 'materials_received',
      level: 'intermediate',
      isFeePaid: false,
    });
    await plan(bob.application, '2023-08-21T04:00:00Z');
    await drain('2023-08-21T04:00:05Z');
    const box = await inbox(bob.token);
    // Materials received also starts the paper-materials reminder (no template: inbox only).
    expect(
      box.items.map((m: { kind: string; pushState: string }) => [m.kind, m.pushState]),
    ).toEqual([
      ['paper_materials_due', 'not_applicable'],
      ['fee_due', 'no_subscription'],
    ]);
    expect(box.items[1]).toMatchObject({
      kind: 'fee_due',
      ruleId: 'R17',
      deadline: '2023-09-29T16:00:00.000Z',
      data: { amountCny: 280, tier: 'intermediate', deadline: '2023-09-29T16:00:00.000Z' },
      pushState: 'no_subscription',
    });
    expect(wechat.standIn.sendRequests).toBe(0);

    // Three days before the deadline: the second reminder, pushed with the amount in the message.
    await accept(bob.token, TPL.FEE_SOON);
    await plan(bob.application, '2023-09-27T04:00:00Z');
    await drain('2023-09-27T04:00:05Z');
    const latest = (await inbox(bob.token)).items.find(
      (m: { kind: string }) => m.kind === 'fee_deadline_approaching',
    );
    expect(latest).toMatchObject({
      kind: 'fee_deadline_approaching',
      pushState: 'sent',
      data: { amountCny: 280 },
    });
    const send = wechat.standIn.requests.find((r) => r.path === '/cgi-bin/message/subscribe/send');
    expect(send).toBeDefined();
  });

  it('survives the access token expiring mid-run (42001 → refreshed once, then sent)', async () => {
    const a = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    const b = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 2,
    });
    await accept(a.token, TPL.RETURNED);
    await accept(b.token, TPL.RETURNED);
    await plan(a.application, '2023-08-15T03:00:00Z');
    await drain('2023-08-15T03:00:05Z');
    const tokensBefore = wechat.standIn.tokenRequests;
    wechat.standIn.expireTokens();
    await plan(b.application, '2023-08-15T03:00:00Z');
    await drain('2023-08-15T03:00:05Z');
    expect((await inbox(b.token)).items[0].pushState).toBe('sent');
    expect(wechat.standIn.tokenRequests).toBe(tokensBefore + 1);
    expect(wechat.standIn.delivered.get(`${b.openId}|${TPL.RETURNED}`)).toBe(1);
    // The token lives in the database for every instance.
    const [row] = await t.dataSource.query('SELECT token FROM wechat_access_token');
    expect(wechat.standIn.validTokens.has(row.token)).toBe(true);
  });

  it('43101: refused, no retry, and the credit count is corrected to 0', async () => {
    const c = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await accept(c.token, TPL.RETURNED);
    await accept(c.token, TPL.RETURNED);
    wechat.standIn.sendScriptByOpenId.set(c.openId, [43101]);
    await plan(c.application, '2023-08-15T03:00:00Z');
    await drain('2023-08-15T03:00:05Z');
    await drain('2023-08-16T03:00:05Z');
    expect((await inbox(c.token)).items[0].pushState).toBe('refused');
    expect(wechat.standIn.sendRequests).toBe(1);
    const status = (await t.api.get('/api/me/subscriptions').set(as(c.token)).expect(200)).body;
    expect(
      status.credits.find((x: { templateId: string }) => x.templateId === TPL.RETURNED).remaining,
    ).toBe(0);
  });

  it('45009 and 5xx back off and retry; after the last try the push is dead-lettered with its error', async () => {
    const d = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    const e = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await accept(d.token, TPL.RETURNED);
    await accept(e.token, TPL.RETURNED);
    wechat.standIn.sendScriptByOpenId.set(d.openId, [45009, 'http500']);
    wechat.standIn.sendScriptByOpenId.set(e.openId, [45009, 45009, 45009]);
    await plan(d.application, '2023-08-15T03:00:00Z');
    await plan(e.application, '2023-08-15T03:00:00Z');
    await drain('2023-08-15T03:00:05Z');
    expect((await inbox(d.token)).items[0].pushState).toBe('pending');
    // Not before its backoff.
    await drain('2023-08-15T03:00:06Z');
    expect(wechat.standIn.sendRequests).toBe(2);
    await drain('2023-08-15T05:00:00Z');
    await drain('2023-08-15T07:00:00Z');
    expect((await inbox(d.token)).items[0].pushState).toBe('sent');
    expect((await inbox(e.token)).items[0].pushState).toBe('failed');
    const staff = await t.dataSource.query(
      'SELECT pushError, pushAttempts FROM inbox_message WHERE applicantId = ?',
      [e.applicantId],
    );
    expect(staff[0]).toMatchObject({ pushAttempts: 3 });
    expect(staff[0].pushError).toMatch(/dead-letter after 3 tries: 45009/);
    // Retried sends gave their credit back; the one that went through spent it.
    const status = (await t.api.get('/api/me/subscriptions').set(as(e.token)).expect(200)).body;
    expect(
      status.credits.find((x: { templateId: string }) => x.templateId === TPL.RETURNED).remaining,
    ).toBe(1);
  });

  it('47003 and 40003 fail at once with the reason kept', async () => {
    const f = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await accept(f.token, TPL.RETURNED);
    wechat.standIn.sendScriptByOpenId.set(f.openId, [47003]);
    await plan(f.application, '2023-08-15T03:00:00Z');
    await drain('2023-08-15T03:00:05Z');
    expect((await inbox(f.token)).items[0].pushState).toBe('failed');
    const [row] = await t.dataSource.query(
      'SELECT pushError FROM inbox_message WHERE applicantId = ?',
      [f.applicantId],
    );
    expect(row.pushError).toMatch(/^47003 argument invalid/);
  });

  it('holds pushes in quiet hours (22:00–08:00 Xinjiang time) but not the inbox, unless the deadline is under 12 hours away', async () => {
    const g = await applicantWith({ status: 'materials_received', isFeePaid: false });
    await accept(g.token, TPL.FEE);
    await plan(g.application, '2023-08-21T17:00:00Z'); // 23:00 in Hotan
    await drain('2023-08-21T17:00:05Z');
    const fee = async () =>
      (await inbox(g.token)).items.find((m: { kind: string }) => m.kind === 'fee_due');
    expect(await fee()).toMatchObject({ kind: 'fee_due', pushState: 'pending' });
    expect(wechat.standIn.sendRequests).toBe(0);
    await drain('2023-08-22T01:59:00Z'); // 07:59
    expect(wechat.standIn.sendRequests).toBe(0);
    await drain('2023-08-22T02:00:00Z'); // 08:00
    expect((await fee()).pushState).toBe('sent');

    // A return at night: its 48-hour window is not urgent yet, but a revision reminder 11 h
    // before the deadline goes out at once.
    const h = await applicantWith({
      status: 'returned',
      statusChangedAt: new Date('2023-08-15T04:00:00Z'),
      submissionCount: 1,
    });
    await accept(h.token, TPL.REVISION);
    await planner.planApplications([{ ...h.application }], new Date('2023-08-16T17:00:00Z')); // 23:00, deadline 2023-08-17T04:00Z
    await drain('2023-08-16T17:00:05Z');
    const items = (await inbox(h.token)).items as Array<{ kind: string; pushState: string }>;
    expect(items.find((m) => m.kind === 'revision_deadline_approaching')?.pushState).toBe('sent');
  });

  it('a row left sending by a dead worker becomes outcome unknown and is never sent again', async () => {
    const k = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await accept(k.token, TPL.RETURNED);
    await plan(k.application, '2023-08-15T03:00:00Z');
    await t.dataSource.query(
      "UPDATE inbox_message SET pushState = 'sending', claimToken = 'dead-worker', claimExpiresAt = ? WHERE applicantId = ?",
      ['2023-08-15 03:01:00', k.applicantId],
    );
    await drain('2023-08-15T03:00:30Z');
    expect((await inbox(k.token)).items[0].pushState).toBe('pending'); // still within its lease
    await drain('2023-08-15T03:02:00Z');
    expect((await inbox(k.token)).items[0].pushState).toBe('outcome_unknown');
    await drain('2023-08-15T05:00:00Z');
    expect(wechat.standIn.sendRequests).toBe(0);
  });

  it('a row a dead worker had decided but not yet sent goes back to pending with its credit, and is sent once', async () => {
    const r = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await accept(r.token, TPL.RETURNED);
    await plan(r.application, '2023-08-15T03:00:00Z');
    // As a worker leaves it: credit spent, row `ready`, then the process dies.
    await t.dataSource.query('UPDATE subscription_credit SET credits = 0 WHERE applicantId = ?', [
      r.applicantId,
    ]);
    await t.dataSource.query(
      "UPDATE inbox_message SET pushState = 'ready', templateId = ?, claimToken = 'dead-worker', claimExpiresAt = ? WHERE applicantId = ?",
      [TPL.RETURNED, '2023-08-15 03:01:00', r.applicantId],
    );
    await drain('2023-08-15T03:00:30Z');
    expect(wechat.standIn.sendRequests).toBe(0);
    await drain('2023-08-15T03:02:00Z');
    expect((await inbox(r.token)).items[0].pushState).toBe('sent');
    expect(wechat.standIn.sendRequests).toBe(1);
    const status = (await t.api.get('/api/me/subscriptions').set(as(r.token)).expect(200)).body;
    expect(
      status.credits.find((x: { templateId: string }) => x.templateId === TPL.RETURNED).remaining,
    ).toBe(0);
  });

  it('an alert planned before anyone bound the application reaches the inbox on the planner’s next run, not on reading it', async () => {
    const application = await newApplicationWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await planner.planApplications([{ ...application }], new Date('2023-08-15T03:00:00Z'));
    const l = await applicantWith({ status: 'drafting' });
    await t.dataSource
      .getRepository(ApplicationBindingEntity)
      .insert({ applicantId: l.applicantId, applicationId: application.id });
    expect((await inbox(l.token)).items).toEqual([]);
    expect(
      (await t.api.get('/api/me/inbox/unread-count').set(as(l.token)).expect(200)).body,
    ).toEqual({ unread: 0 });

    const summary = await planner.runOnce(new Date('2023-08-15T03:00:00Z'), { isFullScan: false });
    expect(summary.inboxMessages).toBeGreaterThanOrEqual(1);
    const box = await inbox(l.token);
    expect(box.items.map((m: { kind: string }) => m.kind)).toEqual(['application_returned']);
  });

  it('an alert planned before the applicant binds the application is in their inbox as soon as they bind it', async () => {
    const application = await newApplicationWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await planner.planApplications([{ ...application }], new Date('2023-08-15T03:00:00Z'));
    const { token } = (
      await t.api
        .post('/api/auth/dev')
        .send({ devUserId: `binder-${application.id}` })
        .expect(200)
    ).body;
    expect((await inbox(token)).items).toEqual([]);

    await t.api
      .post('/api/me/bindings')
      .set(as(token))
      .send({
        name: application.applicantName,
        idCardNumber: ID_ALICE,
        applicationNo: application.applicationNo,
      })
      .expect(200);

    const box = await inbox(token);
    expect(box.items.map((m: { kind: string }) => m.kind)).toEqual(['application_returned']);
  });

  it('plans from the domain events of the mirror, with a persisted cursor', async () => {
    const m = await applicantWith({
      status: 'authority_review',
      statusChangedAt: new Date('2023-08-10T02:00:00Z'),
    });
    const change = {
      ...platformApplicationData(m.application.applicationNo, 'returned', '2023-08-15T02:00:00Z'),
      applicantName: m.application.applicantName,
      idCardNumber: ID_ALICE,
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
      isFeePaid: null,
    };
    await t.app
      .get(MirrorService)
      .apply([{ ref: 'event e1', application: change as never }], 'webhook', 'e1');
    const summary = await planner.runOnce(new Date('2023-08-15T03:00:00Z'), { isFullScan: false });
    expect(summary.events).toBeGreaterThanOrEqual(1);
    expect((await inbox(m.token)).items.map((x: { kind: string }) => x.kind)).toContain(
      'application_returned',
    );
    const again = await planner.runOnce(new Date('2023-08-15T03:00:00Z'), { isFullScan: false });
    expect(again.events).toBe(0);
  });

  it('tells "e-certificate ready" with the certificate’s own issue date, once the certificate is mirrored', async () => {
    const c = await applicantWith({
      status: 'qualification_document_issued',
      statusChangedAt: new Date('2023-11-30T02:00:00Z'),
    });
    const change = (certificate?: Record<string, unknown>) => ({
      ...platformApplicationData(
        c.application.applicationNo,
        'certificate_issued',
        '2023-12-05T02:00:00Z',
        certificate ? { certificate } : {},
      ),
      applicantName: c.application.applicantName,
      idCardNumber: ID_ALICE,
      statusChangedAt: new Date('2023-12-05T02:00:00Z'),
      submissionCount: 1,
      isFeePaid: null,
    });
    const certificateReady = async () =>
      (await inbox(c.token)).items.filter(
        (m: { kind: string }) => m.kind === 'certificate_ready',
      ) as Array<{ data: unknown }>;
    const mirror = t.app.get(MirrorService);

    // The status says issued, but the certificate itself has not come: nothing to open yet.
    await mirror.apply(
      [{ ref: 'event c1', application: change() as never }],
      'webhook',
      `c1-${c.applicantId}`,
    );
    await planner.runOnce(new Date('2023-12-06T04:00:00Z'), { isFullScan: false });
    expect(await certificateReady()).toEqual([]);

    const certificate = {
      certificateNo: `HTZC-R-${c.applicantId}`,
      issuedOn: '2023-12-04',
      issuingCommittee: '和田地区卫生系列中级评审委员会',
      qualificationDocumentNo: null,
      qualificationDocumentDate: null,
      isRevoked: false,
      revokedReason: null,
    };
    await mirror.apply(
      [{ ref: 'event c2', application: change(certificate) as never }],
      'webhook',
      `c2-${c.applicantId}`,
    );
    await planner.runOnce(new Date('2023-12-06T05:00:00Z'), { isFullScan: false });
    expect(await certificateReady()).toEqual([
      expect.objectContaining({ data: { certificateIssuedAt: '2023-12-04' } }),
    ]);
  });

  it('the inbox pages newest first, counts unread and marks read (own messages only)', async () => {
    const n = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await plan(n.application, '2023-08-15T03:00:00Z');
    await plan(n.application, '2023-08-16T03:00:00Z');
    const page1 = (await t.api.get('/api/me/inbox?page=1&pageSize=1').set(as(n.token)).expect(200))
      .body;
    expect(page1).toMatchObject({ page: 1, pageSize: 1, total: 2, unread: 2 });
    expect(page1.items[0].kind).toBe('revision_deadline_approaching');
    const page2 = (await t.api.get('/api/me/inbox?page=2&pageSize=1').set(as(n.token)).expect(200))
      .body;
    expect(page2.items[0].kind).toBe('application_returned');
    await t.api.get('/api/me/inbox?pageSize=101').set(as(n.token)).expect(400);

    const read = await t.api
      .post(`/api/me/inbox/${page2.items[0].id}/read`)
      .set(as(n.token))
      .expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect(
      (await t.api.get('/api/me/inbox/unread-count').set(as(n.token)).expect(200)).body,
    ).toEqual({ unread: 1 });
    const other = await applicantWith({ status: 'drafting' });
    await t.api.post(`/api/me/inbox/${page2.items[0].id}/read`).set(as(other.token)).expect(404);
    expect((await t.api.post('/api/me/inbox/read-all').set(as(n.token)).expect(200)).body).toEqual({
      marked: 1,
    });
    expect(
      (await t.api.get('/api/me/inbox/unread-count').set(as(n.token)).expect(200)).body,
    ).toEqual({ unread: 0 });
    await t.api.get('/api/me/inbox').expect(401);
  });

  it('templates are public; 20004 remembers the main switch is off; an accept turns it back on', async () => {
    const templates = (await t.api.get('/api/subscriptions/templates').expect(200)).body;
    expect(templates.isLongTerm).toBe(false);
    expect(templates.templates).toEqual(
      expect.arrayContaining([{ kind: 'fee_due', templateId: TPL.FEE }]),
    );
    const o = await applicantWith({ status: 'drafting' });
    const off = await t.api
      .post('/api/me/subscriptions')
      .set(as(o.token))
      .send({ results: {}, errorCode: 20004 })
      .expect(200);
    expect(off.body.isMainSwitchOff).toBe(true);
    await t.api
      .post('/api/me/subscriptions')
      .set(as(o.token))
      .send({ results: { [TPL.FEE]: 'maybe' } })
      .expect(400);
    const on = await accept(o.token, TPL.FEE);
    expect(on.body.isMainSwitchOff).toBe(false);
    expect(
      on.body.credits.find((x: { templateId: string }) => x.templateId === TPL.FEE).remaining,
    ).toBe(1);
  });

  it('workers racing over the same rows never send one twice (SKIP LOCKED, and the update claim TiDB uses)', async () => {
    const count = 60;
    const applications: ApplicationEntity[] = [];
    for (let i = 0; i < count; i += 1) {
      applications.push(
        await newApplicationWith({
          status: 'returned',
          statusChangedAt: RETURNED_AT,
          submissionCount: 1,
        }),
      );
    }
    const tag = Date.now().toString(36);
    for (const [i, application] of applications.entries()) {
      await t.dataSource.query('INSERT INTO applicant (openId) VALUES (?)', [`o-race-${tag}-${i}`]);
      const [{ id }] = await t.dataSource.query('SELECT id FROM applicant WHERE openId = ?', [
        `o-race-${tag}-${i}`,
      ]);
      await t.dataSource.query(
        'INSERT INTO application_binding (applicantId, applicationId) VALUES (?, ?)',
        [id, application.id],
      );
      await t.dataSource.query(
        'INSERT INTO subscription_credit (applicantId, templateId, credits, acceptedTotal, isSwitchedOff) VALUES (?, ?, 1, 1, 0)',
        [id, TPL.RETURNED],
      );
    }
    await planner.planApplications(applications, new Date('2023-08-15T03:00:00Z'));
    wechat.standIn.sendDelayMs = 5;
    const options = t.app.get<PushWorkerOptions>(PUSH_WORKER_OPTIONS);
    const sender = t.app.get<SubscribeSender>(SUBSCRIBE_SENDER);
    const workers = Array.from(
      { length: 4 },
      (_, i) =>
        new PushWorkerService(
          t.app.get(InboxMessageRepository),
          t.app.get(SubscriptionRepository),
          sender,
          {
            ...options,
            batchSize: 7,
            claimMode: i % 2 === 0 ? 'skip_locked' : 'update',
          },
        ),
    );
    await Promise.all(workers.map((w) => w.drain(() => new Date('2023-08-15T03:00:05Z'))));
    expect(wechat.standIn.duplicatePages()).toBe(0);
    expect(wechat.standIn.sendRequests).toBe(count);
    const [{ n }] = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM inbox_message m JOIN applicant p ON p.id = m.applicantId WHERE p.openId LIKE ? AND m.pushState = 'sent'",
      [`o-race-${tag}-%`],
    );
    expect(Number(n)).toBe(count);
  });

  it('long-term subscriptions (WECHAT_SUBSCRIBE_LONG_TERM): one accept lasts, no credit is spent', async () => {
    const q = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await accept(q.token, TPL.RETURNED, TPL.REVISION);
    await t.dataSource.query('UPDATE subscription_credit SET credits = 0 WHERE applicantId = ?', [
      q.applicantId,
    ]);
    const options = t.app.get<PushWorkerOptions>(PUSH_WORKER_OPTIONS);
    const longTerm = new PushWorkerService(
      t.app.get(InboxMessageRepository),
      t.app.get(SubscriptionRepository),
      t.app.get<SubscribeSender>(SUBSCRIBE_SENDER),
      {
        ...options,
        isLongTermSubscription: true,
      },
    );
    await plan(q.application, '2023-08-15T03:00:00Z');
    await longTerm.drain(() => new Date('2023-08-15T03:00:05Z'));
    await plan(q.application, '2023-08-16T03:00:00Z');
    await longTerm.drain(() => new Date('2023-08-16T03:00:05Z'));
    expect((await inbox(q.token)).items.map((m: { pushState: string }) => m.pushState)).toEqual([
      'sent',
      'sent',
    ]);
    const [row] = await t.dataSource.query(
      'SELECT SUM(credits) AS credits FROM subscription_credit WHERE applicantId = ?',
      [q.applicantId],
    );
    expect(Number(row.credits)).toBe(0);
  });

  describe('WeChat message push', () => {
    const signed = (extra: Record<string, string> = {}) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = `n${Math.random().toString(36).slice(2)}`;
      return {
        signature: wechatPushSignature(PUSH_TOKEN, timestamp, nonce),
        timestamp,
        nonce,
        ...extra,
      };
    };

    it('answers the URL check with echostr, and refuses a bad signature', async () => {
      const res = await t.api
        .get('/api/wechat/push')
        .query(signed({ echostr: 'hello-123' }))
        .expect(200);
      expect(res.text).toBe('hello-123');
      await t.api
        .get('/api/wechat/push')
        .query({ ...signed({ echostr: 'x' }), nonce: 'other' })
        .expect(401);
      await t.api
        .post('/api/wechat/push')
        .query({ ...signed(), signature: 'a'.repeat(40) })
        .send({})
        .expect(401);
    });

    it('records popup events (List as an array) once, and a template switched off (List as one object)', async () => {
      const p = await applicantWith({ status: 'drafting' });
      await accept(p.token, TPL.FEE);
      const popup = {
        ToUserName: 'gh_123',
        FromUserName: p.openId,
        CreateTime: 1714000000,
        MsgType: 'event',
        Event: 'subscribe_msg_popup_event',
        List: [
          { TemplateId: TPL.FEE, SubscribeStatusString: 'accept', PopupScene: '0' },
          { TemplateId: TPL.RETURNED, SubscribeStatusString: 'reject', PopupScene: '0' },
        ],
      };
      for (let i = 0; i < 2; i += 1) {
        const res = await t.api
          .post('/api/wechat/push')
          .query(signed({ openid: p.openId }))
          .set('content-type', 'application/json')
          .send(popup)
          .expect(200);
        expect(res.text).toBe('success');
      }
      const events = await t.dataSource.query(
        "SELECT templateId, status FROM wechat_event WHERE openId = ? AND event = 'subscribe_msg_popup_event'",
        [p.openId],
      );
      expect(events).toHaveLength(2);
      // Popups are recorded only: the app's report already counted the credit.
      let status = (await t.api.get('/api/me/subscriptions').set(as(p.token)).expect(200)).body;
      expect(
        status.credits.find((x: { templateId: string }) => x.templateId === TPL.FEE).remaining,
      ).toBe(1);

      const change = {
        ...popup,
        CreateTime: 1714000100,
        Event: 'subscribe_msg_change_event',
        List: { TemplateId: TPL.FEE, SubscribeStatusString: 'reject' },
      };
      await t.api.post('/api/wechat/push').query(signed()).send(change).expect(200);
      status = (await t.api.get('/api/me/subscriptions').set(as(p.token)).expect(200)).body;
      expect(
        status.credits.find((x: { templateId: string }) => x.templateId === TPL.FEE).remaining,
      ).toBe(0);

      const sent = {
        ...popup,
        CreateTime: 1714000200,
        Event: 'subscribe_msg_sent_event',
        List: { TemplateId: TPL.FEE, MsgID: '1700000', ErrorCode: '0', ErrorStatus: 'success' },
      };
      await t.api.post('/api/wechat/push').query(signed()).send(sent).expect(200);
      const [sentRow] = await t.dataSource.query(
        "SELECT msgId, errorCode FROM wechat_event WHERE openId = ? AND event = 'subscribe_msg_sent_event'",
        [p.openId],
      );
      expect(sentRow).toMatchObject({ msgId: '1700000' });
    });
  });

  it('staff see per application and alert kind what was planned, pushed, read and failed', async () => {
    const s = await applicantWith({
      status: 'returned',
      statusChangedAt: RETURNED_AT,
      submissionCount: 1,
    });
    await accept(s.token, TPL.RETURNED);
    await plan(s.application, '2023-08-15T03:00:00Z');
    await plan(s.application, '2023-08-16T03:00:00Z');
    await drain('2023-08-16T03:00:05Z');
    await t.api.post('/api/me/inbox/read-all').set(as(s.token)).expect(200);
    const dev = await t.api
      .post('/api/auth/dev')
      .send({ devUserId: `dev-${Date.now()}` })
      .expect(200);
    await t.api
      .get(`/api/staff/applications/${s.application.id}/alerts`)
      .set(as(dev.body.token))
      .expect(403);
    const staffToken = await staffLogin(t);
    const view = (
      await t.api
        .get(`/api/staff/applications/${s.application.id}/alerts`)
        .set(as(staffToken))
        .expect(200)
    ).body;
    expect(view.kinds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'application_returned',
          planned: 1,
          inbox: 1,
          read: 1,
          pushed: 1,
        }),
        expect.objectContaining({
          kind: 'revision_deadline_approaching',
          planned: 1,
          inbox: 1,
          read: 1,
          noSubscription: 1,
        }),
      ]),
    );
    const summary = (await t.api.get('/api/staff/reminders').set(as(staffToken)).expect(200)).body;
    expect(summary.byState.sent).toBeGreaterThan(0);
  });
});

async function staffLogin(t: TestApp): Promise<string> {
  const { StaffService } = await import('../../src/modules/staff/staff.service');
  const username = `office${Date.now().toString(36)}`;
  const password = 'correct horse battery staple';
  await t.app
    .get(StaffService)
    .create({ username, password, displayName: '职称办', role: 'prefecture_office' });
  return (await t.api.post('/api/auth/staff').send({ username, password }).expect(200)).body.token;
}
