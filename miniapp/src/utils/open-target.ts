import Taro from '@tarojs/taro';

export function openScreen(url: string): void {
  void Taro.navigateTo({ url }).catch(() => undefined);
}

// The platform's address: opened on H5, copied in WeChat (platform-address.ts and .h5.ts).
export { showPlatformAddress as openPlatform } from './platform-address';

export function callPhone(phone: string): void {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}
