import { HOTAN_REGION_CODE, findRegion } from '@titletrack/shared/region';

import { DEFAULT_LOCALE, changeLocale, directionOf, isLocale } from '../locales';
import type { Locale } from '../locales';
import { applyDocumentLocale } from '../utils/platform';
import type { KeyValueStorage } from './session-store';
import { taroStorage } from './taro-storage';

export interface Preferences {
  locale: Locale;
  isLargeText: boolean;
  // The region whose round is shown while no application is bound (GB/T 2260 code). Kept on
  // the phone even when signed in: it is a viewing choice, not something about the applicant.
  regionCode: string;
}

export const PREFERENCES_STORAGE_KEY = 'titletrack.preferences';

export interface PreferenceStore {
  get(): Preferences;
  update(change: Partial<Preferences>): Preferences;
  subscribe(listener: (preferences: Preferences) => void): () => void;
}

function read(storage: KeyValueStorage): Preferences {
  try {
    const raw = JSON.parse(storage.get(PREFERENCES_STORAGE_KEY) ?? '{}') as Partial<Preferences>;
    return {
      locale: isLocale(raw.locale) ? raw.locale : DEFAULT_LOCALE,
      isLargeText: raw.isLargeText === true,
      regionCode:
        typeof raw.regionCode === 'string' && findRegion(raw.regionCode) !== null
          ? raw.regionCode
          : HOTAN_REGION_CODE,
    };
  } catch {
    return { locale: DEFAULT_LOCALE, isLargeText: false, regionCode: HOTAN_REGION_CODE };
  }
}

// Language, large text and the region shown, remembered across restarts; every page root listens for changes.
export function createPreferenceStore(
  storage: KeyValueStorage,
  onLocale: (locale: Locale) => void = () => undefined,
): PreferenceStore {
  let current = read(storage);
  const listeners = new Set<(preferences: Preferences) => void>();
  onLocale(current.locale);
  return {
    get: () => current,
    update(change) {
      current = { ...current, ...change };
      storage.set(PREFERENCES_STORAGE_KEY, JSON.stringify(current));
      if (change.locale) onLocale(current.locale);
      listeners.forEach((listener) => listener(current));
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// The page's direction follows the texts: it turns when the language's catalogue is in (H5
// fetches Uyghur on demand). If that fetch fails the texts stay as they were; choosing again retries.
export const preferences = createPreferenceStore(taroStorage, (locale) => {
  void changeLocale(locale)
    .then(() => applyDocumentLocale(locale, directionOf(locale)))
    .catch(() => undefined);
});
