import { useSyncExternalStore } from 'react';

import { createTranslator } from './translator';
import { ug } from './ug';
import { zhCN } from './zh-CN';

export const LOCALE = { ZH_CN: 'zh-CN', UG: 'ug' } as const;
export type Locale = (typeof LOCALE)[keyof typeof LOCALE];
export const DEFAULT_LOCALE: Locale = LOCALE.ZH_CN;
export const LOCALES: readonly Locale[] = [LOCALE.ZH_CN, LOCALE.UG];

// Uyghur is written right to left; the page root and, on H5, <html> carry the direction.
export const directionOf = (locale: string): 'rtl' | 'ltr' => (locale === LOCALE.UG ? 'rtl' : 'ltr');

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

export type Translate = (key: string, values?: Record<string, string | number>) => string;

// A small translator of our own rather than i18next: the interface uses only nested keys,
// `{name}` placeholders, one/other plurals and a fallback language, and i18next with its React
// binding was ~75 KB of the weapp main package, whose budget is 500 KB (docs/miniapp.md).
const translator = createTranslator<Locale>({ [LOCALE.ZH_CN]: zhCN, [LOCALE.UG]: ug }, DEFAULT_LOCALE);

export function changeLocale(locale: Locale): void {
  translator.setLocale(locale);
}

export const currentLocale = (): Locale => translator.getLocale();

// For code outside components (and tests): the current language's text.
export const translate: Translate = (key, values) => translator.t(key, values);

export function useLocale(): Locale {
  return useSyncExternalStore(translator.subscribe, translator.getLocale, translator.getLocale);
}

export function useT(): Translate {
  useLocale(); // re-render when the language changes
  return translate;
}
