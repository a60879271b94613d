import { createPreferenceStore, PREFERENCES_STORAGE_KEY } from '../../services/preferences';
import type { KeyValueStorage } from '../../services/session-store';
import {
  followSystemFontSize,
  isSystemFontLarge,
  rememberTextSizeChoice,
} from '../system-font-size';

const memoryStorage = (initial: Record<string, string> = {}): KeyValueStorage => {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
};

describe('isSystemFontLarge', () => {
  it('should go by the scale factor when WeChat gives one', () => {
    expect(isSystemFontLarge({ fontSizeScaleFactor: 1 })).toBe(false);
    expect(isSystemFontLarge({ fontSizeScaleFactor: 1.1, fontSizeSetting: 22 })).toBe(false);
    expect(isSystemFontLarge({ fontSizeScaleFactor: 1.25 })).toBe(true);
  });

  it('should fall back to the font size in px, and to standard when nothing is known', () => {
    expect(isSystemFontLarge({ fontSizeSetting: 17 })).toBe(false);
    expect(isSystemFontLarge({ fontSizeSetting: 22 })).toBe(true);
    expect(isSystemFontLarge({})).toBe(false);
    expect(isSystemFontLarge(null)).toBe(false);
  });
});

describe('followSystemFontSize', () => {
  it('should turn large text on for a large WeChat font when nothing was chosen here', () => {
    const storage = memoryStorage();
    const store = createPreferenceStore(storage);
    expect(followSystemFontSize(store, storage, { fontSizeScaleFactor: 1.4 })).toBe(true);
    expect(store.get().isLargeText).toBe(true);
  });

  it('should leave a choice made with the text-size switch alone, off included', () => {
    const storage = memoryStorage();
    const store = createPreferenceStore(storage);
    rememberTextSizeChoice(storage);
    store.update({ isLargeText: false });
    expect(followSystemFontSize(store, storage, { fontSizeScaleFactor: 1.4 })).toBe(false);
    expect(store.get().isLargeText).toBe(false);
  });

  it('should still follow WeChat after another preference (the language) was chosen', () => {
    const storage = memoryStorage({
      [PREFERENCES_STORAGE_KEY]: JSON.stringify({ locale: 'ug', isLargeText: false }),
    });
    const store = createPreferenceStore(storage);
    expect(followSystemFontSize(store, storage, { fontSizeScaleFactor: 1.4 })).toBe(true);
    expect(store.get()).toMatchObject({ locale: 'ug', isLargeText: true });
  });

  it('should do nothing at a standard WeChat font or where the API is missing', () => {
    const storage = memoryStorage();
    const store = createPreferenceStore(storage);
    expect(followSystemFontSize(store, storage, { fontSizeScaleFactor: 1 })).toBe(false);
    expect(followSystemFontSize(store, storage, null)).toBe(false);
    expect(store.get().isLargeText).toBe(false);
  });
});
