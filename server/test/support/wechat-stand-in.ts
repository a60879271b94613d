import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for WeChat's auth.code2Session, speaking its documented protocol over real
// HTTP on loopback: HTTP 200 for WeChat's own errors, { errcode, errmsg } bodies, single-use
// codes. A test fixture only; the product never knows it exists.

export const STAND_IN_APP_ID = 'wx0000000000000000';
export const STAND_IN_APP_SECRET = '5eca1e70000000000000000000000000';

export interface WechatStandInSession {
  openid: string;
  session_key: string;
  unionid?: string;
}

export interface WechatStandInError {
  errcode: number;
  errmsg: string;
}

// `{ body }` sends those exact bytes, for malformed answers.
export type WechatStandInAnswer =
  | WechatStandInSession
  | WechatStandInError
  | { body: string }
  | 'http500'
  | 'hang';

// A list answers request n with entry n and repeats the last entry after that.
export type WechatStandInScript = WechatStandInAnswer | readonly WechatStandInAnswer[];

export interface WechatStandInRequest {
  method: string;
  path: string;
  query: Record<string, string>;
}

export interface WechatStandInOptions {
  appId?: string;
  appSecret?: string;
}

// errmsg texts as WeChat words them; WeChat appends a request id, which the stand-in imitates.
export const WECHAT_STAND_IN_ERROR = {
  BUSY: { errcode: -1, errmsg: 'system error' },
  INVALID_CODE: { errcode: 40029, errmsg: 'invalid code' },
  CODE_USED: { errcode: 40163, errmsg: 'code been used' },
  RATE_LIMITED: {
    errcode: 45011,
    errmsg: 'api minute-quota reach limit mustslower retry next minute',
  },
  RISKY_USER: { errcode: 40226, errmsg: 'invalid user, high risk user' },
} as const satisfies Record<string, WechatStandInError>;

export class WechatStandIn {
  readonly appId: string;
  readonly appSecret: string;
  readonly codes = new Map<string, WechatStandInScript>();
  readonly requests: WechatStandInRequest[] = [];
  // WeChat has been seen labelling its JSON as text/plain; tests can switch this.
  contentType = 'application/json; encoding=utf-8';

  private readonly spentCodes = new Set<string>();
  private readonly attemptsByCode = new Map<string, number>();
  private server: Server | null = null;
  private requestCount = 0;

  constructor(options: WechatStandInOptions = {}) {
    this.appId = options.appId ?? STAND_IN_APP_ID;
    this.appSecret = options.appSecret ?? STAND_IN_APP_SECRET;
  }

  async start(): Promise<{ baseUrl: string; close: () => Promise<void> }> {
    if (this.server) throw new Error('WeChat stand-in already started');
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return { baseUrl: `http://127.0.0.1:${port}`, close: () => this.close() };
  }

  // Forgets scripts, requests and spent codes, so one started stand-in can serve a whole file.
  reset(): void {
    this.codes.clear();
    this.requests.length = 0;
    this.spentCodes.clear();
    this.attemptsByCode.clear();
    this.contentType = 'application/json; encoding=utf-8';
  }

  private async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    // 'hang' answers keep their sockets open; close() alone would wait for them forever.
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ method: req.method ?? '', path: url.pathname, query });

    if (req.method !== 'GET' || url.pathname !== '/sns/jscode2session') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const credentialError = this.checkCredentials(query);
    if (credentialError) {
      this.sendJson(res, credentialError);
      return;
    }
    const code = query.js_code ?? '';
    this.answer(res, code, this.nextAnswer(code));
  }

  // The checks WeChat makes before it looks at the code, in the same order.
  private checkCredentials(query: Record<string, string>): WechatStandInError | null {
    if (!query.appid) return { errcode: 41002, errmsg: 'appid missing' };
    if (!query.secret) return { errcode: 41004, errmsg: 'appsecret missing' };
    if (!query.js_code) return { errcode: 41008, errmsg: 'missing code' };
    if (query.grant_type !== 'authorization_code') {
      return { errcode: 40002, errmsg: 'invalid grant_type' };
    }
    if (query.appid !== this.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (query.secret !== this.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    return null;
  }

  private nextAnswer(code: string): WechatStandInAnswer {
    if (this.spentCodes.has(code)) return WECHAT_STAND_IN_ERROR.CODE_USED;
    const script = this.codes.get(code);
    if (script === undefined) return WECHAT_STAND_IN_ERROR.INVALID_CODE;
    if (!isAnswerList(script)) return script;
    const attempt = this.attemptsByCode.get(code) ?? 0;
    this.attemptsByCode.set(code, attempt + 1);
    return script[Math.min(attempt, script.length - 1)] ?? WECHAT_STAND_IN_ERROR.INVALID_CODE;
  }

  private answer(res: ServerResponse, code: string, answer: WechatStandInAnswer): void {
    if (answer === 'hang') return;
    if (answer === 'http500') {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<html>500 Internal Error</html>');
      return;
    }
    if ('body' in answer) {
      res.writeHead(200, { 'content-type': this.contentType }).end(answer.body);
      return;
    }
    // A code is spent once it has produced a session, as WeChat's codes are.
    if ('openid' in answer) this.spentCodes.add(code);
    this.sendJson(res, answer);
  }

  private sendJson(res: ServerResponse, body: WechatStandInSession | WechatStandInError): void {
    this.requestCount += 1;
    const rid = `stand-in-${this.requestCount}`;
    const payload = 'errcode' in body ? { ...body, errmsg: `${body.errmsg}, rid: ${rid}` } : body;
    res.writeHead(200, { 'content-type': this.contentType }).end(JSON.stringify(payload));
  }
}

function isAnswerList(script: WechatStandInScript): script is readonly WechatStandInAnswer[] {
  return Array.isArray(script);
}

export interface RunningWechatStandIn {
  standIn: WechatStandIn;
  baseUrl: string;
  close: () => Promise<void>;
}

export async function startWechatStandIn(
  options: WechatStandInOptions = {},
): Promise<RunningWechatStandIn> {
  const standIn = new WechatStandIn(options);
  const { baseUrl, close } = await standIn.start();
  return { standIn, baseUrl, close };
}
