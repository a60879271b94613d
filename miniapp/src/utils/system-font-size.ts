import type { KeyValueStorage } from '../services/session-store';
import type { PreferenceStore } from '../services/preferences';
import type { SystemFontInfo } from './system-font-info.type';
import { readSystemFontInfo } from './system-font-info';

export type { SystemFontInfo };

// Past the first step above standard: someone who chose that in WeChat reads better large.
const LARGE_SCALE_FACTOR = 1.15;
const LARGE_FONT_SIZE_SETTING_PX = 20;

export function isSystemFontLarge(info: SystemFontInfo | null): boolean {
  if (info === null) return false;
  const { fontSizeScaleFactor: factor, fontSizeSetting: setting } = info;
  if (typeof factor === 'number' && Number.isFinite(factor)) return factor >= LARGE_SCALE_FACTOR;
  return typeof setting === 'number' && setting >= LARGE_FONT_SIZE_SETTING_PX;
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
