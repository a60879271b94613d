// The wx APIs the built pages call, recorded so tests can assert them. Everything else stays the
// simulator's stub.
export interface MockRequest {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
}
export interface MockResponse {
  statusCode: number;
  body: unknown;
}
export type Responder = (request: MockRequest) => MockResponse;

export interface WxMockOptions {
  // Seeded into wx storage before the app starts.
  storage?: Record<string, unknown>;
  respond?: Responder;
  // What wx.getAppBaseInfo reports (WeChat's own font size among it); absent: the API is absent,
  // as in base libraries before 2.20.1.
  appBaseInfo?: Record<string, unknown>;
}

// wx storage as the app leaves it after a language and text size were chosen.
export const rememberedPreferences = (
  locale: string,
  isLargeText = false,
): Record<string, string> => ({
  'titletrack.preferences': JSON.stringify({ locale, isLargeText }),
});

export interface WxMock {
  storage: Map<string, unknown>;
  requests: MockRequest[];
  navigateTo: jest.Mock;
  redirectTo: jest.Mock;
  switchTab: jest.Mock;
  openPrivacyContract: jest.Mock;
  // The handler the app registered through wx.onNeedPrivacyAuthorization, if any.
  privacyHandler: () => ((resolve: (result: unknown) => void, event: unknown) => void) | null;
}

interface AsyncOptions {
  success?: (result: unknown) => void;
  fail?: (error: unknown) => void;
  complete?: (result: unknown) => void;
}

const notFound: Responder = () => ({
  statusCode: 404,
  body: { code: 'NOT_FOUND', message: 'Not found in the simulator' },
});

function settle(name: string, extra: Record<string, unknown> = {}) {
  return jest.fn((options: AsyncOptions = {}) => {
    const result = { errMsg: `${name}:ok`, ...extra };
    setTimeout(() => {
      options.success?.(result);
      options.complete?.(result);
    }, 0);
  });
}

export function installWxMock(wx: Record<string, unknown>, options: WxMockOptions): WxMock {
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}));
  const requests: MockRequest[] = [];
  const respond = options.respond ?? notFound;
  let privacyHandler: ReturnType<WxMock['privacyHandler']> = null;
  const mock: WxMock = {
    storage,
    requests,
    navigateTo: settle('navigateTo'),
    redirectTo: settle('redirectTo'),
    switchTab: settle('switchTab'),
    openPrivacyContract: settle('openPrivacyContract'),
    privacyHandler: () => privacyHandler,
  };
  Object.assign(wx, {
    navigateTo: mock.navigateTo,
    redirectTo: mock.redirectTo,
    switchTab: mock.switchTab,
    openPrivacyContract: mock.openPrivacyContract,
    onNeedPrivacyAuthorization: (handler: typeof privacyHandler) => {
      privacyHandler = handler;
    },
    ...(options.appBaseInfo ? { getAppBaseInfo: () => ({ ...options.appBaseInfo }) } : {}),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    request: (request: MockRequest & AsyncOptions) => {
      const { success, fail, complete, ...sent } = request;
      requests.push(sent);
      let response: MockResponse;
      try {
        response = respond(sent);
      } catch (error) {
        const failure = { errMsg: `request:fail ${String(error)}` };
        setTimeout(() => {
          fail?.(failure);
          complete?.(failure);
        }, 0);
        return { abort: () => undefined };
      }
      const result = {
        errMsg: 'request:ok',
        statusCode: response.statusCode,
        header: { 'content-type': 'application/json' },
        data: typeof response.body === 'string' ? response.body : JSON.stringify(response.body),
      };
      setTimeout(() => {
        success?.(result);
        complete?.(result);
      }, 0);
      return { abort: () => undefined };
    },
  });
  return mock;
}
