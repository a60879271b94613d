import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { WechatAccessTokenStore } from '../../src/modules/wechat/access-token.store';
import { wechatPushSignature } from '../../src/modules/wechat/push-signature';
import { SubscribeMessageClient } from '../../src/modules/wechat/subscribe-message.client';
import { SEND_OUTCOME } from '../../src/modules/wechat/subscribe-sender.type';
import type { SubscribeMessage } from '../../src/modules/wechat/subscribe-sender.type';
import { WechatAccessTokenRepository } from '../../src/modules/wechat/wechat-access-token.repository';
import { WechatHttp } from '../../src/modules/wechat/wechat-api.http';
import { WechatAccessTokenEntity } from '../../src/modules/wechat/wechat.entities';
import { createTestApp, isMysql } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import {
  STAND_IN_APP_ID,
  STAND_IN_APP_SECRET,
  startWechatStandIn,
} from '../support/wechat-stand-in';
import type { RunningWechatStandIn } from '../support/wechat-stand-in';

const NOW = new Date('2030-01-01T00:00:00Z');
const message: SubscribeMessage = {
  toOpenId: 'o-subscriber-1',
  templateId: 'tmpl-1234567890',
  page: 'pages/inbox/index?messageId=1',
  data: { thing1: { value: '请缴纳评审费' } },
  miniprogramState: 'formal',
};

// The subscribe-message client and the shared access-token store against the WeChat stand-in
// over real HTTP, on the pass's database.
describe('WeChat subscribe/send and stable_token', () => {
  let wechat: RunningWechatStandIn;
  let t: TestApp;
  const store = (http: WechatHttp) =>
    new WechatAccessTokenStore(
      new WechatAccessTokenRepository(t.unitOfWork),
      http,
      STAND_IN_APP_ID,
      STAND_IN_APP_SECRET,
    );

  beforeAll(async () => {
    wechat = await startWechatStandIn();
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });
  beforeEach(async () => {
    wechat.standIn.reset();
    await t.dataSource.getRepository(WechatAccessTokenEntity).clear();
  });

  it('fetches one token, stores it for every instance, and reuses it until 5 minutes before expiry', async () => {
    const http = new WechatHttp(wechat.baseUrl, 2000);
    const a = store(http);
    const b = store(http); // another instance
    const token = await a.get(NOW);
    await expect(b.get(NOW)).resolves.toBe(token);
    expect(wechat.standIn.tokenRequests).toBe(1);
    const stored = await t.dataSource
      .getRepository(WechatAccessTokenEntity)
      .findOneByOrFail({ appId: STAND_IN_APP_ID });
    expect(stored.expiresAt.toISOString()).toBe('2030-01-01T02:00:00.000Z');
    await b.get(new Date('2030-01-01T01:54:59Z'));
    expect(wechat.standIn.tokenRequests).toBe(1);
    await b.get(new Date('2030-01-01T01:55:01Z'));
    expect(wechat.standIn.tokenRequests).toBe(2);
  });

  it('forces a refresh only when WeChat hands back the very token it refused', async () => {
    const http = new WechatHttp(wechat.baseUrl, 2000);
    const tokens = store(http);
    const first = await tokens.get(NOW);
    // WeChat still issues `first` in normal mode but refuses it: only force_refresh helps.
    const second = await tokens.replaceRejected(first, NOW);
    expect(second).not.toBe(first);
    expect(wechat.standIn.forcedTokenRequests).toBe(1);
    // Another instance already stored a newer token: no call to WeChat at all.
    const before = wechat.standIn.tokenRequests;
    await expect(store(http).replaceRejected(first, NOW)).resolves.toBe(second);
    expect(wechat.standIn.tokenRequests).toBe(before);
  });

  it('sends, and classifies WeChat’s answers', async () => {
    const client = new SubscribeMessageClient(
      new WechatHttp(wechat.baseUrl, 2000),
      store(new WechatHttp(wechat.baseUrl, 2000)),
    );
    await expect(client.send(message, NOW)).resolves.toMatchObject({
      outcome: SEND_OUTCOME.SENT,
      msgId: expect.any(String),
    });
    const cases: Array<[number | 'http500', string]> = [
      [43101, SEND_OUTCOME.REFUSED],
      [45009, SEND_OUTCOME.RETRY],
      ['http500', SEND_OUTCOME.RETRY],
      [47003, SEND_OUTCOME.FAILED],
      [40003, SEND_OUTCOME.FAILED],
    ];
    for (const [answer, outcome] of cases) {
      wechat.standIn.sendScript.push(answer);
      await expect(client.send(message, NOW)).resolves.toMatchObject({ outcome });
    }
    expect(wechat.standIn.delivered.get(`${message.toOpenId}|${message.templateId}`)).toBe(1);
  });

  it('a refused token (40001/42001) is replaced and the send retried once, not counted as a try', async () => {
    const http = new WechatHttp(wechat.baseUrl, 2000);
    const client = new SubscribeMessageClient(http, store(http));
    await client.send(message, NOW);
    wechat.standIn.expireTokens();
    await expect(client.send(message, NOW)).resolves.toMatchObject({ outcome: SEND_OUTCOME.SENT });
    expect(wechat.standIn.tokenRequests).toBe(2);
  });

  it('a timeout may have reached WeChat (outcome unknown); a refused connection certainly did not (retry)', async () => {
    const http = new WechatHttp(wechat.baseUrl, 300);
    const tokens = store(http);
    await tokens.get(NOW);
    wechat.standIn.sendScript.push('hang');
    await expect(
      new SubscribeMessageClient(http, tokens).send(message, NOW),
    ).resolves.toMatchObject({ outcome: SEND_OUTCOME.UNKNOWN });

    const closedPort = await new Promise<number>((done) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => done(port));
      });
    });
    const nowhere = new WechatHttp(`http://127.0.0.1:${closedPort}`, 300);
    await expect(
      new SubscribeMessageClient(nowhere, tokens).send(message, NOW),
    ).resolves.toMatchObject({ outcome: SEND_OUTCOME.RETRY });
  });
});

// WeChat's message push in plaintext mode signs the query, not the body: a signed URL must be
// fresh, taken once across every instance, and carry a small body. Two instances share one
// database (a file on the SQLite pass, the pass's MariaDB otherwise).
describe('WeChat message push: freshness, one use per nonce, bounded body', () => {
  const PUSH_TOKEN = 'pushToken123';
  const TEMPLATE = 'tmpl-fee-due-push-01';
  const dir = mkdtempSync(join(tmpdir(), 'titletrack-wechat-push-'));
  let a: TestApp;
  let b: TestApp;
  let token: string;
  let openId: string;

  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const signedAt = (timestamp: number) => {
    const nonce = `n${Math.random().toString(36).slice(2)}`;
    return {
      signature: wechatPushSignature(PUSH_TOKEN, String(timestamp), nonce),
      timestamp: String(timestamp),
      nonce,
    };
  };
  const change = (status: 'accept' | 'reject', extra: Record<string, unknown> = {}) => ({
    ToUserName: 'gh_123',
    FromUserName: openId,
    CreateTime: nowSeconds(),
    MsgType: 'event',
    Event: 'subscribe_msg_change_event',
    List: { TemplateId: TEMPLATE, SubscribeStatusString: status },
    ...extra,
  });
  const remaining = async (): Promise<number | null> => {
    const res = await a.api
      .get('/api/me/subscriptions')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    return (res.body.credits as Array<{ templateId: string; remaining: number | null }>).find(
      (credit) => credit.templateId === TEMPLATE,
    )?.remaining as number | null;
  };
  const recordedChanges = async (): Promise<number> => {
    const rows = await a.dataSource.query<Array<{ n: number | string }>>(
      "SELECT COUNT(*) AS n FROM wechat_event WHERE openId = ? AND event = 'subscribe_msg_change_event'",
      [openId],
    );
    return Number(rows[0]?.n);
  };

  beforeAll(async () => {
    const env = {
      ...(isMysql() ? {} : { DATABASE_URL: `sqlite:${join(dir, 'push.sqlite')}` }),
      WECHAT_PUSH_TOKEN: PUSH_TOKEN,
      WECHAT_TEMPLATE_FEE_DUE: TEMPLATE,
    };
    a = await createTestApp(env);
    b = await createTestApp(env);
    const devUserId = `push-${Date.now().toString(36)}`;
    openId = `dev:${devUserId}`;
    token = (await a.api.post('/api/auth/dev').send({ devUserId }).expect(200)).body.token;
    await a.api
      .post('/api/me/subscriptions')
      .set({ Authorization: `Bearer ${token}` })
      .send({ results: { errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' } })
      .expect(200);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a signed push from 2020, one an hour old and one an hour ahead, changing nothing', async () => {
    expect(await remaining()).toBe(1);
    for (const timestamp of [1590000000, nowSeconds() - 3600, nowSeconds() + 3600]) {
      const res = await a.api
        .post('/api/wechat/push')
        .query(signedAt(timestamp))
        .send(change('reject'))
        .expect(401);
      expect(res.body).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    }
    await a.api
      .get('/api/wechat/push')
      .query({ ...signedAt(nowSeconds() - 3600), echostr: 'x' })
      .expect(401);
    expect(await remaining()).toBe(1);
    expect(await recordedChanges()).toBe(0);
  });

  it('refuses a body over 64 KB with 413, changing nothing', async () => {
    const res = await a.api
      .post('/api/wechat/push')
      .query(signedAt(nowSeconds()))
      .send(change('reject', { Padding: 'x'.repeat(70 * 1024) }))
      .expect(413);
    expect(res.body).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(await remaining()).toBe(1);
    expect(await recordedChanges()).toBe(0);
  });

  it('takes a fresh push once: the same timestamp and nonce again, on either instance, is refused', async () => {
    const query = signedAt(nowSeconds());
    const res = await a.api
      .post('/api/wechat/push')
      .query(query)
      .send(change('reject'))
      .expect(200);
    expect(res.text).toBe('success');
    expect(await remaining()).toBe(0);

    // A captured URL replayed with another body: switching the template back on.
    for (const instance of [a, b]) {
      const replay = await instance.api
        .post('/api/wechat/push')
        .query(query)
        .send(change('accept', { CreateTime: nowSeconds() + 1 }))
        .expect(401);
      expect(replay.body).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    }
    expect(await remaining()).toBe(0);
    expect(await recordedChanges()).toBe(1);

    // The second instance takes its own fresh pushes (switching on again; the credits stay spent).
    await b.api
      .post('/api/wechat/push')
      .query(signedAt(nowSeconds()))
      .send(change('accept', { CreateTime: nowSeconds() + 2 }))
      .expect(200);
    expect(await recordedChanges()).toBe(2);
    const [credit] = await a.dataSource.query<Array<{ isSwitchedOff: number | boolean }>>(
      'SELECT c.isSwitchedOff FROM subscription_credit c JOIN applicant p ON p.id = c.applicantId WHERE p.openId = ? AND c.templateId = ?',
      [openId, TEMPLATE],
    );
    expect(Number(credit?.isSwitchedOff)).toBe(0);
  });
});
