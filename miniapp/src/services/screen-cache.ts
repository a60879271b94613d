import type { KeyValueStorage } from './session-store';

export interface CachedAnswer<T> {
  data: T;
  // Device time (epoch ms) of the answer: "as of HH:mm" is about when this phone last heard.
  savedAt: number;
}

export interface ScreenCache {
  get<T>(key: string): CachedAnswer<T> | null;
  set<T>(key: string, data: T, savedAt?: number): CachedAnswer<T>;
  clear(prefix: string): void;
}

const PREFIX = 'titletrack.cache.';

// The home screen's key: the H5 first screen fills it with the data the server drew from.
export const HOME_CACHE_KEY = 'home';

// The last good answer of each screen, so a weak or absent network still shows something true
// as of a known time. Storage is small (weapp: 10 MB in all), so only screen answers go here.
export function createScreenCache(storage: KeyValueStorage, keys: () => string[] = () => []): ScreenCache {
  return {
    get<T>(key: string): CachedAnswer<T> | null {
      try {
        const value = JSON.parse(storage.get(PREFIX + key) ?? 'null') as CachedAnswer<T> | null;
        return value && typeof value.savedAt === 'number' ? value : null;
      } catch {
        return null;
      }
    },
    set<T>(key: string, data: T, savedAt: number = Date.now()): CachedAnswer<T> {
      const answer = { data, savedAt };
      try {
        storage.set(PREFIX + key, JSON.stringify(answer));
      } catch {
        // A full storage loses the offline copy, never the answer on screen.
      }
      return answer;
    },
    clear(prefix: string): void {
      for (const key of keys()) if (key.startsWith(PREFIX + prefix)) storage.remove(key);
    },
  };
}
