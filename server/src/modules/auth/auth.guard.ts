import { Injectable, Logger } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';

import { ERROR_CODE, PRINCIPAL_KIND } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { AUTH_REQUIREMENT } from './auth.constant';
import type { AuthRequirement } from './auth.constant';
import type { AuthenticatedRequest } from './auth.decorator';
import { AuthService } from './auth.service';
import {
  cookieKindFor,
  hasCsrfProof,
  isWriteMethod,
  readSessionCookie,
} from './session-cookie.util';

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authService: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | null>(AUTH_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    // The Authorization header (weapp, API clients) wins; H5 sends its session as a cookie.
    const bearer = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(
      request.headers.authorization ?? '',
    )?.[1];
    const cookieKind = bearer ? null : cookieKindFor(request, requirement?.kind);
    const token = bearer ?? (cookieKind ? readSessionCookie(request, cookieKind) : null);
    const resolved = token ? await this.authService.resolveToken(token) : null;
    if (!token || !resolved) {
      this.logger.debug('Missing, unknown or expired session token');
      throw new AppException(ERROR_CODE.UNAUTHENTICATED, 'Sign-in required');
    }
    // A browser sends cookies with requests another site makes it send; only the page itself can
    // read the CSRF cookie and echo it.
    if (cookieKind && isWriteMethod(request.method) && !hasCsrfProof(request, token)) {
      this.logger.debug(`Cookie-session ${request.method} without a valid CSRF token`);
      throw new AppException(ERROR_CODE.FORBIDDEN, 'CSRF token missing or wrong');
    }
    const { principal } = resolved;
    const isAllowed =
      !requirement ||
      (requirement.kind === principal.kind &&
        (principal.kind !== PRINCIPAL_KIND.STAFF ||
          !requirement.roles?.length ||
          requirement.roles.includes(principal.role)));
    if (!isAllowed) {
      this.logger.debug(
        `${principal.kind} ${principal.id} refused on ${request.method} ${request.routeOptions.url}`,
      );
      throw new AppException(ERROR_CODE.FORBIDDEN, 'Not allowed for this account');
    }
    request.principal = principal;
    request.sessionTokenHash = resolved.tokenHash;
    if (cookieKind) request.sessionCookieKind = cookieKind;
    return true;
  }
}
