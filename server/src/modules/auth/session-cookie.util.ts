import { createHash, timingSafeEqual } from 'node:crypto';

import { stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { PRINCIPAL_KIND } from '@titletrack/shared/contract';
import type { PrincipalKind } from '@titletrack/shared/contract';

import { readCookie } from '../../common/cookies';

// H5 keeps its session out of script reach: a client that sends this header is given its session
// in an HttpOnly cookie instead of in the JSON. The value names which session the request means,
// because one browser may hold an applicant's and an office session side by side (the mini-app
// keeps them apart; see miniapp/src/services/office-session.ts).
export const SESSION_TRANSPORT_HEADER = 'x-session-transport';
export const SESSION_TRANSPORT = {
  APPLICANT_COOKIE: 'cookie',
  OFFICE_COOKIE: 'office-cookie',
} as const;

// The double-submit proof a cookie-authenticated write must carry.
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionCookieNames {
  // HttpOnly, Path=/api: the session token itself.
  session: string;
  // Readable by the page, Path=/: what the page echoes in X-CSRF-Token.
  csrf: string;
}

export const SESSION_COOKIES: Record<PrincipalKind, SessionCookieNames> = {
  [PRINCIPAL_KIND.APPLICANT]: { session: 'tt_session', csrf: 'tt_csrf' },
  [PRINCIPAL_KIND.STAFF]: { session: 'tt_office_session', csrf: 'tt_office_csrf' },
};

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,200}$/;
const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const isWriteMethod = (method: string): boolean => WRITE_METHODS.has(method.toUpperCase());

export function wantsCookieSession(request: FastifyRequest): boolean {
  const transport = request.headers[SESSION_TRANSPORT_HEADER];
  return (
    transport === SESSION_TRANSPORT.APPLICANT_COOKIE ||
    transport === SESSION_TRANSPORT.OFFICE_COOKIE
  );
}

// Routes open to any principal (me, logout) take the session the client names; the others take
// the cookie of the kind they serve, so applicant screens never act with an office session.
export function cookieKindFor(
  request: FastifyRequest,
  requiredKind: PrincipalKind | undefined,
): PrincipalKind {
  if (requiredKind) return requiredKind;
  return request.headers[SESSION_TRANSPORT_HEADER] === SESSION_TRANSPORT.OFFICE_COOKIE
    ? PRINCIPAL_KIND.STAFF
    : PRINCIPAL_KIND.APPLICANT;
}

export function readSessionCookie(request: FastifyRequest, kind: PrincipalKind): string | null {
  const value = readCookie(request, SESSION_COOKIES[kind].session);
  return value && TOKEN_PATTERN.test(value) ? value : null;
}

// Derived from the session token, so the server stores nothing more and a proof is worthless for
// any other session: a cookie planted by a sibling site cannot be paired with a header it knows.
export const csrfTokenFor = (sessionToken: string): string =>
  createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');

export function hasCsrfProof(request: FastifyRequest, sessionToken: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(sent);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

interface CookieAttributes {
  isHttpOnly: boolean;
  isSecure: boolean;
  path: string;
  expires: Date;
}

const serializeCookie = (name: string, value: string, attributes: CookieAttributes): string =>
  stringifySetCookie(name, value, {
    path: attributes.path,
    expires: attributes.expires,
    httpOnly: attributes.isHttpOnly,
    secure: attributes.isSecure,
    sameSite: 'strict',
  });

export function setSessionCookies(
  reply: FastifyReply,
  kind: PrincipalKind,
  session: { token: string; expiresAt: string },
  isSecure: boolean,
): void {
  const names = SESSION_COOKIES[kind];
  const expires = new Date(session.expiresAt);
  reply.header('set-cookie', [
    serializeCookie(names.session, session.token, {
      isHttpOnly: true,
      isSecure,
      path: '/api',
      expires,
    }),
    serializeCookie(names.csrf, csrfTokenFor(session.token), {
      isHttpOnly: false,
      isSecure,
      path: '/',
      expires,
    }),
  ]);
}

export function clearSessionCookies(
  reply: FastifyReply,
  kind: PrincipalKind,
  isSecure: boolean,
): void {
  const names = SESSION_COOKIES[kind];
  const expires = new Date(0);
  reply.header('set-cookie', [
    serializeCookie(names.session, '', { isHttpOnly: true, isSecure, path: '/api', expires }),
    serializeCookie(names.csrf, '', { isHttpOnly: false, isSecure, path: '/', expires }),
  ]);
}
