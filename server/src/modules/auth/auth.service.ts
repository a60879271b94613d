import { randomBytes } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { APP_ENVIRONMENT, ERROR_CODE, PRINCIPAL_KIND } from '@titletrack/shared/contract';
import type { ErrorCode, Principal, PrincipalKind, StaffRole } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { hashToken } from '../../common/crypto/token-hash';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import type { BackoffRule } from '../../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { ApplicantRepository } from '../applicant/applicant.repository';
import type { StaffUserEntity } from '../staff/staff-user.entity';
import { StaffRepository } from '../staff/staff.repository';
import { StaffService } from '../staff/staff.service';
import {
  WECHAT_FAILURE,
  WechatApiError,
  WechatSessionClient,
} from '../wechat/wechat-session.client';
import type { WechatFailure } from '../wechat/wechat-session.client';
import { AuthSessionRepository } from './auth-session.repository';
import type { SessionResponseDto } from './auth.dto';
import { SessionCache } from './session-cache.store';

export const WECHAT_SESSION_CLIENT = Symbol('WECHAT_SESSION_CLIENT');

const WECHAT_FAILURE_CODE: Record<WechatFailure, ErrorCode> = {
  [WECHAT_FAILURE.INVALID_CODE]: ERROR_CODE.WECHAT_CODE_INVALID,
  [WECHAT_FAILURE.RATE_LIMITED]: ERROR_CODE.WECHAT_RATE_LIMITED,
  [WECHAT_FAILURE.RISKY_USER]: ERROR_CODE.WECHAT_RISKY_USER,
  [WECHAT_FAILURE.BUSY]: ERROR_CODE.WECHAT_UNAVAILABLE,
  [WECHAT_FAILURE.UNAVAILABLE]: ERROR_CODE.WECHAT_UNAVAILABLE,
  [WECHAT_FAILURE.UNEXPECTED]: ERROR_CODE.WECHAT_UNAVAILABLE,
};

// Failed staff sign-ins per account (whoever tries) and per address (whichever accounts). Five
// guesses per quarter hour per account; then the wait doubles with every attempt, up to an hour.
// An office behind one NAT address shares the address's twenty.
export const STAFF_SIGN_IN_ACCOUNT_LIMIT: BackoffRule = {
  scope: 'staff-sign-in:account',
  limit: 5,
  windowSeconds: 15 * 60,
  maxWaitSeconds: 60 * 60,
};
export const STAFF_SIGN_IN_ADDRESS_LIMIT: BackoffRule = {
  scope: 'staff-sign-in:address',
  limit: 20,
  windowSeconds: 15 * 60,
  maxWaitSeconds: 60 * 60,
};

// Usernames are counted by hash: what people type there is sometimes their password, and an
// unknown name is counted exactly like a real one.
const accountSubject = (username: string): string => hashToken(username.trim().toLowerCase());

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly sessions = new SessionCache();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WECHAT_SESSION_CLIENT) private readonly wechat: WechatSessionClient | null,
    private readonly sessionRepository: AuthSessionRepository,
    private readonly applicantRepository: ApplicantRepository,
    private readonly staffRepository: StaffRepository,
    private readonly staffService: StaffService,
    private readonly rateLimit: RateLimitService,
  ) {}

  async loginWithWechat(code: string): Promise<SessionResponseDto> {
    if (this.wechat === null) {
      throw new AppException(ERROR_CODE.WECHAT_NOT_CONFIGURED, 'WeChat login is not configured');
    }
    let session;
    try {
      session = await this.wechat.exchangeCode(code);
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      // Add the context (which WeChat failure) and answer with a code the mini-app can explain.
      this.logger.warn(`WeChat code2Session failed: ${error.kind} (${error.errcode})`);
      throw new AppException(WECHAT_FAILURE_CODE[error.kind], 'WeChat login failed');
    }
    const applicant = await this.applicantRepository.getOrCreateByOpenId(
      session.openId,
      session.unionId,
    );
    return this.openSession({ kind: PRINCIPAL_KIND.APPLICANT, id: String(applicant.id) });
  }

  // H5 has no WeChat: demos and browser tests sign in with a made-up id. Never in production.
  async loginForDevelopment(devUserId: string): Promise<SessionResponseDto> {
    if (this.config.environment === APP_ENVIRONMENT.PRODUCTION) {
      this.logger.debug('Development login refused in production');
      throw new AppException(
        ERROR_CODE.DEV_LOGIN_DISABLED,
        'Development login is disabled in production',
      );
    }
    const applicant = await this.applicantRepository.getOrCreateByOpenId(`dev:${devUserId}`, null);
    return this.openSession({ kind: PRINCIPAL_KIND.APPLICANT, id: String(applicant.id) });
  }

  // Attempts are counted before the password is checked, so parallel guesses cannot pass the
  // limit together; a success gives its attempt back.
  async loginAsStaff(username: string, password: string, ip: string): Promise<SessionResponseDto> {
    this.staffService.assertRoomForPasswordCheck();
    const account = accountSubject(username);
    await this.rateLimit.consumeWithBackoff(STAFF_SIGN_IN_ADDRESS_LIMIT, [ip]);
    await this.rateLimit.consumeWithBackoff(STAFF_SIGN_IN_ACCOUNT_LIMIT, [account]);
    let user: StaffUserEntity | null;
    try {
      user = await this.staffService.verify(username, password);
    } catch (error) {
      // Not checked (the queue filled up meanwhile): the attempt was never made.
      await this.rateLimit.refund(STAFF_SIGN_IN_ADDRESS_LIMIT, ip);
      await this.rateLimit.refund(STAFF_SIGN_IN_ACCOUNT_LIMIT, account);
      throw error;
    }
    if (!user) {
      // The same answer for an unknown user, a wrong password and a disabled account.
      this.logger.debug('Staff sign-in refused');
      throw new AppException(ERROR_CODE.INVALID_CREDENTIALS, 'Invalid username or password');
    }
    await this.rateLimit.reset(STAFF_SIGN_IN_ACCOUNT_LIMIT, account);
    await this.rateLimit.refund(STAFF_SIGN_IN_ADDRESS_LIMIT, ip);
    return this.openSession(toStaffPrincipal(user));
  }

  async logout(tokenHash: string): Promise<void> {
    await this.sessionRepository.deleteByTokenHash(tokenHash);
    this.sessions.forgetToken(tokenHash);
  }

  // Whoever deactivates a staff account or changes its role or scope calls this after the write,
  // so this instance stops honouring the account's sessions at once (others: see SESSION_CACHE_MS).
  forgetPrincipal(kind: PrincipalKind, id: string): void {
    this.sessions.forgetPrincipal(kind, id);
  }

  // The principal is frozen: it may be the one the session cache hands to the next request.
  async resolveToken(token: string): Promise<{ principal: Principal; tokenHash: string } | null> {
    const tokenHash = hashToken(token);
    const readAt = Date.now();
    const cached = this.sessions.get(tokenHash, readAt);
    if (cached) return { principal: cached, tokenHash };
    const generation = this.sessions.generation;
    const session = await this.sessionRepository.getLiveByTokenHash(tokenHash, new Date(readAt));
    if (!session) return null;
    const principal = await this.loadPrincipal(
      session.subjectKind as PrincipalKind,
      session.subjectId,
    );
    if (!principal) return null;
    return {
      principal: this.sessions.remember(tokenHash, principal, {
        sessionExpiresAt: session.expiresAt,
        readAt,
        generation,
      }),
      tokenHash,
    };
  }

  private async loadPrincipal(kind: PrincipalKind, id: number): Promise<Principal | null> {
    if (kind === PRINCIPAL_KIND.APPLICANT) {
      const applicant = await this.applicantRepository.getById(id);
      return applicant ? { kind, id: String(applicant.id) } : null;
    }
    const user = await this.staffRepository.getById(id);
    return user?.isActive ? toStaffPrincipal(user) : null;
  }

  private async openSession(principal: Principal): Promise<SessionResponseDto> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.sessionRepository.create({
      tokenHash: hashToken(token),
      subjectKind: principal.kind,
      subjectId: Number(principal.id),
      expiresAt,
    });
    return { token, expiresAt: expiresAt.toISOString(), principal };
  }
}

function toStaffPrincipal(user: StaffUserEntity): Principal {
  return {
    kind: PRINCIPAL_KIND.STAFF,
    id: String(user.id),
    username: user.username,
    displayName: user.displayName,
    role: user.role as StaffRole,
    regionCode: user.regionCode,
    county: user.county,
    series: user.series,
  };
}
