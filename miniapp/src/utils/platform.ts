import { FIRST_SCREEN } from '@titletrack/shared/contract';

// Every TARO_ENV branch lives here.
export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';

// Only the WeChat build can sign in with Taro.login; every other build uses the development login.
export const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp';

// H5: the whole document follows the language (screen readers, the browser's own RTL handling),
// and a cookie tells the server which language to draw the next first screen in.
export function applyDocumentLocale(lang: string, dir: 'rtl' | 'ltr'): void {
  if (!isH5() || typeof document === 'undefined') return;
  document.documentElement.setAttribute('lang', lang);
  document.documentElement.setAttribute('dir', dir);
  document.cookie = `${FIRST_SCREEN.localeCookie}=${encodeURIComponent(lang)}; path=/; max-age=31536000; samesite=lax`;
}

// H5 can open the official platform in a new tab; a mini-program may not open outside web
// pages, so there the address is copied for the browser.
export function canOpenExternalUrl(): boolean {
  return isH5() && typeof window !== 'undefined';
}

export function openExternalUrl(url: string): void {
  if (canOpenExternalUrl()) window.open(url, '_blank', 'noopener');
}
