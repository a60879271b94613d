import Taro from '@tarojs/taro';

import type { SystemFontInfo } from './system-font-info.type';

// Only where the base library has the API (2.20.1 and later).
export function readSystemFontInfo(): SystemFontInfo | null {
  const getAppBaseInfo = (Taro as { getAppBaseInfo?: () => unknown }).getAppBaseInfo;
  if (typeof getAppBaseInfo !== 'function') return null;
  try {
    const info = getAppBaseInfo();
    return typeof info === 'object' && info !== null ? info : null;
  } catch {
    return null;
  }
}
