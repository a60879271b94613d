
import type { TemplateData } from '../reminders/template-fields';
import { TOKEN_REJECTED_ERRCODES, WechatAccessTokenStore, WechatTokenError } from './access-token.store';
import { WechatTransportError, isCertainlyNotSent, parseWechatBody, readWechatErrcode } from './wechat-api.http';
import type { WechatHttp } from './wechat-api.http';

// What became of one /cgi-bin/message/subscribe/send, as the push worker acts on it.
export const SEND_OUTCOME = {
  SENT: 'sent',
  REFUSED: 'refused', // 43101: the user has no subscription for this template; no retry
  RETRY: 'retry', // 45009, -1, 5xx, never reached WeChat: back off and try again
  FAILED: 'failed', // 47003, 40003 and other permanent errors: kept with the reason
  UNKNOWN: 'unknown', // a timeout or reset: the request may have reached WeChat
} as const;
export type SendOutcome = (typeof SEND_OUTCOME)[keyof typeof SEND_OUTCOME];

export interface SendResult {
  outcome: SendOutcome;
  msgId?: string;
  errcode?: number;
  error?: string;
}

export interface SubscribeMessage {
  toOpenId: string;
  templateId: string;
  page: string;
  data: TemplateData;
  miniprogramState: 'formal' | 'trial' | 'developer';
}

const RETRY_ERRCODES: ReadonlySet<number> = new Set([-1, 45009]);

export class SubscribeMessageClient {
  constructor(
    private readonly http: WechatHttp,
    private readonly tokens: WechatAccessTokenStore,
  ) {}

  async send(message: SubscribeMessage, now: Date): Promise<SendResult> {
    let token: string;
    try {
      token = await this.tokens.get(now);
    } catch (error) {
      return { outcome: SEND_OUTCOME.RETRY, error: (error as Error).message };
    }
    const first = await this.attempt(message, token);
    if (first.errcode === undefined || !TOKEN_REJECTED_ERRCODES.has(first.errcode)) return first;
    // The token was refused: WeChat did not send anything, so one more try with a new token is
    // safe; it does not count as an attempt.
    try {
      token = await this.tokens.replaceRejected(token, now);
    } catch (error) {
      return { outcome: SEND_OUTCOME.RETRY, errcode: first.errcode, error: (error as WechatTokenError).message };
    }
    const second = await this.attempt(message, token);
    if (second.errcode !== undefined && TOKEN_REJECTED_ERRCODES.has(second.errcode)) {
      return { ...second, outcome: SEND_OUTCOME.RETRY };
    }
    return second;
  }

  private async attempt(message: SubscribeMessage, token: string): Promise<SendResult & { errcode?: number }> {
    let status: number;
    let data: unknown;
    try {
      const response = await this.http.post(
        '/cgi-bin/message/subscribe/send',
        {
          touser: message.toOpenId,
          template_id: message.templateId,
          page: message.page,
          data: message.data,
          miniprogram_state: message.miniprogramState,
          lang: 'zh_CN',
        },
        { access_token: token },
      );
      status = response.status;
      data = response.data;
    } catch (error) {
      // Only the code: never the URL, which holds the token.
      const code = error instanceof WechatTransportError ? error.code : undefined;
      const text = `WeChat subscribe/send unreachable (${code ?? 'unknown'})`;
      return { outcome: isCertainlyNotSent(code) ? SEND_OUTCOME.RETRY : SEND_OUTCOME.UNKNOWN, error: text };
    }
    if (status >= 500) return { outcome: SEND_OUTCOME.RETRY, error: `WeChat subscribe/send answered HTTP ${status}` };
    const body = parseWechatBody(data);
    const errcode = body === null ? null : readWechatErrcode(body.errcode);
    if (status !== 200 || errcode === null) {
      return { outcome: SEND_OUTCOME.FAILED, error: `WeChat subscribe/send answered HTTP ${status} with a malformed body` };
    }
    const errmsg = typeof body?.errmsg === 'string' ? body.errmsg.slice(0, 200) : '';
    if (errcode === 0) return { outcome: SEND_OUTCOME.SENT, msgId: body?.msgid === undefined ? undefined : String(body.msgid) };
    const error = `${errcode} ${errmsg}`.trim();
    if (errcode === 43101) return { outcome: SEND_OUTCOME.REFUSED, errcode, error };
    if (RETRY_ERRCODES.has(errcode)) return { outcome: SEND_OUTCOME.RETRY, errcode, error };
    return { outcome: SEND_OUTCOME.FAILED, errcode, error };
  }
}
