import Taro from '@tarojs/taro';

import { canOpenExternalUrl, openExternalUrl } from './platform';

export function openScreen(url: string): void {
  void Taro.navigateTo({ url }).catch(() => undefined);
}

// The platform's address: opened on H5, copied in WeChat (a mini-program cannot open it).
export function openPlatform(url: string): void {
  if (canOpenExternalUrl()) {
    openExternalUrl(url);
    return;
  }
  void Taro.setClipboardData({ data: url }).catch(() => undefined);
}

export function callPhone(phone: string): void {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}
