import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the official platform's status-query API, speaking the protocol written
// at the top of src/modules/mirror/poll/platform-status.client.ts over real HTTP on loopback:
// client-credential tokens, a cursor-paged change feed, 401 for a dead token, and scriptable
// 429/5xx answers. A test fixture only; the product never knows it exists.

export const PLATFORM_STAND_IN_CLIENT_ID = 'titletrack-stand-in';
export const PLATFORM_STAND_IN_CLIENT_SECRET = 'stand-in-secret-7f3a9c1e5b2d4f6a8c0e';

export interface PlatformStandInChange {
  changeId: string;
  data: unknown;
}

// One scripted answer in place of the real one.
export type PlatformStandInFailure =
  { status: 429; retryAfter?: string } | { status: 500 | 502 | 503 } | { status: 'hang' };

export interface PlatformStandInRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  // The bearer token presented, if any (the stand-in's own fake tokens).
  token: string | null;
  status: number | 'hang';
}

export interface PlatformStandInOptions {
  clientId?: string;
  clientSecret?: string;
}

type Endpoint = 'token' | 'changes';

interface IssuedToken {
  usesLeft: number;
  isExpired: boolean;
}

export class PlatformStandIn {
  readonly clientId: string;
  readonly clientSecret: string;
  // The platform's change log, in order; tests push to it between runs.
  readonly changes: PlatformStandInChange[] = [];
  readonly requests: PlatformStandInRequest[] = [];
  // expires_in of new tokens, in seconds.
  tokenExpiresInSeconds = 3600;
  // How many change requests a new token answers before it expires (→ 401).
  tokenUses = Number.POSITIVE_INFINITY;
  // Every answer waits this long first (to hold a run open while another starts).
  delayMs = 0;

  private readonly tokens = new Map<string, IssuedToken>();
  private readonly failures: Record<Endpoint, PlatformStandInFailure[]> = {
    token: [],
    changes: [],
  };
  private server: Server | null = null;
  private issued = 0;

  constructor(options: PlatformStandInOptions = {}) {
    this.clientId = options.clientId ?? PLATFORM_STAND_IN_CLIENT_ID;
    this.clientSecret = options.clientSecret ?? PLATFORM_STAND_IN_CLIENT_SECRET;
  }

  async start(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
    if (this.server) throw new Error('Platform stand-in already started');
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return { baseUrl: `http://127.0.0.1:${port}`, close: () => this.close() };
  }

  // The next requests to `endpoint` get these answers, one each, before normal service resumes.
  failNext(endpoint: Endpoint, ...answers: PlatformStandInFailure[]): void {
    this.failures[endpoint].push(...answers);
  }

  // Every token issued so far now answers 401.
  expireTokens(): void {
    for (const token of this.tokens.values()) token.isExpired = true;
  }

  get tokensIssued(): number {
    return this.issued;
  }

  changeRequests(): PlatformStandInRequest[] {
    return this.requests.filter((r) => r.path === '/v1/application-changes');
  }

  // Forgets the log, scripts, tokens and requests, so one started stand-in can serve a whole file.
  reset(): void {
    this.changes.length = 0;
    this.requests.length = 0;
    this.tokens.clear();
    this.failures.token.length = 0;
    this.failures.changes.length = 0;
    this.tokenExpiresInSeconds = 3600;
    this.tokenUses = Number.POSITIVE_INFINITY;
    this.delayMs = 0;
    this.issued = 0;
  }

  private async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const body = await readBody(req);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const auth = req.headers.authorization ?? '';
    const record: PlatformStandInRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      token: auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : null,
      status: 200,
    };
    this.requests.push(record);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      res
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(payload));
    };

    const endpoint: Endpoint | null =
      req.method === 'POST' && url.pathname === '/oauth/token'
        ? 'token'
        : req.method === 'GET' && url.pathname === '/v1/application-changes'
          ? 'changes'
          : null;
    if (endpoint === null) {
      send(404, { error: 'not_found' });
      return;
    }
    const failure = this.failures[endpoint].shift();
    if (failure) {
      if (failure.status === 'hang') {
        record.status = 'hang';
        return;
      }
      if (failure.status === 429) {
        send(
          429,
          { error: 'rate_limited' },
          failure.retryAfter === undefined ? {} : { 'retry-after': failure.retryAfter },
        );
        return;
      }
      send(failure.status, { error: 'unavailable' });
      return;
    }
    if (endpoint === 'token') this.issueToken(body, send);
    else this.pageOfChanges(url.searchParams, record.token, send);
  }

  private issueToken(body: string, send: (status: number, payload: unknown) => void): void {
    let credentials: { client_id?: unknown; client_secret?: unknown };
    try {
      credentials = JSON.parse(body) as typeof credentials;
    } catch {
      send(400, { error: 'invalid_request' });
      return;
    }
    if (
      credentials.client_id !== this.clientId ||
      credentials.client_secret !== this.clientSecret
    ) {
      send(401, { error: 'invalid_client' });
      return;
    }
    this.issued += 1;
    const token = `stand-in-token-${this.issued}`;
    this.tokens.set(token, { usesLeft: this.tokenUses, isExpired: false });
    send(200, {
      access_token: token,
      token_type: 'Bearer',
      expires_in: this.tokenExpiresInSeconds,
    });
  }

  private pageOfChanges(
    params: URLSearchParams,
    token: string | null,
    send: (status: number, payload: unknown) => void,
  ): void {
    const issued = token === null ? undefined : this.tokens.get(token);
    if (!issued || issued.isExpired || issued.usesLeft <= 0) {
      send(401, { error: 'invalid_token' });
      return;
    }
    issued.usesLeft -= 1;
    const limit = Number(params.get('limit') ?? '100');
    const cursor = params.get('cursor');
    const start = cursor === null ? 0 : decodeCursor(cursor);
    if (
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > 1000 ||
      start === null ||
      start > this.changes.length
    ) {
      send(400, { error: 'invalid_request' });
      return;
    }
    const items = this.changes.slice(start, start + limit);
    const next = start + items.length;
    send(200, { items, nextCursor: encodeCursor(next), hasMore: next < this.changes.length });
  }
}

// Opaque to the client; a position in the log here.
function encodeCursor(position: number): string {
  return Buffer.from(`position:${position}`).toString('base64url');
}

function decodeCursor(cursor: string): number | null {
  const match = /^position:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface RunningPlatformStandIn {
  standIn: PlatformStandIn;
  baseUrl: string;
  close: () => Promise<void>;
}

export async function startPlatformStandIn(
  options: PlatformStandInOptions = {},
): Promise<RunningPlatformStandIn> {
  const standIn = new PlatformStandIn(options);
  const { baseUrl, close } = await standIn.start();
  return { standIn, baseUrl, close };
}
