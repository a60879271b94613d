import { PREFERENCES_STORAGE_KEY, createPreferenceStore } from '../preferences';
import { memoryStorage } from './memory-storage';

describe('createPreferenceStore', () => {
  it('should start in Chinese with normal text when nothing is stored', () => {
    const applied: string[] = [];
    const store = createPreferenceStore(memoryStorage(), (locale) => applied.push(locale));
    expect(store.get()).toEqual({ locale: 'zh-CN', isLargeText: false, regionCode: '6532' });
    expect(applied).toEqual(['zh-CN']);
  });

  it('should remember a switch to Uyghur and apply it, across a restart', () => {
    const storage = memoryStorage();
    const applied: string[] = [];
    createPreferenceStore(storage, (locale) => applied.push(locale)).update({ locale: 'ug' });
    expect(JSON.parse(storage.entries.get(PREFERENCES_STORAGE_KEY) ?? '{}')).toEqual({
      locale: 'ug',
      isLargeText: false,
      regionCode: '6532',
    });
    const restarted = createPreferenceStore(storage, (locale) => applied.push(locale));
    expect(restarted.get().locale).toBe('ug');
    expect(applied).toEqual(['zh-CN', 'ug', 'ug']);
  });

  it('should tell listeners of large text without touching the language', () => {
    const applied: string[] = [];
    const store = createPreferenceStore(memoryStorage(), (locale) => applied.push(locale));
    const seen: boolean[] = [];
    const stop = store.subscribe((value) => seen.push(value.isLargeText));
    store.update({ isLargeText: true });
    stop();
    store.update({ isLargeText: false });
    expect(seen).toEqual([true]);
    expect(applied).toEqual(['zh-CN']);
  });

  it('should fall back to Chinese when the stored language is unknown', () => {
    const store = createPreferenceStore(
      memoryStorage({ [PREFERENCES_STORAGE_KEY]: '{"locale":"fr","isLargeText":true}' }),
    );
    expect(store.get()).toEqual({ locale: 'zh-CN', isLargeText: true, regionCode: '6532' });
  });

  it('should remember the chosen region across a restart, and fall back to Hotan for an unknown one', () => {
    const storage = memoryStorage();
    createPreferenceStore(storage).update({ regionCode: '6531' });
    expect(createPreferenceStore(storage).get().regionCode).toBe('6531');
    const stale = createPreferenceStore(
      memoryStorage({ [PREFERENCES_STORAGE_KEY]: '{"locale":"ug","regionCode":"1101"}' }),
    );
    expect(stale.get()).toEqual({ locale: 'ug', isLargeText: false, regionCode: '6532' });
  });
});
