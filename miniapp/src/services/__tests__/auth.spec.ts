// The real wiring (auth.ts → http.ts → session.ts → taro-storage.ts) over a fake Taro: weapp-style
// storage that reads '' for a missing key, a scripted request and a login code.
const mockStorage = new Map<string, unknown>();
const mockSent: TaroRequestOptions[] = [];
let mockAnswer: (request: TaroRequestOptions) => { statusCode: number; data: string } = () => ({
  statusCode: 200,
  data: '{}',
});
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => mockStorage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => mockStorage.set(key, value),
    removeStorageSync: (key: string) => mockStorage.delete(key),
    login: async () => ({ code: 'wx-code-9', errMsg: 'login:ok' }),
    request: async (request: TaroRequestOptions) => {
      mockSent.push(request);
      return { ...mockAnswer(request), header: {} };
    },
  },
}));

import { DEVICE_ID_STORAGE_KEY, getMe, signIn } from '../auth';
import { session } from '../session';
import type { TaroRequestOptions } from '../taro-adapter';

const sessionBody = JSON.stringify({
  token: 'tok-9',
  expiresAt: '2099-01-01T00:00:00.000Z',
  principal: { kind: 'applicant', id: 'u9' },
});

describe('auth (Taro wiring)', () => {
  const taroEnv = process.env.TARO_ENV;

  beforeEach(() => {
    mockStorage.clear();
    mockSent.length = 0;
  });
  afterEach(() => {
    process.env.TARO_ENV = taroEnv;
  });

  it('should sign in with Taro.login on weapp and keep the session in Taro storage', async () => {
    process.env.TARO_ENV = 'weapp';
    mockAnswer = () => ({ statusCode: 200, data: sessionBody });
    await signIn();
    expect(mockSent[0]).toMatchObject({ url: '/api/auth/wechat', data: '{"code":"wx-code-9"}' });
    expect(session.getToken()).toBe('tok-9');
    expect(mockStorage.has(DEVICE_ID_STORAGE_KEY)).toBe(false);
  });

  it('should sign in on H5 with a device id kept in Taro storage', async () => {
    process.env.TARO_ENV = 'h5';
    mockAnswer = () => ({ statusCode: 200, data: sessionBody });
    await signIn();
    await signIn();
    const deviceId = mockStorage.get(DEVICE_ID_STORAGE_KEY);
    expect(deviceId).toMatch(/^h5-[0-9a-f]{16}$/);
    expect(mockSent.map((request) => JSON.parse(String(request.data)))).toEqual([
      { devUserId: deviceId },
      { devUserId: deviceId },
    ]);
  });

  it('should send the stored token and drop it when the server answers 401 UNAUTHENTICATED', async () => {
    process.env.TARO_ENV = 'weapp';
    mockAnswer = (request) =>
      request.url === '/api/me'
        ? { statusCode: 401, data: '{"code":"UNAUTHENTICATED","message":"expired"}' }
        : { statusCode: 200, data: sessionBody };
    await signIn();
    await expect(getMe()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(mockSent[1]?.header.Authorization).toBe('Bearer tok-9');
    expect(session.getToken()).toBeNull();
  });
});
