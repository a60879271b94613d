import { usesCookieSession } from './session-cookie';
import { createSessionStore } from './session-store';
import type { SessionStore } from './session-store';
import { taroStorage } from './taro-storage';

// Staff sign in on the same device an applicant may use (a shared office PC's browser, a phone):
// their session lives under its own key, so signing in or out of the console never touches the
// applicant's session or cached screens, and the applicant screens never send a staff token.
export const OFFICE_SESSION_STORAGE_KEY = 'titletrack.office-session';

const listeners = new Set<() => void>();

export function onOfficeSessionChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function withAnnouncements(store: SessionStore): SessionStore {
  const announce = (): void => listeners.forEach((listener) => listener());
  return {
    ...store,
    save(session) {
      store.save(session);
      announce();
    },
    clear() {
      store.clear();
      announce();
    },
  };
}

export const officeSession = withAnnouncements(
  createSessionStore(taroStorage, OFFICE_SESSION_STORAGE_KEY, {
    keepsToken: !usesCookieSession(),
  }),
);
