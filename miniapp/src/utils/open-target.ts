import Taro from '@tarojs/taro';

import { showPlatformAddress } from './platform-address';

export function openScreen(url: string): void {
  void Taro.navigateTo({ url }).catch(() => undefined);
}

// The platform's address: opened on H5, copied in WeChat (platform-address.ts and .h5.ts).
export function openPlatform(url: string): void {
  showPlatformAddress(url);
}

export function callPhone(phone: string): void {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}
