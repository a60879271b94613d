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

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authService: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '')?.[1];
    const resolved = token ? await this.authService.resolveToken(token) : null;
    if (!resolved) {
      this.logger.debug('Missing, unknown or expired session token');
      throw new AppException(ERROR_CODE.UNAUTHENTICATED, 'Sign-in required');
    }
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | null>(AUTH_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
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
    return true;
  }
}
