import { Logger } from '@nestjs/common';

import {
  STAND_IN_APP_ID,
  STAND_IN_APP_SECRET,
  WECHAT_STAND_IN_ERROR,
  startWechatStandIn,
} from '../../../test/support/wechat-stand-in';
import type {
  RunningWechatStandIn,
  WechatStandInScript,
} from '../../../test/support/wechat-stand-in';
import {
  LOCAL_ERRCODE,
  WECHAT_FAILURE,
  WechatApiError,
  WechatSessionClient,
} from './wechat-session.client';
import type { WechatSessionClientOptions } from './wechat-session.client';

// Obviously fake values, long enough that a leak into a message cannot match by accident.
const CODE = 'js-code-0a1b2c3d4e5f';
const OPEN_ID = 'o-openid-stand-in-9z8y7x';
const UNION_ID = 'u-unionid-stand-in-6w5v4u';
const SESSION_KEY = 'session-key-stand-in-3t2s1r==';
const SESSION = { openid: OPEN_ID, session_key: SESSION_KEY };

describe(WechatSessionClient.name, () => {
  let wechat: RunningWechatStandIn;
  let sleep: jest.Mock<Promise<void>, [number]>;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    wechat = await startWechatStandIn();
  });

  afterAll(async () => {
    await wechat.close();
  });

  beforeEach(() => {
    wechat.standIn.reset();
    sleep = jest.fn((_ms: number) => Promise.resolve());
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  function newClient(overrides: Partial<WechatSessionClientOptions> = {}): WechatSessionClient {
    return new WechatSessionClient({
      baseUrl: wechat.baseUrl,
      appId: STAND_IN_APP_ID,
      appSecret: STAND_IN_APP_SECRET,
      sleep,
      ...overrides,
    });
  }

  async function failureOf(promise: Promise<unknown>): Promise<WechatApiError> {
    const error = await promise.then(
      () => {
        throw new Error('Expected a WechatApiError, but the exchange succeeded');
      },
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WechatApiError);
    return error as WechatApiError;
  }

  describe('exchangeCode', () => {
    it('returns the session with its unionid', async () => {
      wechat.standIn.codes.set(CODE, { ...SESSION, unionid: UNION_ID });

      await expect(newClient().exchangeCode(CODE)).resolves.toEqual({
        openId: OPEN_ID,
        unionId: UNION_ID,
        sessionKey: SESSION_KEY,
      });
    });

    it('returns a null unionId when WeChat sends none', async () => {
      wechat.standIn.codes.set(CODE, SESSION);

      await expect(newClient().exchangeCode(CODE)).resolves.toEqual({
        openId: OPEN_ID,
        unionId: null,
        sessionKey: SESSION_KEY,
      });
    });

    it('sends the documented query to /sns/jscode2session', async () => {
      wechat.standIn.codes.set(CODE, SESSION);

      await newClient().exchangeCode(CODE);

      expect(wechat.standIn.requests).toEqual([
        {
          method: 'GET',
          path: '/sns/jscode2session',
          query: {
            appid: STAND_IN_APP_ID,
            secret: STAND_IN_APP_SECRET,
            js_code: CODE,
            grant_type: 'authorization_code',
          },
        },
      ]);
    });

    it('parses a JSON body labelled text/plain', async () => {
      wechat.standIn.contentType = 'text/plain';
      wechat.standIn.codes.set(CODE, SESSION);

      await expect(newClient().exchangeCode(CODE)).resolves.toMatchObject({ openId: OPEN_ID });
    });

    it('maps a text/plain error body too', async () => {
      wechat.standIn.contentType = 'text/plain';

      await expect(newClient().exchangeCode(CODE)).rejects.toMatchObject({
        kind: WECHAT_FAILURE.INVALID_CODE,
        errcode: 40029,
      });
    });

    it('accepts an errcode of 0 beside the session', async () => {
      wechat.standIn.codes.set(CODE, {
        body: JSON.stringify({ ...SESSION, errcode: 0, errmsg: 'ok' }),
      });

      await expect(newClient().exchangeCode(CODE)).resolves.toMatchObject({ openId: OPEN_ID });
    });

    it.each([
      ['40029 for a bad code', WECHAT_STAND_IN_ERROR.INVALID_CODE, WECHAT_FAILURE.INVALID_CODE],
      ['45011 when rate limited', WECHAT_STAND_IN_ERROR.RATE_LIMITED, WECHAT_FAILURE.RATE_LIMITED],
      ['40226 for a high-risk user', WECHAT_STAND_IN_ERROR.RISKY_USER, WECHAT_FAILURE.RISKY_USER],
      ['an unknown errcode', { errcode: 40999, errmsg: 'unknown' }, WECHAT_FAILURE.UNEXPECTED],
    ])('maps %s', async (_case, answer, kind) => {
      wechat.standIn.codes.set(CODE, answer);

      await expect(newClient().exchangeCode(CODE)).rejects.toMatchObject({
        kind,
        errcode: answer.errcode,
      });
      expect(wechat.standIn.requests).toHaveLength(1);
      expect(sleep).not.toHaveBeenCalled();
    });

    it('maps a string errcode like a number', async () => {
      wechat.standIn.codes.set(CODE, { body: '{"errcode":"40029","errmsg":"invalid code"}' });

      await expect(newClient().exchangeCode(CODE)).rejects.toMatchObject({
        kind: WECHAT_FAILURE.INVALID_CODE,
        errcode: 40029,
      });
    });

    it('maps a code used twice to INVALID_CODE (40163)', async () => {
      wechat.standIn.codes.set(CODE, SESSION);
      const sut = newClient();
      await sut.exchangeCode(CODE);

      await expect(sut.exchangeCode(CODE)).rejects.toMatchObject({
        kind: WECHAT_FAILURE.INVALID_CODE,
        errcode: 40163,
      });
    });

    it('retries once after -1 and returns the session', async () => {
      wechat.standIn.codes.set(CODE, [WECHAT_STAND_IN_ERROR.BUSY, SESSION]);

      await expect(newClient({ busyRetryDelayMs: 250 }).exchangeCode(CODE)).resolves.toMatchObject({
        openId: OPEN_ID,
      });
      expect(wechat.standIn.requests).toHaveLength(2);
      expect(sleep).toHaveBeenCalledTimes(1);
      expect(sleep).toHaveBeenCalledWith(250);
      expect(warn).toHaveBeenCalledTimes(1);
    });

    it('throws BUSY when -1 comes twice, without a third try', async () => {
      wechat.standIn.codes.set(CODE, WECHAT_STAND_IN_ERROR.BUSY);

      await expect(newClient().exchangeCode(CODE)).rejects.toMatchObject({
        kind: WECHAT_FAILURE.BUSY,
        errcode: -1,
      });
      expect(wechat.standIn.requests).toHaveLength(2);
      expect(sleep).toHaveBeenCalledTimes(1);
    });

    it('waits with a real timer when no sleep is injected', async () => {
      wechat.standIn.codes.set(CODE, [WECHAT_STAND_IN_ERROR.BUSY, SESSION]);
      const sut = newClient({ sleep: undefined, busyRetryDelayMs: 20 });

      await expect(sut.exchangeCode(CODE)).resolves.toMatchObject({ openId: OPEN_ID });
    });

    it('throws UNAVAILABLE on HTTP 500, without retrying', async () => {
      wechat.standIn.codes.set(CODE, 'http500');

      await expect(newClient().exchangeCode(CODE)).rejects.toMatchObject({
        kind: WECHAT_FAILURE.UNAVAILABLE,
        errcode: LOCAL_ERRCODE.UNAVAILABLE,
      });
      expect(wechat.standIn.requests).toHaveLength(1);
    });

    it('throws UNAVAILABLE when WeChat does not answer in time', async () => {
      wechat.standIn.codes.set(CODE, 'hang');
      const startedAt = Date.now();

      await expect(newClient({ timeoutMs: 200 }).exchangeCode(CODE)).rejects.toMatchObject({
        kind: WECHAT_FAILURE.UNAVAILABLE,
        errcode: LOCAL_ERRCODE.UNAVAILABLE,
      });
      expect(Date.now() - startedAt).toBeLessThan(5_000);
      expect(wechat.standIn.requests).toHaveLength(1);
    });

    it('throws UNAVAILABLE when nothing listens at the base URL', async () => {
      const closed = await startWechatStandIn();
      await closed.close();

      const sut = newClient({ baseUrl: closed.baseUrl });

      await expect(sut.exchangeCode(CODE)).rejects.toMatchObject({
        kind: WECHAT_FAILURE.UNAVAILABLE,
        errcode: LOCAL_ERRCODE.UNAVAILABLE,
      });
    });

    it('throws UNEXPECTED on a non-200, non-5xx status', async () => {
      const sut = newClient({ baseUrl: `${wechat.baseUrl}/wrong-prefix` });

      await expect(sut.exchangeCode(CODE)).rejects.toMatchObject({
        kind: WECHAT_FAILURE.UNEXPECTED,
        errcode: LOCAL_ERRCODE.MALFORMED_RESPONSE,
      });
    });

    it.each([
      ['a body that is not JSON', '<html>gateway</html>'],
      ['a JSON array', '[]'],
      ['an empty body', ''],
      ['a missing session_key', JSON.stringify({ openid: OPEN_ID })],
      ['an empty openid', JSON.stringify({ openid: '', session_key: SESSION_KEY })],
      ['a numeric openid', JSON.stringify({ openid: 42, session_key: SESSION_KEY })],
      ['a non-string unionid', JSON.stringify({ ...SESSION, unionid: 7 })],
      ['a non-numeric errcode', JSON.stringify({ errcode: 'oops', errmsg: 'x' })],
    ])('throws UNEXPECTED on %s', async (_case, body) => {
      wechat.standIn.codes.set(CODE, { body });

      await expect(newClient().exchangeCode(CODE)).rejects.toMatchObject({
        kind: WECHAT_FAILURE.UNEXPECTED,
        errcode: LOCAL_ERRCODE.MALFORMED_RESPONSE,
      });
    });

    // A refused appid or secret is our deployment's fault, not the user's. It stays UNEXPECTED
    // (the kinds the login flow maps), but keeps WeChat's errcode and says what was refused.
    it.each([
      ['a wrong secret', { appSecret: 'wrong-secret-1234567890' }, 40125],
      ['a wrong appid', { appId: 'wx1111111111111111' }, 40013],
    ])('throws UNEXPECTED with the errcode for %s', async (_case, overrides, errcode) => {
      wechat.standIn.codes.set(CODE, SESSION);

      const error = await failureOf(newClient(overrides).exchangeCode(CODE));

      expect(error).toMatchObject({ kind: WECHAT_FAILURE.UNEXPECTED, errcode });
      expect(error.message).toContain('refused our appid or secret');
    });

    it('never puts the secret, the code or the session in a message or log', async () => {
      const leaky = [STAND_IN_APP_SECRET, CODE, OPEN_ID, SESSION_KEY];
      const cases: Array<[string, WechatStandInScript]> = [
        [STAND_IN_APP_SECRET, WECHAT_STAND_IN_ERROR.INVALID_CODE],
        [STAND_IN_APP_SECRET, WECHAT_STAND_IN_ERROR.BUSY],
        [STAND_IN_APP_SECRET, 'http500'],
        [STAND_IN_APP_SECRET, 'hang'],
        [STAND_IN_APP_SECRET, { body: JSON.stringify({ openid: OPEN_ID }) }],
        [STAND_IN_APP_SECRET, { body: JSON.stringify({ session_key: SESSION_KEY }) }],
        // WeChat's errmsg is third-party text; an echo of the code or secret must be cut out.
        [
          STAND_IN_APP_SECRET,
          { errcode: 40029, errmsg: `invalid code ${CODE} for secret ${STAND_IN_APP_SECRET}` },
        ],
        ['wrong-secret-1234567890', SESSION],
      ];
      const texts: string[] = [];

      for (const [appSecret, answer] of cases) {
        wechat.standIn.reset();
        wechat.standIn.codes.set(CODE, answer);
        const error = await failureOf(newClient({ appSecret, timeoutMs: 200 }).exchangeCode(CODE));
        texts.push(error.message, String(error.stack), JSON.stringify(error));
        expect(error.cause).toBeUndefined();
      }
      texts.push(...warn.mock.calls.flat().map(String));

      expect(texts.length).toBeGreaterThan(cases.length);
      for (const text of texts) {
        for (const value of [...leaky, 'wrong-secret-1234567890']) {
          expect(text).not.toContain(value);
        }
      }
    });

    it('keeps the WeChat request id in the message for support tickets', async () => {
      const error = await failureOf(newClient().exchangeCode(CODE));

      expect(error.message).toMatch(/40029 \(invalid code, rid: stand-in-\d+\)/);
    });
  });
});
