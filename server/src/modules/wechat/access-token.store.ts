import { Logger } from '@nestjs/common';

import type { WechatAccessTokenRepository } from './wechat-access-token.repository';
import { WechatTransportError, parseWechatBody, readWechatErrcode } from './wechat-api.http';
import type { WechatHttp } from './wechat-api.http';
import type { WechatAccessTokenEntity } from './wechat.entities';

// The errcodes that say the access token we sent is no good (invalid, expired, not the latest).
export const TOKEN_REJECTED_ERRCODES: ReadonlySet<number> = new Set([40001, 42001, 40014]);

// Refreshed this long before WeChat's expiry, so a send never goes out with a dying token.
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;

export class WechatTokenError extends Error {
  constructor(
    readonly errcode: number,
    message: string,
  ) {
    super(message);
    this.name = 'WechatTokenError';
  }
}

/**
 * The access token from /cgi-bin/stable_token, kept in the database so every instance shares
 * one (and WeChat's daily quota of token calls is not spent per instance), with a copy in
 * memory. stable_token in normal mode hands every caller the same token until it expires, so
 * two instances refreshing at once get the same answer; force_refresh is used only when the
 * latest token WeChat gives is the very one it just refused.
 */
export class WechatAccessTokenStore {
  private readonly logger = new Logger(WechatAccessTokenStore.name);
  private cached: { token: string; expiresAt: number } | null = null;

  constructor(
    private readonly tokens: WechatAccessTokenRepository,
    private readonly http: WechatHttp,
    private readonly appId: string,
    private readonly appSecret: string,
  ) {}

  async get(now: Date): Promise<string> {
    if (this.cached && this.isFresh(this.cached.expiresAt, now)) return this.cached.token;
    const stored = await this.read();
    if (stored && this.isFresh(stored.expiresAt.getTime(), now))
      return this.remember(stored.token, stored.expiresAt.getTime());
    return this.fetchAndStore(false, now);
  }

  // WeChat refused `rejected` (40001/42001/40014): another instance may have stored a newer
  // one already; else ask WeChat, forcing a new token only if it hands back the refused one.
  async replaceRejected(rejected: string, now: Date): Promise<string> {
    this.cached = null;
    const stored = await this.read();
    if (stored && stored.token !== rejected && this.isFresh(stored.expiresAt.getTime(), now)) {
      return this.remember(stored.token, stored.expiresAt.getTime());
    }
    const latest = await this.fetchAndStore(false, now);
    if (latest !== rejected) return latest;
    this.logger.warn('WeChat refused its latest access token; forcing a new one');
    return this.fetchAndStore(true, now);
  }

  private isFresh(expiresAtMs: number, now: Date): boolean {
    return expiresAtMs - TOKEN_REFRESH_MARGIN_MS > now.getTime();
  }

  private remember(token: string, expiresAt: number): string {
    this.cached = { token, expiresAt };
    return token;
  }

  private read(): Promise<WechatAccessTokenEntity | null> {
    return this.tokens.getByAppId(this.appId);
  }

  private async fetchAndStore(forceRefresh: boolean, now: Date): Promise<string> {
    let body: Record<string, unknown> | null;
    try {
      const response = await this.http.post('/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: this.appId,
        secret: this.appSecret,
        force_refresh: forceRefresh,
      });
      if (response.status >= 500)
        throw new WechatTokenError(-2, `WeChat stable_token answered HTTP ${response.status}`);
      body = parseWechatBody(response.data);
    } catch (error) {
      if (error instanceof WechatTokenError) throw error;
      const reason = error instanceof WechatTransportError ? error.code : 'unknown';
      throw new WechatTokenError(-2, `WeChat stable_token unreachable (${reason})`);
    }
    const errcode = body === null ? null : readWechatErrcode(body.errcode);
    const token = body?.access_token;
    const expiresIn = Number(body?.expires_in);
    if (
      errcode !== 0 ||
      typeof token !== 'string' ||
      token.length === 0 ||
      !Number.isFinite(expiresIn)
    ) {
      const errmsg =
        typeof body?.errmsg === 'string' ? body.errmsg.slice(0, 200) : 'malformed answer';
      throw new WechatTokenError(
        errcode ?? -3,
        `WeChat stable_token failed: ${errcode ?? '?'} (${errmsg})`,
      );
    }
    // Whole seconds, as the datetime column stores them.
    const expiresAt = new Date(Math.floor((now.getTime() + expiresIn * 1000) / 1000) * 1000);
    await this.tokens.upsert({ appId: this.appId, token, expiresAt });
    this.logger.log(
      `WeChat access token ${forceRefresh ? 'force-refreshed' : 'refreshed'}, valid until ${expiresAt.toISOString()}`,
    );
    return this.remember(token, expiresAt.getTime());
  }
}
