import { Module } from '@nestjs/common';

import { RateLimitModule } from '../../common/rate-limit/rate-limit.module';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { ApplicantModule } from '../applicant/applicant.module';
import { StaffModule } from '../staff/staff.module';
import { WechatSessionClient } from '../wechat/wechat-session.client';
import { AuthSessionRepository } from './auth-session.repository';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService, WECHAT_SESSION_CLIENT } from './auth.service';
import {
  ClearSessionCookieInterceptor,
  IssueSessionCookieInterceptor,
} from './session-cookie.interceptor';

@Module({
  imports: [ApplicantModule, StaffModule, RateLimitModule],
  controllers: [AuthController],
  providers: [
    AuthSessionRepository,
    AuthService,
    AuthGuard,
    IssueSessionCookieInterceptor,
    ClearSessionCookieInterceptor,
    {
      provide: WECHAT_SESSION_CLIENT,
      inject: [APP_CONFIG],
      useFactory: ({ wechat }: AppConfig): WechatSessionClient | null =>
        wechat.appId && wechat.appSecret
          ? new WechatSessionClient({
              baseUrl: wechat.apiBase,
              appId: wechat.appId,
              appSecret: wechat.appSecret,
            })
          : null,
    },
  ],
  exports: [AuthService, AuthGuard, AuthSessionRepository, IssueSessionCookieInterceptor],
})
export class AuthModule {}
