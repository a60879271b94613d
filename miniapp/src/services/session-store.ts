import type { SessionResponse } from '@titletrack/shared/contract';

// The slice of a key-value storage the session needs; Taro storage in the app, a Map in tests.
export interface KeyValueStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export interface SessionStore {
  getSession(): SessionResponse | null;
  getToken(): string | null;
  save(session: SessionResponse): void;
  clear(): void;
  // True when there is no session or its expiry has passed; the server stays the judge either way.
  isExpired(now: Date): boolean;
}

export const SESSION_STORAGE_KEY = 'titletrack.session';

function parseSession(raw: string | null): SessionResponse | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<SessionResponse> | null;
    const complete =
      typeof value?.token === 'string' && typeof value.expiresAt === 'string' && !!value.principal;
    return complete ? (value as SessionResponse) : null;
  } catch {
    return null;
  }
}

// One JSON entry, so token, expiry and principal are always written and dropped together.
export function createSessionStore(
  storage: KeyValueStorage,
  key: string = SESSION_STORAGE_KEY,
): SessionStore {
  const getSession = (): SessionResponse | null => parseSession(storage.get(key));

  return {
    getSession,
    getToken: () => getSession()?.token ?? null,
    save: (session) => storage.set(key, JSON.stringify(session)),
    clear: () => storage.remove(key),
    isExpired: (now) => {
      const expiresAt = Date.parse(getSession()?.expiresAt ?? '');
      // An unreadable expiry counts as expired: better one extra sign-in than a dead token.
      return Number.isNaN(expiresAt) || expiresAt <= now.getTime();
    },
  };
}

// What else the phone keeps about whoever is signed in (cached screens), tied to the session.
export interface ApplicantData {
  // Drops every applicant's data but `keep`'s (everyone's when it is absent).
  forget(keep?: string): void;
}

// The session with everything kept about its applicant going along: a sign-in drops what earlier
// applicants left (a session that expired was never signed out), a sign-out or a token the server
// refused drops it all, and each change is announced so mounted screens re-read at once instead of
// showing the previous person's answers from memory.
export function withApplicantData(
  store: SessionStore,
  data: ApplicantData,
  onChange: () => void = () => undefined,
): SessionStore {
  return {
    ...store,
    save(session) {
      data.forget(session.principal.id);
      store.save(session);
      onChange();
    },
    clear() {
      store.clear();
      data.forget();
      onChange();
    },
  };
}
