import axios, { AxiosError } from 'axios';
import type { AxiosInstance, Method } from 'axios';

import { CLIENT_ERROR_CODE, ERROR_CODE } from '@titletrack/shared/contract';

import { ApiError, isKnownErrorCode } from './api-error';
import { createTaroAdapter } from './taro-adapter';
import type { TaroRequest } from './taro-adapter';

export interface HttpClientOptions {
  baseURL: string;
  timeoutMs: number;
  request: TaroRequest;
  // Delays before each retry of a GET that failed transiently (weak networks).
  retryDelaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
  // The session token to send as `Authorization: Bearer …`, read afresh for every attempt.
  getToken?: () => string | null;
  // Called when the server says the token is gone or expired, so the app can drop it.
  onUnauthenticated?: () => void;
  // H5: the session travels in an HttpOnly cookie the browser adds by itself.
  cookieSession?: CookieSessionOptions;
}

export interface CookieSessionOptions {
  // X-Session-Transport: which of the browser's sessions the request means.
  transport: string;
  // The page-readable CSRF cookie of that session, echoed on writes.
  readCsrfToken: () => string | null;
}

const WRITE_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);

// The headers that carry the session: a Bearer token, or (H5) the cookie session's name and, on
// writes, its CSRF proof.
export function sessionHeaders(
  options: Pick<HttpClientOptions, 'getToken' | 'cookieSession'>,
  method: string,
): Record<string, string> {
  const token = options.getToken?.() ?? null;
  if (token) return { Authorization: `Bearer ${token}` };
  const cookie = options.cookieSession;
  if (!cookie) return {};
  const csrf = WRITE_METHODS.has(method.toLowerCase()) ? cookie.readCsrfToken() : null;
  return {
    'X-Session-Transport': cookie.transport,
    ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
  };
}

// Which session a request went out with: the token, or on H5 the CSRF cookie (one per session).
export const sessionIdentity = (
  options: Pick<HttpClientOptions, 'getToken' | 'cookieSession'>,
): string | null => options.getToken?.() ?? options.cookieSession?.readCsrfToken() ?? null;

export type QueryParams = Record<string, string | number | undefined>;

export interface HttpClient {
  // Parameters given as undefined are left out.
  get<T>(path: string, params?: QueryParams): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
}

// A body as axios or Taro.uploadFile hands it over: parsed, or JSON text.
export const parseBody = (data: unknown): unknown => {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
};

const detailsOf = (body: unknown): Record<string, unknown> | null => {
  const details = (body as { details?: unknown } | null | undefined)?.details;
  return details && typeof details === 'object' ? (details as Record<string, unknown>) : null;
};

// A refused request's answer (status and body) as the error the screens translate.
export function refusalOf(status: number, data: unknown): ApiError {
  const body = parseBody(data);
  const code = (body as { code?: unknown } | null | undefined)?.code;
  if (isKnownErrorCode(code)) return new ApiError(code, status, detailsOf(body));
  return new ApiError(status >= 500 ? ERROR_CODE.INTERNAL_ERROR : ERROR_CODE.NOT_FOUND, status);
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof AxiosError) {
    if (error.response) return refusalOf(error.response.status, error.response.data);
    if (error.code === AxiosError.ETIMEDOUT || error.code === AxiosError.ECONNABORTED) {
      return new ApiError(CLIENT_ERROR_CODE.TIMEOUT);
    }
  }
  return new ApiError(CLIENT_ERROR_CODE.NETWORK_ERROR);
}

// The one HTTP client of the mini-app: axios over Taro.request, the session token as a Bearer
// header (or on H5 the cookie session with its CSRF proof), errors as ApiError codes, and idempotent GETs retried with backoff when the failure is
// transient. POST and DELETE are never retried: a lost response may hide a write that happened.
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const instance: AxiosInstance = axios.create({
    baseURL: options.baseURL,
    timeout: options.timeoutMs,
    adapter: createTaroAdapter(options.request),
    headers: { Accept: 'application/json' },
  });
  const delays = options.retryDelaysMs ?? [500, 1500];
  const sleep = options.sleep ?? defaultSleep;
  async function send<T>(
    method: Method,
    path: string,
    extra: { params?: QueryParams; data?: unknown },
  ): Promise<T> {
    const sentWith = sessionIdentity(options);
    try {
      const response = await instance.request<T>({
        method,
        url: path,
        ...extra,
        headers: sessionHeaders(options, method),
      });
      return response.data;
    } catch (error) {
      const apiError = toApiError(error);
      // Only drop the session this request was refused with: if a sign-in saved a new one while
      // the request was in flight, the late 401 must not sign the user out again.
      if (
        apiError.status === 401 &&
        apiError.code === ERROR_CODE.UNAUTHENTICATED &&
        sessionIdentity(options) === sentWith
      ) {
        options.onUnauthenticated?.();
      }
      throw apiError;
    }
  }

  return {
    async get<T>(path: string, params?: QueryParams): Promise<T> {
      const defined = params
        ? Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined))
        : undefined;
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await send<T>('get', path, { params: defined });
        } catch (error) {
          const apiError = toApiError(error);
          const delay = delays[attempt];
          if (!apiError.isTransient || delay === undefined) throw apiError;
          await sleep(delay);
        }
      }
    },

    post<T>(path: string, body?: unknown): Promise<T> {
      return send<T>('post', path, { data: body });
    },

    put<T>(path: string, body: unknown): Promise<T> {
      return send<T>('put', path, { data: body });
    },

    async delete(path: string): Promise<void> {
      await send<unknown>('delete', path, {});
    },
  };
}
