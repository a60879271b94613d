import Taro from '@tarojs/taro';

import type { KeyValueStorage } from '../services/session-store';
import type { PreferenceStore } from '../services/preferences';
import { isWeapp } from './platform';

// What WeChat says about the font size the user set in WeChat (wx.getAppBaseInfo; Taro's types
// leave the scale factor out). fontSizeSetting is in px, 17 at the standard size on iOS and 16
// on Android; fontSizeScaleFactor is 1 at the standard size.
export interface SystemFontInfo {
  fontSizeScaleFactor?: unknown;
  fontSizeSetting?: unknown;
}

// Past the first step above standard: someone who chose that in WeChat reads better large.
const LARGE_SCALE_FACTOR = 1.15;
const LARGE_FONT_SIZE_SETTING_PX = 20;

export function isSystemFontLarge(info: SystemFontInfo | null): boolean {
  if (info === null) return false;
  const { fontSizeScaleFactor: factor, fontSizeSetting: setting } = info;
  if (typeof factor === 'number' && Number.isFinite(factor)) return factor >= LARGE_SCALE_FACTOR;
  return typeof setting === 'number' && setting >= LARGE_FONT_SIZE_SETTING_PX;
}

// WeChat only, and only where the base library has the API (2.20.1 and later).
export function readSystemFontInfo(): SystemFontInfo | null {
  if (!isWeapp()) return null;
  const getAppBaseInfo = (Taro as { getAppBaseInfo?: () => unknown }).getAppBaseInfo;
  if (typeof getAppBaseInfo !== 'function') return null;
  try {
    const info = getAppBaseInfo();
    return typeof info === 'object' && info !== null ? info : null;
  } catch {
    return null;
  }
}

// Set by the text-size switch only. The preferences entry cannot tell: it is written whole on
// any change (a language or region chosen), so it would take that for a text-size choice.
export const TEXT_SIZE_CHOSEN_STORAGE_KEY = 'titletrack.textSizeChosen';

export const rememberTextSizeChoice = (storage: KeyValueStorage): void =>
  storage.set(TEXT_SIZE_CHOSEN_STORAGE_KEY, '1');

const hasChosenTextSize = (storage: KeyValueStorage): boolean =>
  storage.get(TEXT_SIZE_CHOSEN_STORAGE_KEY) === '1';

// Large text starts on for a user whose WeChat font is large, until they choose on this phone:
// what they chose in the app (on or off) always wins over WeChat's setting.
export function followSystemFontSize(
  store: PreferenceStore,
  storage: KeyValueStorage,
  info: SystemFontInfo | null = readSystemFontInfo(),
): boolean {
  if (hasChosenTextSize(storage) || !isSystemFontLarge(info)) return false;
  store.update({ isLargeText: true });
  return true;
}
