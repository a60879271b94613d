// The slice of @tarojs/taro the rendered components touch; storage is a Map.
const storage = new Map<string, unknown>();

const Taro = {
  getStorageSync: (key: string): unknown => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown): void => void storage.set(key, value),
  removeStorageSync: (key: string): void => void storage.delete(key),
  getStorageInfoSync: () => ({ keys: [...storage.keys()] }),
  setNavigationBarTitle: () => Promise.resolve(),
};

export default Taro;
export const useDidShow = (): void => undefined;
