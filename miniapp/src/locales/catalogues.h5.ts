import type { Locale, Resources } from '@titletrack/shared/locales';

// H5: the Uyghur catalogue (~8 KB gzipped) is its own chunk, fetched when Uyghur is chosen or
// remembered, so the first screen in Chinese does not carry it (docs/miniapp.md, budgets).
export const BUNDLED_CATALOGUES: Partial<Record<Locale, Resources>> = {};

export async function loadCatalogue(locale: Locale): Promise<Resources> {
  if (locale === 'ug')
    return (await import(/* webpackChunkName: "locale-ug" */ '@titletrack/shared/locales/ug')).ug;
  throw new Error(`no catalogue for ${locale}`);
}
