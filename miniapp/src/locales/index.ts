import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

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

void i18next.use(initReactI18next).init({
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  resources: {
    [LOCALE.ZH_CN]: { translation: zhCN },
    [LOCALE.UG]: { translation: ug },
  },
  interpolation: { escapeValue: false, prefix: '{', suffix: '}' },
  initAsync: false,
});

export function changeLocale(locale: Locale): void {
  void i18next.changeLanguage(locale);
}

export const currentLocale = (): Locale => (isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE);

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function useT(): Translate {
  const { t } = useTranslation();
  return (key, values) => t(key, values ?? {});
}

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}
