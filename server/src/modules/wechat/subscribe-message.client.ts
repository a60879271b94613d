import type { WechatAccessTokenStore, WechatTokenError } from './access-token.store';
import { TOKEN_REJECTED_ERRCODES } from './access-token.store';
import { SEND_OUTCOME } from './subscribe-sender.type';
import type { SendResult, SubscribeMessage, SubscribeSender } from './subscribe-sender.type';
import {
  WechatTransportError,
  isCertainlyNotSent,
  parseWechatBody,
  readWechatErrcode,
} from './wechat-api.http';
import type { WechatHttp } from './wechat-api.http';

const RETRY_ERRCODES: ReadonlySet<number> = new Set([-1, 45009]);

// POST /cgi-bin/message/subscribe/send with the shared access token, each answer sorted into a
// SEND_OUTCOME.
export class SubscribeMessageClient implements SubscribeSender {
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
      return {
        outcome: SEND_OUTCOME.RETRY,
        errcode: first.errcode,
        error: (error as WechatTokenError).message,
      };
    }
    const second = await this.attempt(message, token);
    if (second.errcode !== undefined && TOKEN_REJECTED_ERRCODES.has(second.errcode)) {
      return { ...second, outcome: SEND_OUTCOME.RETRY };
    }
    return second;
  }

  private async attempt(
    message: SubscribeMessage,
    token: string,
  ): Promise<SendResult & { errcode?: number }> {
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
      return {
        outcome: isCertainlyNotSent(code) ? SEND_OUTCOME.RETRY : SEND_OUTCOME.UNKNOWN,
        error: text,
      };
    }
    if (status >= 500)
      return {
        outcome: SEND_OUTCOME.RETRY,
        error: `WeChat subscribe/send answered HTTP ${status}`,
      };
    const body = parseWechatBody(data);
    const errcode = body === null ? null : readWechatErrcode(body.errcode);
    if (status !== 200 || errcode === null) {
      return {
        outcome: SEND_OUTCOME.FAILED,
        error: `WeChat subscribe/send answered HTTP ${status} with a malformed body`,
      };
    }
    const errmsg = typeof body?.errmsg === 'string' ? body.errmsg.slice(0, 200) : '';
    if (errcode === 0)
      return {
        outcome: SEND_OUTCOME.SENT,
        msgId:
          typeof body?.msgid === 'string' || typeof body?.msgid === 'number'
            ? String(body.msgid)
            : undefined,
      };
    const error = `${errcode} ${errmsg}`.trim();
    if (errcode === 43101) return { outcome: SEND_OUTCOME.REFUSED, errcode, error };
    if (RETRY_ERRCODES.has(errcode)) return { outcome: SEND_OUTCOME.RETRY, errcode, error };
    return { outcome: SEND_OUTCOME.FAILED, errcode, error };
  }
}
