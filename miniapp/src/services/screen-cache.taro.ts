import Taro from '@tarojs/taro';

import { createScreenCache } from './screen-cache';
import { taroStorage } from './taro-storage';

export const screenCache = createScreenCache(taroStorage, () => {
  try {
    return Taro.getStorageInfoSync().keys;
  } catch {
    return [];
  }
});
