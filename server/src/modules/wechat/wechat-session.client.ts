import { Logger } from '@nestjs/common';
import axios from 'axios';
import type { AxiosInstance, AxiosResponse } from 'axios';

import { parseWechatBody, readWechatErrcode } from './wechat-api.http';

// Talks to WeChat's auth.code2Session (GET /sns/jscode2session): trades the one-time code from
// wx.login for the user's openid, unionid and session_key. WeChat answers HTTP 200 for its own
// errors, with { errcode, errmsg } in the body and sometimes a text/plain content type.

export const WECHAT_FAILURE = {
  INVALID_CODE: 'INVALID_CODE',
  RATE_LIMITED: 'RATE_LIMITED',
  RISKY_USER: 'RISKY_USER',
  BUSY: 'BUSY',
  UNAVAILABLE: 'UNAVAILABLE',
  UNEXPECTED: 'UNEXPECTED',
} as const;
export type WechatFailure = (typeof WECHAT_FAILURE)[keyof typeof WECHAT_FAILURE];

// WeChat's own errcodes, as documented for code2Session and the common credential checks.
export const WECHAT_ERRCODE = {
  SYSTEM_BUSY: -1,
  INVALID_APPSECRET_OR_TOKEN: 40001,
  INVALID_APPID: 40013,
  INVALID_CODE: 40029,
  INVALID_APPSECRET: 40125,
  CODE_USED: 40163,
  HIGH_RISK_USER: 40226,
  APPID_MISSING: 41002,
  APPSECRET_MISSING: 41004,
  CODE_MISSING: 41008,
  RATE_LIMITED: 45011,
} as const;

// Errcodes WeChat never sends, for failures that happen on our side of the wire.
export const LOCAL_ERRCODE = {
  UNAVAILABLE: -2,
  MALFORMED_RESPONSE: -3,
} as const;

// Our appid/secret were refused. These stay UNEXPECTED (the login flow answers 503 for it), but
// keep their errcode and get their own message, so the log points at configuration, not WeChat.
const CREDENTIAL_ERRCODES: ReadonlySet<number> = new Set([
  WECHAT_ERRCODE.INVALID_APPSECRET_OR_TOKEN,
  WECHAT_ERRCODE.INVALID_APPID,
  WECHAT_ERRCODE.INVALID_APPSECRET,
  WECHAT_ERRCODE.APPID_MISSING,
  WECHAT_ERRCODE.APPSECRET_MISSING,
]);

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_BUSY_RETRY_DELAY_MS = 300;
const MAX_ERRMSG_LENGTH = 200;

export interface WechatSession {
  openId: string;
  unionId: string | null;
  sessionKey: string;
}

export interface WechatSessionClientOptions {
  baseUrl: string;
  appId: string;
  appSecret: string;
  timeoutMs?: number;
  busyRetryDelayMs?: number;
  // Injected so tests can retry without waiting.
  sleep?: (ms: number) => Promise<void>;
}

// Messages carry errcodes, WeChat's errmsg (scrubbed) and transport error codes only: never the
// secret, the js_code, the openid or the session_key. No `cause` is attached either, because an
// AxiosError holds the request URL, and that URL holds the secret and the code.
export class WechatApiError extends Error {
  constructor(
    readonly kind: WechatFailure,
    readonly errcode: number,
    message: string,
  ) {
    super(message);
    this.name = 'WechatApiError';
  }
}

type Attempt =
  { isSession: true; session: WechatSession } | { isSession: false; error: WechatApiError };

export class WechatSessionClient {
  private readonly logger = new Logger(WechatSessionClient.name);
  private readonly http: AxiosInstance;
  private readonly appId: string;
  private readonly appSecret: string;
  private readonly busyRetryDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: WechatSessionClientOptions) {
    this.appId = options.appId;
    this.appSecret = options.appSecret;
    this.busyRetryDelayMs = options.busyRetryDelayMs ?? DEFAULT_BUSY_RETRY_DELAY_MS;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // Status and body are judged in one place below; axios must neither throw on a status nor
      // guess at the body, since WeChat labels JSON as text/plain at times.
      validateStatus: () => true,
      transformResponse: [(data: unknown) => data],
      responseType: 'text',
    });
  }

  async exchangeCode(code: string): Promise<WechatSession> {
    const first = await this.attempt(code);
    if (first.isSession) return first.session;
    if (first.error.kind !== WECHAT_FAILURE.BUSY) throw first.error;

    // -1 is WeChat's documented "system busy, try again later". Only this is retried: after a
    // timeout or a 5xx, WeChat may already have spent the single-use code, so a retry would
    // turn an outage into a misleading "invalid code".
    this.logger.warn(`WeChat code2Session busy, retrying once in ${this.busyRetryDelayMs} ms`);
    await this.sleep(this.busyRetryDelayMs);
    const second = await this.attempt(code);
    if (second.isSession) return second.session;
    throw second.error;
  }

  private async attempt(code: string): Promise<Attempt> {
    let response: AxiosResponse<unknown>;
    try {
      response = await this.http.get('/sns/jscode2session', {
        params: {
          appid: this.appId,
          secret: this.appSecret,
          js_code: code,
          grant_type: 'authorization_code',
        },
      });
    } catch (error) {
      // Adds context and drops the AxiosError, whose config holds the secret and the code.
      const reason = axios.isAxiosError(error) ? (error.code ?? 'unknown') : 'unknown';
      return this.failure(
        WECHAT_FAILURE.UNAVAILABLE,
        LOCAL_ERRCODE.UNAVAILABLE,
        `WeChat code2Session unreachable (${reason})`,
      );
    }

    if (response.status >= 500) {
      return this.failure(
        WECHAT_FAILURE.UNAVAILABLE,
        LOCAL_ERRCODE.UNAVAILABLE,
        `WeChat code2Session answered HTTP ${response.status}`,
      );
    }
    if (response.status !== 200) {
      return this.failure(
        WECHAT_FAILURE.UNEXPECTED,
        LOCAL_ERRCODE.MALFORMED_RESPONSE,
        `WeChat code2Session answered HTTP ${response.status}`,
      );
    }
    return this.readBody(response.data, code);
  }

  private readBody(data: unknown, code: string): Attempt {
    const body = parseWechatBody(data);
    if (body === null) return this.malformed('body is not a JSON object');

    const errcode = readWechatErrcode(body.errcode);
    if (errcode === null) return this.malformed('errcode is not a number');
    if (errcode !== 0) {
      const errmsg = this.scrub(typeof body.errmsg === 'string' ? body.errmsg : '', code);
      if (CREDENTIAL_ERRCODES.has(errcode)) {
        return this.failure(
          WECHAT_FAILURE.UNEXPECTED,
          errcode,
          `WeChat code2Session refused our appid or secret: ${errcode} (${errmsg})`,
        );
      }
      const kind = kindOf(errcode);
      const message = `WeChat code2Session failed: ${kind} ${errcode} (${errmsg})`;
      return this.failure(kind, errcode, message);
    }

    const { openid, session_key: sessionKey, unionid } = body;
    if (!isNonEmptyString(openid)) return this.malformed('openid is missing');
    if (!isNonEmptyString(sessionKey)) return this.malformed('session_key is missing');
    if (unionid !== undefined && unionid !== null && typeof unionid !== 'string') {
      return this.malformed('unionid is not a string');
    }
    // unionid only comes when the app is bound to an Open Platform account.
    const unionId = isNonEmptyString(unionid) ? unionid : null;
    return { isSession: true, session: { openId: openid, unionId, sessionKey } };
  }

  private malformed(reason: string): Attempt {
    return this.failure(
      WECHAT_FAILURE.UNEXPECTED,
      LOCAL_ERRCODE.MALFORMED_RESPONSE,
      `WeChat code2Session returned a malformed body: ${reason}`,
    );
  }

  private failure(kind: WechatFailure, errcode: number, message: string): Attempt {
    return { isSession: false, error: new WechatApiError(kind, errcode, message) };
  }

  // WeChat's errmsg is free text from a third party; it is kept for its rid (which WeChat support
  // asks for), but anything that echoes our credentials or the code is cut out first.
  private scrub(errmsg: string, code: string): string {
    let scrubbed = errmsg.slice(0, MAX_ERRMSG_LENGTH);
    for (const secret of [this.appSecret, code]) {
      if (secret.length > 0) scrubbed = scrubbed.split(secret).join('[redacted]');
    }
    return scrubbed;
  }
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function kindOf(errcode: number): WechatFailure {
  switch (errcode) {
    case WECHAT_ERRCODE.INVALID_CODE:
    case WECHAT_ERRCODE.CODE_USED:
    case WECHAT_ERRCODE.CODE_MISSING:
      return WECHAT_FAILURE.INVALID_CODE;
    case WECHAT_ERRCODE.RATE_LIMITED:
      return WECHAT_FAILURE.RATE_LIMITED;
    case WECHAT_ERRCODE.HIGH_RISK_USER:
      return WECHAT_FAILURE.RISKY_USER;
    case WECHAT_ERRCODE.SYSTEM_BUSY:
      return WECHAT_FAILURE.BUSY;
    default:
      return WECHAT_FAILURE.UNEXPECTED;
  }
}
