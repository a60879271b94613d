import { Module } from '@nestjs/common';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { WechatAccessTokenStore } from './access-token.store';
import { SubscribeMessageClient } from './subscribe-message.client';
import { SUBSCRIBE_SENDER } from './subscribe-sender.type';
import type { SubscribeSender } from './subscribe-sender.type';
import { WechatAccessTokenRepository } from './wechat-access-token.repository';
import { createWechatHttp } from './wechat-api.http';
import type { WechatHttp } from './wechat-api.http';
import { WechatEventRepository } from './wechat-event.repository';
import { WechatPushNonceRepository } from './wechat-push-nonce.repository';
import { WechatPushController } from './wechat-push.controller';
import { WechatPushService } from './wechat-push.service';
import { WECHAT_PUSH_TOKEN } from './wechat-push.type';

export const WECHAT_API_HTTP = Symbol('WECHAT_API_HTTP');

const SEND_TIMEOUT_MS = 10_000;

/**
 * WeChat's server API for the mini-program: the keep-alive client of the server API, the
 * access token shared by every instance, subscribe-message sending (exported as
 * SUBSCRIBE_SENDER, null while WECHAT_APPID/WECHAT_SECRET are not set) and WeChat's message
 * push (消息推送), whose subscribe-message news goes to the listeners registered with
 * WechatPushService. It imports no feature module: the reminders depend on it, never the other
 * way round.
 */
@Module({
  controllers: [WechatPushController],
  providers: [
    WechatAccessTokenRepository,
    WechatEventRepository,
    WechatPushNonceRepository,
    WechatPushService,
    {
      provide: WECHAT_API_HTTP,
      inject: [APP_CONFIG],
      useFactory: ({ wechat }: AppConfig): WechatHttp =>
        createWechatHttp(wechat.apiBase, SEND_TIMEOUT_MS),
    },
    {
      provide: WechatAccessTokenStore,
      inject: [APP_CONFIG, WechatAccessTokenRepository, WECHAT_API_HTTP],
      useFactory: (
        { wechat }: AppConfig,
        tokens: WechatAccessTokenRepository,
        http: WechatHttp,
      ): WechatAccessTokenStore | null =>
        wechat.appId && wechat.appSecret
          ? new WechatAccessTokenStore(tokens, http, wechat.appId, wechat.appSecret)
          : null,
    },
    {
      provide: SUBSCRIBE_SENDER,
      inject: [WECHAT_API_HTTP, WechatAccessTokenStore],
      useFactory: (
        http: WechatHttp,
        tokens: WechatAccessTokenStore | null,
      ): SubscribeSender | null =>
        tokens === null ? null : new SubscribeMessageClient(http, tokens),
    },
    {
      provide: WECHAT_PUSH_TOKEN,
      inject: [APP_CONFIG],
      useFactory: ({ reminders }: AppConfig): string | null => reminders.pushToken,
    },
  ],
  exports: [SUBSCRIBE_SENDER, WechatPushService],
})
export class WechatModule {}
