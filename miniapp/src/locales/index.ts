import { useSyncExternalStore } from 'react';

import { DEFAULT_LOCALE, createTranslator, directionOf, zhCN } from '@titletrack/shared/locales';
import type { Locale, Translate } from '@titletrack/shared/locales';

import { BUNDLED_CATALOGUES, loadCatalogue } from './catalogues';

export { DEFAULT_LOCALE, LOCALE, LOCALES, directionOf, isLocale } from '@titletrack/shared/locales';
export type { Locale, Translate } from '@titletrack/shared/locales';

// A small translator of our own rather than i18next: the interface uses only nested keys,
// `{name}` placeholders, one/other plurals and a fallback language, and i18next with its React
// binding was ~75 KB of the weapp main package, whose budget is 500 KB (docs/miniapp.md).
const translator = createTranslator<Locale>(
  { [DEFAULT_LOCALE]: zhCN, ...BUNDLED_CATALOGUES },
  DEFAULT_LOCALE,
);

let requested: Locale = DEFAULT_LOCALE;

// Switches at once when the language's catalogue is at hand, else once it has arrived (H5 loads
// Uyghur on demand); the latest choice wins if several are in flight. Resolves when it applies.
export function changeLocale(locale: Locale): Promise<void> {
  requested = locale;
  if (translator.hasCatalogue(locale)) {
    translator.setLocale(locale);
    return Promise.resolve();
  }
  return loadCatalogue(locale).then((resources) => {
    translator.addCatalogue(locale, resources);
    if (requested === locale) translator.setLocale(locale);
  });
}

export const currentLocale = (): Locale => translator.getLocale();

// For code outside components (and tests): the current language's text.
export const translate: Translate = (key, values) => translator.t(key, values);

export function useLocale(): Locale {
  return useSyncExternalStore(translator.subscribe, translator.getLocale, translator.getLocale);
}

// Whether the current language reads right to left (Uyghur): what isolates and mirrors depend on.
export function useIsRtl(): boolean {
  return directionOf(useLocale()) === 'rtl';
}

export function useT(): Translate {
  useLocale(); // re-render when the language changes
  return translate;
}
