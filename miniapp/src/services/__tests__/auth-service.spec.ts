import type { SessionResponse } from '@titletrack/shared/contract';

import { createAuthService } from '../auth-service';
import type { AuthServiceDeps } from '../auth-service';
import { createHttpClient } from '../http-client';
import { createSessionStore } from '../session-store';
import type { TaroRequestOptions, TaroRequestResult } from '../taro-adapter';
import { memoryStorage } from './memory-storage';

const session = (token: string): SessionResponse => ({
  token,
  expiresAt: '2099-01-01T00:00:00.000Z',
  principal: { kind: 'applicant', id: 'u1' },
});
const json = (statusCode: number, body: unknown): TaroRequestResult => ({
  statusCode,
  data: body === undefined ? '' : JSON.stringify(body),
  header: {},
});

// The real client and store over a scripted server, so the tests cover the token wiring too.
function setup(options: {
  weapp: boolean;
  answer?: (request: TaroRequestOptions) => TaroRequestResult;
  csrfCookie?: () => string | null;
}) {
  const storage = memoryStorage();
  const isCookieSession = options.csrfCookie !== undefined;
  const store = createSessionStore(storage, undefined, { keepsToken: !isCookieSession });
  const sent: TaroRequestOptions[] = [];
  const http = createHttpClient({
    baseURL: '/api',
    timeoutMs: 1000,
    retryDelaysMs: [],
    request: async (request) => {
      sent.push(request);
      return (options.answer ?? (() => json(200, session('tok-1'))))(request);
    },
    getToken: store.getToken,
    onUnauthenticated: store.clear,
    ...(options.csrfCookie
      ? { cookieSession: { transport: 'cookie', readCsrfToken: options.csrfCookie } }
      : {}),
  });
  let deviceId: string | null = null;
  const deps: AuthServiceDeps = {
    http,
    store,
    isWeapp: () => options.weapp,
    platformLogin: jest.fn(async () => ({ code: 'wx-code-1' })),
    deviceIdStore: {
      get: () => deviceId,
      set: (value) => {
        deviceId = value;
      },
    },
    newDeviceId: jest.fn(() => `h5-${'ab'.repeat(8)}`),
  };
  const body = (index: number): unknown => JSON.parse(String(sent[index]?.data));
  return { sut: createAuthService(deps), deps, store, storage, sent, body };
}

describe('createAuthService', () => {
  describe('signIn', () => {
    it('should send the code from the platform login to the WeChat route on weapp', async () => {
      const { sut, deps, sent, body, store } = setup({ weapp: true });
      await expect(sut.signIn()).resolves.toEqual(session('tok-1'));
      expect(deps.platformLogin).toHaveBeenCalledTimes(1);
      expect(sent[0]).toMatchObject({ url: '/api/auth/wechat', method: 'POST' });
      expect(body(0)).toEqual({ code: 'wx-code-1' });
      expect(store.getToken()).toBe('tok-1');
      expect(deps.newDeviceId).not.toHaveBeenCalled();
    });

    it('should use the development login with one device id, generated once and kept, on H5', async () => {
      const { sut, deps, sent, body } = setup({ weapp: false });
      await sut.signIn();
      await sut.signIn();
      expect(sent.map((request) => request.url)).toEqual(['/api/auth/dev', '/api/auth/dev']);
      expect(body(0)).toEqual({ devUserId: 'h5-abababababababab' });
      expect(body(1)).toEqual(body(0));
      expect(deps.newDeviceId).toHaveBeenCalledTimes(1);
      expect(deps.deviceIdStore.get()).toBe('h5-abababababababab');
      expect(deps.platformLogin).not.toHaveBeenCalled();
    });

    it('should reuse a device id stored by an earlier run', async () => {
      const { sut, deps, body } = setup({ weapp: false });
      deps.deviceIdStore.set('h5-0123456789abcdef');
      await sut.signIn();
      expect(body(0)).toEqual({ devUserId: 'h5-0123456789abcdef' });
      expect(deps.newDeviceId).not.toHaveBeenCalled();
    });

    it('should save nothing when the server refuses the development login', async () => {
      const { sut, store } = setup({
        weapp: false,
        answer: () => json(403, { code: 'DEV_LOGIN_DISABLED', message: 'x' }),
      });
      await expect(sut.signIn()).rejects.toMatchObject({ code: 'DEV_LOGIN_DISABLED', status: 403 });
      expect(store.getToken()).toBeNull();
    });
  });

  describe('getMe', () => {
    it('should send the stored token as a Bearer header', async () => {
      const { sut, sent } = setup({
        weapp: true,
        answer: (request) =>
          request.url === '/api/me'
            ? json(200, { principal: { kind: 'applicant', id: 'u1' } })
            : json(200, session('tok-1')),
      });
      await sut.signIn();
      await expect(sut.getMe()).resolves.toEqual({ principal: { kind: 'applicant', id: 'u1' } });
      expect(sent[0]?.header).not.toHaveProperty('Authorization');
      expect(sent[1]).toMatchObject({ url: '/api/me', method: 'GET' });
      expect(sent[1]?.header.Authorization).toBe('Bearer tok-1');
    });

    it('should clear the stored session when the server answers 401 UNAUTHENTICATED', async () => {
      const { sut, store } = setup({
        weapp: true,
        answer: (request) =>
          request.url === '/api/me'
            ? json(401, { code: 'UNAUTHENTICATED', message: 'Session expired' })
            : json(200, session('tok-1')),
      });
      await sut.signIn();
      await expect(sut.getMe()).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
      expect(store.getToken()).toBeNull();
    });
  });

  describe('on H5, with the session in a cookie', () => {
    // What the server answers a cookie sign-in: no token in the JSON.
    const { token: _token, ...cookieAnswer } = session('tok-1');

    it('should ask for a cookie session and keep no token anywhere', async () => {
      let csrf: string | null = null;
      const { sut, sent, store, storage } = setup({
        weapp: false,
        csrfCookie: () => csrf,
        answer: () => {
          csrf = 'proof-1';
          return json(200, cookieAnswer);
        },
      });
      await sut.signIn();
      expect(sent[0]?.header).toMatchObject({ 'X-Session-Transport': 'cookie' });
      expect(sent[0]?.header).not.toHaveProperty('Authorization');
      expect(store.getToken()).toBeNull();
      expect(store.getSession()).toEqual(cookieAnswer);
      expect([...storage.entries.values()].join()).not.toContain('tok-1');
    });

    it('should sign out on the server with the CSRF proof, then clear', async () => {
      const { sut, sent, store } = setup({
        weapp: false,
        csrfCookie: () => 'proof-1',
        answer: (request) =>
          request.url === '/api/auth/logout' ? json(204, undefined) : json(200, cookieAnswer),
      });
      await sut.signIn();
      await expect(sut.signOut()).resolves.toBeUndefined();
      expect(sent[1]).toMatchObject({ url: '/api/auth/logout', method: 'POST' });
      expect(sent[1]?.header).toMatchObject({
        'X-Session-Transport': 'cookie',
        'X-CSRF-Token': 'proof-1',
      });
      expect(store.getSession()).toBeNull();
    });
  });

  describe('signOut', () => {
    it('should revoke the token on the server with a Bearer POST, then clear', async () => {
      const { sut, sent, store } = setup({
        weapp: true,
        answer: (request) =>
          request.url === '/api/auth/logout' ? json(204, undefined) : json(200, session('tok-1')),
      });
      await sut.signIn();
      await expect(sut.signOut()).resolves.toBeUndefined();
      expect(sent[1]).toMatchObject({ url: '/api/auth/logout', method: 'POST' });
      expect(sent[1]?.header.Authorization).toBe('Bearer tok-1');
      expect(store.getToken()).toBeNull();
    });

    it('should clear and succeed even when the server says 401', async () => {
      const { sut, store } = setup({
        weapp: true,
        answer: (request) =>
          request.url === '/api/auth/logout'
            ? json(401, { code: 'UNAUTHENTICATED', message: 'x' })
            : json(200, session('tok-1')),
      });
      await sut.signIn();
      await expect(sut.signOut()).resolves.toBeUndefined();
      expect(store.getToken()).toBeNull();
    });

    it('should still clear, and report the failure, when the network is down', async () => {
      let online = true;
      const { sut, store } = setup({
        weapp: true,
        answer: () => {
          if (!online) throw { errMsg: 'request:fail' };
          return json(200, session('tok-1'));
        },
      });
      await sut.signIn();
      online = false;
      await expect(sut.signOut()).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
      expect(store.getToken()).toBeNull();
    });

    it('should not call the server when there is no session', async () => {
      const { sut, sent } = setup({ weapp: true });
      await expect(sut.signOut()).resolves.toBeUndefined();
      expect(sent).toEqual([]);
    });
  });
});
