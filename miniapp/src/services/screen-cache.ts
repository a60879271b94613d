import type { KeyValueStorage } from './session-store';

export interface CachedAnswer<T> {
  data: T;
  // Device time (epoch ms) of the answer: "as of HH:mm" is about when this phone last heard.
  savedAt: number;
}

export interface ScreenCache {
  get<T>(key: string): CachedAnswer<T> | null;
  set<T>(key: string, data: T, savedAt?: number): CachedAnswer<T>;
  // Drops every applicant's answers but those of `keep` (all of them when it is absent).
  forgetApplicants(keep?: string): void;
}

const PREFIX = 'titletrack.cache.';
const APPLICANT_PREFIX = 'me.';
// Where earlier versions kept applicant answers outside `me.`: never read any more, and swept
// with the rest so that phones updated from those versions are cleaned too.
const LEGACY_APPLICANT_PREFIXES = [
  'certificates:',
  'subscription-status',
  'subscription-templates',
].map((key) => PREFIX + key);

// The home screen's key: the H5 first screen fills it with the data the server drew from.
export const HOME_CACHE_KEY = 'home';

// The screens whose answers are about one applicant. They are only ever stored under
// applicantCacheKey, so a sign-out finds them all and nobody signing in later can read them.
export const APPLICANT_SCREEN = {
  PROGRESS: 'progress',
  INBOX: 'inbox',
  UNREAD: 'unread',
  CERTIFICATES: 'certificates',
  SUBSCRIPTION_STATUS: 'subscription-status',
  NOTICE_WATCHES: 'notice-watches',
  // Not personal, but fetched only with a session: kept with the rest of what the session fetched.
  SUBSCRIPTION_TEMPLATES: 'subscription-templates',
} as const;
export type ApplicantScreen = (typeof APPLICANT_SCREEN)[keyof typeof APPLICANT_SCREEN];

// Dots are escaped too, so no applicant's prefix (`me.1.`) can be the start of another's.
const scopeOf = (principalId: string): string =>
  `${APPLICANT_PREFIX}${encodeURIComponent(principalId).replace(/\./g, '%2E')}.`;

export function applicantCacheKey(principalId: string, screen: ApplicantScreen): string {
  return scopeOf(principalId) + screen;
}

// The last good answer of each screen, so a weak or absent network still shows something true
// as of a known time. Storage is small (weapp: 10 MB in all), so only screen answers go here.
export function createScreenCache(
  storage: KeyValueStorage,
  keys: () => string[] = () => [],
): ScreenCache {
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
    forgetApplicants(keep?: string): void {
      const kept = keep === undefined ? null : PREFIX + scopeOf(keep);
      for (const key of keys()) {
        const isApplicants =
          key.startsWith(PREFIX + APPLICANT_PREFIX) && (kept === null || !key.startsWith(kept));
        if (isApplicants || LEGACY_APPLICANT_PREFIXES.some((legacy) => key.startsWith(legacy)))
          storage.remove(key);
      }
    },
  };
}
