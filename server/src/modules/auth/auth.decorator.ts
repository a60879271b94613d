import { SetMetadata, UseGuards, applyDecorators, createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

import { PRINCIPAL_KIND } from '@titletrack/shared/contract';
import type { Principal, PrincipalKind, StaffRole } from '@titletrack/shared/contract';

import { ErrorBodyDto } from '../../common/error-body.dto';
import { AUTH_REQUIREMENT } from './auth.constant';
import type { AuthRequirement } from './auth.constant';
import { AuthGuard } from './auth.guard';

export type AuthenticatedRequest = {
  principal?: Principal;
  sessionTokenHash?: string;
  // Set when the session came in a cookie (H5), not in the Authorization header.
  sessionCookieKind?: PrincipalKind;
};

function requireAuth(requirement: AuthRequirement | null): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(AUTH_REQUIREMENT, requirement),
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'UNAUTHENTICATED' }),
    ApiForbiddenResponse({
      type: ErrorBodyDto,
      description: 'FORBIDDEN (also a cookie-session write without X-CSRF-Token)',
    }),
  );
}

// Any signed-in principal.
export const Authenticated = (): MethodDecorator & ClassDecorator => requireAuth(null);

// Applicants only: staff tokens are refused, so staff never browse as an applicant.
export const ApplicantOnly = (): MethodDecorator & ClassDecorator =>
  requireAuth({ kind: PRINCIPAL_KIND.APPLICANT });

// Staff only; with roles, only those roles.
export const StaffOnly = (...roles: StaffRole[]): MethodDecorator & ClassDecorator =>
  requireAuth({ kind: PRINCIPAL_KIND.STAFF, roles });

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a route without an auth decorator');
    return principal;
  },
);
