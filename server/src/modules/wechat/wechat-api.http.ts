import { Agent, request as httpRequest } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

// A lean keep-alive JSON client for WeChat's server API (stable_token, subscribe/send): plain
// node:http, because the push worker sends thousands a second and axios costs about three
// times the CPU per request. Status and body are judged by the callers: WeChat answers HTTP 200
// for its own errors, sometimes labelled text/plain.

export interface WechatHttpResponse {
  status: number;
  data: string;
}

// A transport failure; `code` is Node's (ECONNREFUSED, ECONNRESET…) or ETIMEDOUT for our timeout.
export class WechatTransportError extends Error {
  constructor(readonly code: string) {
    super(`WeChat API transport error ${code}`);
    this.name = 'WechatTransportError';
  }
}

const MAX_BODY_BYTES = 1 << 20;

export class WechatHttp {
  private readonly base: URL;
  private readonly agent: Agent | HttpsAgent;
  private readonly send: typeof httpRequest;

  constructor(
    baseUrl: string,
    private readonly timeoutMs: number,
  ) {
    this.base = new URL(baseUrl);
    const isHttps = this.base.protocol === 'https:';
    this.agent = isHttps
      ? new HttpsAgent({ keepAlive: true, maxSockets: 256 })
      : new Agent({ keepAlive: true, maxSockets: 256 });
    this.send = isHttps ? httpsRequest : httpRequest;
  }

  post(
    path: string,
    body: unknown,
    query: Record<string, string> = {},
  ): Promise<WechatHttpResponse> {
    const url = new URL(
      path.replace(/^\//, ''),
      this.base.href.endsWith('/') ? this.base.href : `${this.base.href}/`,
    );
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const payload = Buffer.from(JSON.stringify(body), 'utf8');
    return new Promise((resolve, reject) => {
      let isSettled = false;
      const fail = (code: string): void => {
        if (isSettled) return;
        isSettled = true;
        reject(new WechatTransportError(code));
      };
      const req = this.send(
        url,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) res.destroy();
            else chunks.push(chunk);
          });
          res.on('end', () => {
            if (isSettled) return;
            isSettled = true;
            resolve({ status: res.statusCode ?? 0, data: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'ERESPONSE'));
          res.on('close', () => fail('ECONNRESET'));
        },
      );
      req.setTimeout(this.timeoutMs, () => {
        fail('ETIMEDOUT');
        req.destroy();
      });
      req.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? 'EREQUEST'));
      req.end(payload);
    });
  }
}

export function createWechatHttp(baseUrl: string, timeoutMs: number): WechatHttp {
  return new WechatHttp(baseUrl, timeoutMs);
}

export function parseWechatBody(data: unknown): Record<string, unknown> | null {
  let value = data;
  if (typeof data === 'string') {
    try {
      value = JSON.parse(data) as unknown;
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as Record<string, unknown>;
}

// A success carries no errcode (or 0); some answers spell it as a string.
export function readWechatErrcode(value: unknown): number | null {
  if (value === undefined || value === null) return 0;
  const errcode = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof errcode === 'number' && Number.isInteger(errcode) ? errcode : null;
}

// Transport failures where the request certainly never reached WeChat (safe to send again),
// as opposed to a timeout or a reset, after which it may have.
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
export const isCertainlyNotSent = (code: string | undefined): boolean =>
  code !== undefined && NOT_SENT_CODES.has(code);
