import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import {
  STAND_IN_APP_ID,
  STAND_IN_APP_SECRET,
  WECHAT_STAND_IN_ERROR,
  startWechatStandIn,
} from '../support/wechat-stand-in';
import type { RunningWechatStandIn } from '../support/wechat-stand-in';

describe('POST /api/auth/wechat against a WeChat stand-in', () => {
  let wechat: RunningWechatStandIn;
  let t: TestApp;
  beforeAll(async () => {
    wechat = await startWechatStandIn();
    t = await createTestApp({
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: STAND_IN_APP_ID,
      WECHAT_SECRET: STAND_IN_APP_SECRET,
    });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  it('exchanges the code, creates the applicant once and opens a session', async () => {
    wechat.standIn.codes.set('code-first-0001', { openid: 'oOPENID-alice', session_key: 'sk-1' });
    wechat.standIn.codes.set('code-again-0002', { openid: 'oOPENID-alice', session_key: 'sk-2' });
    const first = await t.api
      .post('/api/auth/wechat')
      .send({ code: 'code-first-0001' })
      .expect(200);
    const again = await t.api
      .post('/api/auth/wechat')
      .send({ code: 'code-again-0002' })
      .expect(200);
    expect(first.body.principal).toEqual({ kind: 'applicant', id: expect.any(String) });
    expect(again.body.principal.id).toBe(first.body.principal.id);
    await t.api.get('/api/me').set('Authorization', `Bearer ${first.body.token}`).expect(200);
    // The openid and session_key stay on the server: never in a response.
    expect(JSON.stringify([first.body, again.body])).not.toMatch(/oOPENID|sk-1|sk-2/);
    expect(wechat.standIn.requests.at(-1)).toMatchObject({
      query: expect.objectContaining({ appid: STAND_IN_APP_ID }),
    });
  });

  it.each([
    ['an invalid code', WECHAT_STAND_IN_ERROR.INVALID_CODE, 400, 'WECHAT_CODE_INVALID'],
    ['the rate limit', WECHAT_STAND_IN_ERROR.RATE_LIMITED, 429, 'WECHAT_RATE_LIMITED'],
    ['a risky user', WECHAT_STAND_IN_ERROR.RISKY_USER, 403, 'WECHAT_RISKY_USER'],
    ['a busy WeChat (after one retry)', WECHAT_STAND_IN_ERROR.BUSY, 503, 'WECHAT_UNAVAILABLE'],
  ])('answers %s with a code the mini-app can explain', async (_, error, status, code) => {
    const wxCode = `code-${error.errcode}-x`.replace('--', '-');
    wechat.standIn.codes.set(wxCode, error);
    const res = await t.api.post('/api/auth/wechat').send({ code: wxCode }).expect(status);
    expect(res.body).toEqual({ code, message: 'WeChat login failed' });
  });

  it('answers a reused code as invalid (codes are single use)', async () => {
    wechat.standIn.codes.set('code-once-0003', { openid: 'oOPENID-bob', session_key: 'sk-3' });
    await t.api.post('/api/auth/wechat').send({ code: 'code-once-0003' }).expect(200);
    const res = await t.api.post('/api/auth/wechat').send({ code: 'code-once-0003' }).expect(400);
    expect(res.body.code).toBe('WECHAT_CODE_INVALID');
  });

  it('answers WECHAT_UNAVAILABLE when WeChat fails with HTTP 500', async () => {
    wechat.standIn.codes.set('code-http500-04', 'http500');
    const res = await t.api.post('/api/auth/wechat').send({ code: 'code-http500-04' }).expect(503);
    expect(res.body.code).toBe('WECHAT_UNAVAILABLE');
  });

  it('refuses a malformed code before calling WeChat', async () => {
    const before = wechat.standIn.requests.length;
    await t.api.post('/api/auth/wechat').send({ code: 'no spaces allowed' }).expect(400);
    await t.api.post('/api/auth/wechat').send({}).expect(400);
    expect(wechat.standIn.requests.length).toBe(before);
  });
});
