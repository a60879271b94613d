import { Inject, Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map } from 'rxjs';
import type { Observable } from 'rxjs';

import { APP_ENVIRONMENT } from '@titletrack/shared/contract';
import type { SessionResponse } from '@titletrack/shared/contract';

import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import type { AuthenticatedRequest } from './auth.decorator';
import { clearSessionCookies, setSessionCookies, wantsCookieSession } from './session-cookie.util';

function isSecureRequest(config: AppConfig, request: FastifyRequest): boolean {
  return config.environment === APP_ENVIRONMENT.PRODUCTION || request.protocol === 'https';
}

// On a sign-in: when the client asks for a cookie session, the token goes into HttpOnly cookies
// and leaves the JSON, so no script on the page ever sees it.
@Injectable()
export class IssueSessionCookieInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((session: SessionResponse) => {
        if (!wantsCookieSession(request)) return session;
        setSessionCookies(
          reply,
          session.principal.kind,
          session,
          isSecureRequest(this.config, request),
        );
        const { token: _token, ...withoutToken } = session;
        return withoutToken;
      }),
    );
  }
}

// On a sign-out made with a cookie session: the browser drops both of its cookies.
@Injectable()
export class ClearSessionCookieInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (request.sessionCookieKind) {
          clearSessionCookies(
            reply,
            request.sessionCookieKind,
            isSecureRequest(this.config, request),
          );
        }
        return result;
      }),
    );
  }
}
