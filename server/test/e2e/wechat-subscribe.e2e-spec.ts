import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { WechatAccessTokenStore } from '../../src/modules/wechat/access-token.store';
import { SubscribeMessageClient } from '../../src/modules/wechat/subscribe-message.client';
import { SEND_OUTCOME } from '../../src/modules/wechat/subscribe-sender.type';
import type { SubscribeMessage } from '../../src/modules/wechat/subscribe-sender.type';
import { WechatAccessTokenRepository } from '../../src/modules/wechat/wechat-access-token.repository';
import { WechatHttp } from '../../src/modules/wechat/wechat-api.http';
import { WechatAccessTokenEntity } from '../../src/modules/wechat/wechat.entities';
import { createTestApp } from '../support/test-app';
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
