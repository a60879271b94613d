import type { SessionResponse } from '@titletrack/shared/contract';

// The slice of a key-value storage the session needs; Taro storage in the app, a Map in tests.
export interface KeyValueStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

// What the app keeps about a sign-in. On weapp the whole answer, token included; on H5 the token
// lives in an HttpOnly cookie and only this "signed in as …, until …" marker is kept.
export type StoredSession = Omit<SessionResponse, 'token'> & { token?: string };

export interface SessionStore {
  getSession(): StoredSession | null;
  // The Bearer token, on platforms that keep one (weapp); always null on H5.
  getToken(): string | null;
  save(session: StoredSession): void;
  clear(): void;
  // True when there is no session or its expiry has passed; the server stays the judge either way.
  isExpired(now: Date): boolean;
}

export const SESSION_STORAGE_KEY = 'titletrack.session';

function parseSession(raw: string | null, keepsToken: boolean): StoredSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<SessionResponse> | null;
    const complete =
      (keepsToken ? typeof value?.token === 'string' : value?.token === undefined) &&
      typeof value?.expiresAt === 'string' &&
      !!value.principal;
    return complete ? (value as StoredSession) : null;
  } catch {
    return null;
  }
}

export interface SessionStoreOptions {
  // False on H5: a token never reaches storage any script could read, and one an earlier version
  // left there is wiped (that browser signs in again and gets a cookie).
  keepsToken?: boolean;
}

// One JSON entry, so token, expiry and principal are always written and dropped together.
export function createSessionStore(
  storage: KeyValueStorage,
  key: string = SESSION_STORAGE_KEY,
  { keepsToken = true }: SessionStoreOptions = {},
): SessionStore {
  const getSession = (): StoredSession | null => {
    const raw = storage.get(key);
    const session = parseSession(raw, keepsToken);
    if (!session && raw !== null && !keepsToken) storage.remove(key);
    return session;
  };

  return {
    getSession,
    getToken: () => (keepsToken ? (getSession()?.token ?? null) : null),
    save: (session) => {
      const { token, ...marker } = session;
      storage.set(key, JSON.stringify(keepsToken ? { ...marker, token } : marker));
    },
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
