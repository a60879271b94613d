import type { SystemFontInfo } from './system-font-info.type';

// Outside WeChat there is no WeChat font setting to follow. The weapp build takes
// system-font-info.weapp.ts instead: reaching Taro's getAppBaseInfo here would put Taro's H5
// system-info code and its browser sniffing on the H5 first screen for nothing.
export function readSystemFontInfo(): SystemFontInfo | null {
  return null;
}
