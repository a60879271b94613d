import { isH5 } from '../utils/platform';
import type { CookieSessionOptions } from './http-client';

// The server's names (server/src/modules/auth/session-cookie.util.ts): the applicant's and the
// office's sessions are apart in the browser as they are in storage.
export const APPLICANT_COOKIE_SESSION = { transport: 'cookie', csrfCookie: 'tt_csrf' } as const;
export const OFFICE_COOKIE_SESSION = {
  transport: 'office-cookie',
  csrfCookie: 'tt_office_csrf',
} as const;

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  const pair = document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`));
  const value = pair?.slice(name.length + 1);
  return value ? value : null;
}

// H5 keeps its session in HttpOnly cookies, out of reach of any script on the page; the weapp
// keeps its token in wx storage, which no page script shares.
export const usesCookieSession = (): boolean => isH5();

export function cookieSessionFor(
  names: typeof APPLICANT_COOKIE_SESSION | typeof OFFICE_COOKIE_SESSION,
): CookieSessionOptions | undefined {
  if (!usesCookieSession()) return undefined;
  return { transport: names.transport, readCsrfToken: () => readCookie(names.csrfCookie) };
}
