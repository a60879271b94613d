// The slice of @tarojs/taro the rendered components touch; storage is a Map.
const storage = new Map<string, unknown>();

export interface MockRequest {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
}
export interface MockResponse {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
}

// No network in tests: a test that goes through the real http client scripts the server here.
let server: (request: MockRequest) => Promise<MockResponse> = () =>
  Promise.reject({ errMsg: 'request:fail no server scripted in this test' });

export function scriptServer(next: (request: MockRequest) => Promise<MockResponse>): void {
  server = next;
}

const Taro = {
  getStorageSync: (key: string): unknown => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown): void => void storage.set(key, value),
  removeStorageSync: (key: string): void => void storage.delete(key),
  getStorageInfoSync: () => ({ keys: [...storage.keys()] }),
  setNavigationBarTitle: () => Promise.resolve(),
  request: (request: MockRequest): Promise<MockResponse> => server(request),
};

export default Taro;
export const useDidShow = (): void => undefined;
