import Taro from '@tarojs/taro';

// A mini-program may not open pages outside WeChat, so the platform's address is copied for the
// phone's browser (WeChat itself says "内容已复制").
export function showPlatformAddress(url: string): void {
  void Taro.setClipboardData({ data: url }).catch(() => undefined);
}
