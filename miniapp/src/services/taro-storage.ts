import Taro from '@tarojs/taro';

import type { KeyValueStorage } from './session-store';

// Taro's synchronous storage works the same on weapp (wx storage) and H5 (localStorage).
export const taroStorage: KeyValueStorage = {
  get: (key) => {
    try {
      const value: unknown = Taro.getStorageSync(key);
      // A missing key reads as '' on weapp, so anything but a non-empty string is "nothing stored".
      return typeof value === 'string' && value !== '' ? value : null;
    } catch {
      return null;
    }
  },
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
};
