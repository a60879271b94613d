import type { Locale, Resources } from '@titletrack/shared/locales';

// weapp: the Uyghur catalogue (~48 KB) would be a tenth of the main package's 500 KB budget, so
// the build writes it into the applicant subpackage (config/uyghur-catalogue-plugin.ts) and it is
// required across packages on demand (分包异步化, base library ≥ 2.11.2), as H5 fetches its chunk.
// The page turns Uyghur when it has arrived; the subpackage is preloaded from the home page.
export const BUNDLED_CATALOGUES: Partial<Record<Locale, Resources>> = {};

// Relative to the main package's root, where this module is bundled (app.js / common.js).
const UG_CATALOGUE_FILE = './packages/applicant/locale-ug.js';

interface NativeRequire {
  (path: string): unknown;
  async?: (path: string) => Promise<unknown>;
}
// WeChat's own require, which webpack leaves alone.
declare const __non_webpack_require__: NativeRequire;

export function loadCatalogue(locale: Locale): Promise<Resources> {
  if (locale !== 'ug') return Promise.reject(new Error(`no catalogue for ${locale}`));
  const nativeRequire = __non_webpack_require__;
  // The offline simulator's require has no `async`; it reads the file at once.
  const loaded =
    typeof nativeRequire.async === 'function'
      ? nativeRequire.async(UG_CATALOGUE_FILE)
      : Promise.resolve().then(() => nativeRequire(UG_CATALOGUE_FILE));
  return loaded.then((module) => (module as { ug: Resources }).ug);
}
