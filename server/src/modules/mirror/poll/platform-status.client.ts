import { Logger } from '@nestjs/common';
import axios from 'axios';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { z } from 'zod';

// Client of the official platform's status-query API. The platform publishes no API, so this is
// the protocol we ask it for (the test stand-in in test/support/platform-stand-in.ts speaks it):
//
//   POST {base}/oauth/token
//     body    { "client_id": "...", "client_secret": "..." }          (application/json)
//     200     { "access_token": "...", "expires_in": <seconds> }
//     400/401 the credentials are refused
//
//   GET {base}/v1/application-changes?cursor=<opaque>&limit=<n>      (cursor omitted at first)
//     header  Authorization: Bearer <access_token>
//     200     { "items": [{ "changeId": "...", "data": <the webhook event's `data`> }],
//               "nextCursor": "<opaque>", "hasMore": true|false }
//             Items come in the order the platform recorded them. nextCursor points after the
//             last item and stays valid when hasMore is false: later changes appear after it.
//     401     the token expired or was revoked: get a new one and ask again
//     429     slow down; Retry-After: <seconds> (or an HTTP date)
//     5xx     try again later
//
// The token lives in memory, per instance, until shortly before it expires; a 401 refreshes it
// once and repeats the request. Neither the secret nor the token is ever logged or put into an
// error: errors carry the endpoint, the HTTP status or a transport code, and no `cause`, since
// an AxiosError holds the request (the secret in the body, the token in a header).

export const PLATFORM_FAILURE = {
  // Retryable: 5xx, timeouts, connection failures.
  UNAVAILABLE: 'UNAVAILABLE',
  // Retryable after `retryAfterMs`.
  RATE_LIMITED: 'RATE_LIMITED',
  // Not retryable: our credentials were refused, or a fresh token was refused.
  UNAUTHORIZED: 'UNAUTHORIZED',
  // Not retryable: another 4xx, or a body outside the protocol.
  UNEXPECTED: 'UNEXPECTED',
} as const;
export type PlatformFailure = (typeof PLATFORM_FAILURE)[keyof typeof PLATFORM_FAILURE];

export class PlatformApiError extends Error {
  readonly isRetryable: boolean = false;

  constructor(
    readonly kind: PlatformFailure,
    readonly httpStatus: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformApiError';
  }
}

// Worth asking again later: the platform is down, slow or overloaded.
export class PlatformRetryableError extends PlatformApiError {
  override readonly isRetryable: boolean = true;

  constructor(httpStatus: number | null, message: string) {
    super(PLATFORM_FAILURE.UNAVAILABLE, httpStatus, message);
    this.name = 'PlatformRetryableError';
  }
}

// 429: `retryAfterMs` is the platform's Retry-After, or null when it sent none we could read.
export class PlatformRateLimitedError extends PlatformRetryableError {
  override readonly kind = PLATFORM_FAILURE.RATE_LIMITED;

  constructor(
    readonly retryAfterMs: number | null,
    message: string,
  ) {
    super(429, message);
    this.name = 'PlatformRateLimitedError';
  }
}

export interface PlatformChange {
  changeId: string;
  // Validated by the caller, item by item, so one bad item does not sink its page.
  data: unknown;
}

export interface PlatformChangePage {
  items: PlatformChange[];
  nextCursor: string;
  hasMore: boolean;
}

export interface PlatformStatusClientOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  // Injected so tests can move time.
  clock?: () => number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
// A token is dropped this long before the platform says it expires, so a request never sets out
// with a token that dies on the way. Short-lived tokens keep at least half their life.
const TOKEN_EXPIRY_MARGIN_MS = 30_000;
const MAX_RETRY_AFTER_MS = 24 * 3600 * 1000;

const tokenSchema = z.object({
  access_token: z.string().min(1).max(4096),
  expires_in: z.number().positive(),
});

const pageSchema = z.object({
  items: z.array(z.object({ changeId: z.string().min(1).max(200), data: z.unknown() })),
  nextCursor: z.string().min(1).max(2000),
  hasMore: z.boolean(),
});

interface CachedToken {
  value: string;
  expiresAt: number;
}

export class PlatformStatusClient {
  private readonly logger = new Logger(PlatformStatusClient.name);
  private readonly http: AxiosInstance;
  private readonly clientId: string;
  private readonly clientSecret: string;
  private readonly clock: () => number;
  private token: CachedToken | null = null;
  // Concurrent callers share one token request instead of each fetching their own.
  private pendingToken: Promise<CachedToken> | null = null;

  constructor(options: PlatformStatusClientOptions) {
    this.clientId = options.clientId;
    this.clientSecret = options.clientSecret;
    this.clock = options.clock ?? Date.now;
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // Status and body are judged below, in one place.
      validateStatus: () => true,
      transformResponse: [(data: unknown) => data],
      responseType: 'text',
      // Redirects would resend the credentials to wherever they point.
      maxRedirects: 0,
    });
  }

  async fetchChanges(cursor: string | null, limit: number): Promise<PlatformChangePage> {
    const first = await this.getChanges(await this.getToken(), cursor, limit);
    let response = first;
    if (first.status === 401) {
      // Expired or revoked before our clock said so: one fresh token, one more try.
      this.logger.debug('Platform token refused, fetching a new one');
      this.token = null;
      response = await this.getChanges(await this.getToken(), cursor, limit);
      if (response.status === 401) {
        throw new PlatformApiError(
          PLATFORM_FAILURE.UNAUTHORIZED,
          401,
          'Platform refused a freshly issued token',
        );
      }
    }
    this.throwUnlessOk(response, 'application-changes');
    const page = pageSchema.safeParse(parseJson(response.data));
    if (!page.success) throw this.malformed('application-changes', page.error);
    return page.data;
  }

  private async getChanges(
    token: string,
    cursor: string | null,
    limit: number,
  ): Promise<AxiosResponse<unknown>> {
    return this.send('application-changes', () =>
      this.http.get('/v1/application-changes', {
        params: cursor === null ? { limit } : { cursor, limit },
        headers: { Authorization: `Bearer ${token}` },
      }),
    );
  }

  private async getToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.clock()) return this.token.value;
    this.pendingToken ??= this.requestToken().finally(() => {
      this.pendingToken = null;
    });
    this.token = await this.pendingToken;
    return this.token.value;
  }

  private async requestToken(): Promise<CachedToken> {
    const requestedAt = this.clock();
    const response = await this.send('oauth/token', () =>
      this.http.post(
        '/oauth/token',
        { client_id: this.clientId, client_secret: this.clientSecret },
        { headers: { 'Content-Type': 'application/json' } },
      ),
    );
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new PlatformApiError(
        PLATFORM_FAILURE.UNAUTHORIZED,
        response.status,
        `Platform refused our client credentials (HTTP ${response.status})`,
      );
    }
    this.throwUnlessOk(response, 'oauth/token');
    const token = tokenSchema.safeParse(parseJson(response.data));
    if (!token.success) throw this.malformed('oauth/token', token.error);
    const lifetimeMs = token.data.expires_in * 1000;
    const margin = Math.min(TOKEN_EXPIRY_MARGIN_MS, lifetimeMs / 2);
    return { value: token.data.access_token, expiresAt: requestedAt + lifetimeMs - margin };
  }

  // Transport failures become retryable errors with the transport code only.
  private async send(
    endpoint: string,
    request: () => Promise<AxiosResponse<unknown>>,
  ): Promise<AxiosResponse<unknown>> {
    try {
      return await request();
    } catch (error) {
      const reason = axios.isAxiosError(error) ? (error.code ?? 'unknown') : 'unknown';
      throw new PlatformRetryableError(null, `Platform ${endpoint} unreachable (${reason})`);
    }
  }

  private throwUnlessOk(response: AxiosResponse<unknown>, endpoint: string): void {
    if (response.status === 200) return;
    if (response.status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], this.clock());
      throw new PlatformRateLimitedError(
        retryAfterMs,
        `Platform ${endpoint} rate-limited us (retry after ${retryAfterMs === null ? 'unspecified' : `${retryAfterMs} ms`})`,
      );
    }
    if (response.status >= 500) {
      throw new PlatformRetryableError(
        response.status,
        `Platform ${endpoint} answered HTTP ${response.status}`,
      );
    }
    throw new PlatformApiError(
      PLATFORM_FAILURE.UNEXPECTED,
      response.status,
      `Platform ${endpoint} answered HTTP ${response.status}`,
    );
  }

  // Paths and messages only: the values may be personal data or the token.
  private malformed(endpoint: string, error: z.ZodError): PlatformApiError {
    const problems = error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
    return new PlatformApiError(
      PLATFORM_FAILURE.UNEXPECTED,
      200,
      `Platform ${endpoint} returned a malformed body (${problems.join('; ')})`,
    );
  }
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

// Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
export function parseRetryAfter(header: unknown, now: number): number | null {
  if (typeof header !== 'string' || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}
