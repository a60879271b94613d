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
  WechatStandInSession | WechatStandInError | { body: string } | 'http500' | 'hang';

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

// What subscribe/send answers. A number is an errcode (0 = ok); 'http500' and 'hang'
// imitate an outage and a request that never gets an answer.
export type SendAnswer = number | 'http500' | 'hang';

export class WechatStandIn {
  // --- stable_token and subscribe/send ---
  readonly validTokens = new Set<string>();
  tokenExpiresInSeconds = 7200;
  tokenRequests = 0;
  forcedTokenRequests = 0;
  // Answers for the next sends, in order (then 0); per openid first, then for everyone.
  readonly sendScriptByOpenId = new Map<string, SendAnswer[]>();
  readonly sendScript: SendAnswer[] = [];
  // Messages WeChat accepted (errcode 0), per `${openid}|${templateId}`: a count above 1 for one
  // message id is a duplicate push.
  readonly delivered = new Map<string, number>();
  readonly deliveredPages = new Map<string, number>();
  sendRequests = 0;
  // Delay before answering a send, to let a test kill a worker mid-batch.
  sendDelayMs = 0;
  // Sends received and not answered yet, per caller: a caller may put `/<name>` before the API
  // paths in its base URL (e.g. `${baseUrl}/s0`), so a test knows whose batch is in flight.
  readonly inFlightByCaller = new Map<string, number>();
  private tokenSequence = 0;

  // Every token handed out so far stops working (42001), as when WeChat expires them.
  expireTokens(): void {
    this.validTokens.clear();
  }

  deliveredTotal(): number {
    let total = 0;
    for (const n of this.delivered.values()) total += n;
    return total;
  }

  duplicatePages(): number {
    let duplicates = 0;
    for (const n of this.deliveredPages.values()) if (n > 1) duplicates += n - 1;
    return duplicates;
  }

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
    this.validTokens.clear();
    this.tokenRequests = 0;
    this.forcedTokenRequests = 0;
    this.sendScriptByOpenId.clear();
    this.sendScript.length = 0;
    this.delivered.clear();
    this.deliveredPages.clear();
    this.sendRequests = 0;
    this.sendDelayMs = 0;
    this.inFlightByCaller.clear();
    this.tokenExpiresInSeconds = 7200;
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
    const prefixed = /^\/([a-z0-9_-]+)(\/cgi-bin\/.*)$/.exec(url.pathname);
    const caller = prefixed?.[1] ?? '';
    if (prefixed?.[2]) url.pathname = prefixed[2];
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ method: req.method ?? '', path: url.pathname, query });

    if (
      req.method === 'POST' &&
      (url.pathname === '/cgi-bin/stable_token' ||
        url.pathname === '/cgi-bin/message/subscribe/send')
    ) {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          this.sendJson(res, { errcode: 47001, errmsg: 'data format error' });
          return;
        }
        if (url.pathname === '/cgi-bin/stable_token') this.answerStableToken(res, body);
        else void this.answerSubscribeSend(res, query.access_token ?? '', body, caller);
      });
      return;
    }

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

  private answerStableToken(res: ServerResponse, body: Record<string, unknown>): void {
    this.tokenRequests += 1;
    if (body.grant_type !== 'client_credential') {
      this.sendJson(res, { errcode: 40002, errmsg: 'invalid grant_type' });
      return;
    }
    if (body.appid !== this.appId) {
      this.sendJson(res, { errcode: 40013, errmsg: 'invalid appid' });
      return;
    }
    if (body.secret !== this.appSecret) {
      this.sendJson(res, { errcode: 40125, errmsg: 'invalid appsecret' });
      return;
    }
    // Like WeChat's stable token: the same token until it expires, a new one when forced.
    if (body.force_refresh === true) {
      this.forcedTokenRequests += 1;
      this.validTokens.clear();
    }
    let token = [...this.validTokens][0];
    if (token === undefined) {
      this.tokenSequence += 1;
      token = `stand-in-token-${this.tokenSequence}`;
      this.validTokens.add(token);
    }
    res
      .writeHead(200, { 'content-type': this.contentType })
      .end(JSON.stringify({ access_token: token, expires_in: this.tokenExpiresInSeconds }));
  }

  private nextSendAnswer(openId: string): SendAnswer {
    const own = this.sendScriptByOpenId.get(openId);
    if (own && own.length > 0) return own.shift() as SendAnswer;
    if (this.sendScript.length > 0) return this.sendScript.shift() as SendAnswer;
    return 0;
  }

  private async answerSubscribeSend(
    res: ServerResponse,
    accessToken: string,
    body: Record<string, unknown>,
    caller: string,
  ): Promise<void> {
    if (this.sendDelayMs > 0) {
      this.inFlightByCaller.set(caller, (this.inFlightByCaller.get(caller) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, this.sendDelayMs));
      this.inFlightByCaller.set(caller, (this.inFlightByCaller.get(caller) ?? 1) - 1);
    }
    if (!this.validTokens.has(accessToken)) {
      const isKnownShape = accessToken.startsWith('stand-in-token-');
      this.sendJson(
        res,
        isKnownShape
          ? { errcode: 42001, errmsg: 'access_token expired' }
          : { errcode: 40001, errmsg: 'invalid credential' },
      );
      return;
    }
    // Sends that got past the token check: what a duplicate or a retry would cost.
    this.sendRequests += 1;
    const openId = typeof body.touser === 'string' ? body.touser : '';
    const templateId = typeof body.template_id === 'string' ? body.template_id : '';
    if (!openId.startsWith('o')) {
      this.sendJson(res, { errcode: 40003, errmsg: 'invalid openid' });
      return;
    }
    // WeChat's value rules: a value that breaks one fails the whole message (47003).
    const data = (body.data ?? {}) as Record<string, { value?: string }>;
    for (const [key, { value = '' }] of Object.entries(data)) {
      const length = Array.from(value).length;
      const isBad =
        (key.startsWith('thing') && length > 20) ||
        (key.startsWith('phrase') && !/^\p{Script=Han}{1,5}$/u.test(value)) ||
        (key.startsWith('time') && !/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/.test(value)) ||
        (key.startsWith('amount') && !/^\d+(\.\d{1,2})?元$/.test(value));
      if (isBad) {
        this.sendJson(res, {
          errcode: 47003,
          errmsg: `argument invalid! data.${key}.value invalid`,
        });
        return;
      }
    }
    const answer = this.nextSendAnswer(openId);
    if (answer === 'hang') return;
    if (answer === 'http500') {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<html>500 Internal Error</html>');
      return;
    }
    if (answer !== 0) {
      const errmsg: Record<number, string> = {
        43101: 'user refuse to accept the msg',
        45009: 'reach max api daily quota limit',
        47003: 'argument invalid!',
        40003: 'invalid openid',
        40001: 'invalid credential',
        42001: 'access_token expired',
      };
      this.sendJson(res, { errcode: answer, errmsg: errmsg[answer] ?? 'error' });
      return;
    }
    const key = `${openId}|${templateId}`;
    this.delivered.set(key, (this.delivered.get(key) ?? 0) + 1);
    const page = `${openId}|${typeof body.page === 'string' ? body.page : ''}`;
    this.deliveredPages.set(page, (this.deliveredPages.get(page) ?? 0) + 1);
    this.requestCount += 1;
    res
      .writeHead(200, { 'content-type': this.contentType })
      .end(JSON.stringify({ errcode: 0, errmsg: 'ok', msgid: 1_000_000_000 + this.requestCount }));
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
