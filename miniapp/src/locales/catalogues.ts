import { ug } from '@titletrack/shared/locales/ug';
import type { Locale, Resources } from '@titletrack/shared/locales';

// weapp (and tests): Uyghur ships in the package. A mini-program's main package cannot load
// code on demand, and the catalogue fits in its budget. H5 loads it lazily (catalogues.h5.ts).
export const BUNDLED_CATALOGUES: Partial<Record<Locale, Resources>> = { ug };

export function loadCatalogue(locale: Locale): Promise<Resources> {
  const bundled = BUNDLED_CATALOGUES[locale];
  return bundled
    ? Promise.resolve(bundled)
    : Promise.reject(new Error(`no catalogue for ${locale}`));
}
