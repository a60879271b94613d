import { PRINCIPAL_KIND, STAFF_ROLE } from '@titletrack/shared/contract';

import { mockMethods } from '../../../test/mocks/mock-methods';
import { AppException } from '../../common/app.exception';
import { hashToken } from '../../common/crypto/token-hash';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import type { AppConfig } from '../../config/env';
import type { ApplicantEntity } from '../applicant/applicant.entity';
import { ApplicantRepository } from '../applicant/applicant.repository';
import type { StaffUserEntity } from '../staff/staff-user.entity';
import { StaffRepository } from '../staff/staff.repository';
import { StaffService } from '../staff/staff.service';
import type { AuthSessionEntity } from './auth-session.entity';
import { AuthSessionRepository } from './auth-session.repository';
import {
  AuthService,
  STAFF_SIGN_IN_ACCOUNT_LIMIT,
  STAFF_SIGN_IN_ADDRESS_LIMIT,
} from './auth.service';
import { SESSION_CACHE_MS } from './session-cache.store';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const TOKEN = 'a'.repeat(43);
const STAFF_TOKEN = 's'.repeat(43);

const session = (fields: Partial<AuthSessionEntity> = {}): AuthSessionEntity => ({
  id: 1,
  tokenHash: hashToken(TOKEN),
  subjectKind: PRINCIPAL_KIND.APPLICANT,
  subjectId: 7,
  expiresAt: new Date(T0 + 24 * 3600_000),
  createdAt: new Date(T0),
  ...fields,
});

const staffUser = (fields: Partial<StaffUserEntity> = {}): StaffUserEntity =>
  ({
    id: 3,
    username: 'office',
    displayName: '职称办',
    role: STAFF_ROLE.PREFECTURE_OFFICE,
    passwordHash: 'x',
    isActive: true,
    regionCode: '6532',
    county: null,
    series: null,
    ...fields,
  }) as StaffUserEntity;

describe(AuthService.name, () => {
  let sut: AuthService;
  let sessions: jest.Mocked<AuthSessionRepository>;
  let applicants: jest.Mocked<ApplicantRepository>;
  let staff: jest.Mocked<StaffRepository>;
  let staffService: jest.Mocked<StaffService>;
  let rateLimit: jest.Mocked<RateLimitService>;

  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
    sessions = mockMethods(AuthSessionRepository);
    applicants = mockMethods(ApplicantRepository);
    staff = mockMethods(StaffRepository);
    sessions.getLiveByTokenHash.mockImplementation(async (tokenHash, now) => {
      const found = [
        session(),
        session({ tokenHash: hashToken(STAFF_TOKEN), subjectKind: 'staff', subjectId: 3 }),
      ].find((s) => s.tokenHash === tokenHash);
      return found && found.expiresAt > now ? found : null;
    });
    applicants.getById.mockResolvedValue({ id: 7 } as ApplicantEntity);
    staff.getById.mockResolvedValue(staffUser());
    staffService = mockMethods(StaffService);
    rateLimit = mockMethods(RateLimitService);
    rateLimit.consumeWithBackoff.mockResolvedValue();
    sut = new AuthService(
      { sessionTtlHours: 24 } as AppConfig,
      null,
      sessions,
      applicants,
      staff,
      staffService,
      rateLimit,
    );
  });

  afterEach(() => jest.useRealTimers());

  describe('resolveToken', () => {
    it('reads a session from the database once, then from memory', async () => {
      const expected = { principal: { kind: 'applicant', id: '7' }, tokenHash: hashToken(TOKEN) };
      await expect(sut.resolveToken(TOKEN)).resolves.toEqual(expected);
      await expect(sut.resolveToken(TOKEN)).resolves.toEqual(expected);
      expect(sessions.getLiveByTokenHash).toHaveBeenCalledTimes(1);
      expect(applicants.getById).toHaveBeenCalledTimes(1);
    });

    it('reads the database again once SESSION_CACHE_MS has passed', async () => {
      await sut.resolveToken(TOKEN);
      jest.setSystemTime(T0 + SESSION_CACHE_MS - 1);
      await sut.resolveToken(TOKEN);
      expect(sessions.getLiveByTokenHash).toHaveBeenCalledTimes(1);
      jest.setSystemTime(T0 + SESSION_CACHE_MS);
      await sut.resolveToken(TOKEN);
      expect(sessions.getLiveByTokenHash).toHaveBeenCalledTimes(2);
    });

    it('never trusts a session past its own expiry', async () => {
      sessions.getLiveByTokenHash.mockResolvedValueOnce(
        session({ expiresAt: new Date(T0 + 1000) }),
      );
      await expect(sut.resolveToken(TOKEN)).resolves.not.toBeNull();
      jest.setSystemTime(T0 + 1000);
      sessions.getLiveByTokenHash.mockResolvedValueOnce(null);
      await expect(sut.resolveToken(TOKEN)).resolves.toBeNull();
      expect(sessions.getLiveByTokenHash).toHaveBeenCalledTimes(2);
    });

    it('does not remember an unknown token, so random tokens cannot fill the cache', async () => {
      const unknown = 'u'.repeat(43);
      await expect(sut.resolveToken(unknown)).resolves.toBeNull();
      await expect(sut.resolveToken(unknown)).resolves.toBeNull();
      expect(sessions.getLiveByTokenHash).toHaveBeenCalledTimes(2);
    });

    it('does not remember a session whose applicant is gone', async () => {
      applicants.getById.mockResolvedValue(null);
      await expect(sut.resolveToken(TOKEN)).resolves.toBeNull();
      await expect(sut.resolveToken(TOKEN)).resolves.toBeNull();
      expect(sessions.getLiveByTokenHash).toHaveBeenCalledTimes(2);
    });

    it('hands out a frozen principal that a request cannot alter for the next one', async () => {
      const first = await sut.resolveToken(STAFF_TOKEN);
      expect(Object.isFrozen(first?.principal)).toBe(true);
      expect(() => Object.assign(first?.principal ?? {}, { role: 'other' })).toThrow(TypeError);
      const second = await sut.resolveToken(STAFF_TOKEN);
      expect(second?.principal).toMatchObject({ role: STAFF_ROLE.PREFECTURE_OFFICE });
    });
  });

  describe('loginAsStaff', () => {
    const IP = '10.0.0.7';
    const ACCOUNT = hashToken('office');

    it('counts the attempt for the address and the account before checking the password', async () => {
      staffService.verify.mockResolvedValue(null);
      await expect(sut.loginAsStaff('Office ', 'wrong', IP)).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
      expect(rateLimit.consumeWithBackoff).toHaveBeenNthCalledWith(1, STAFF_SIGN_IN_ADDRESS_LIMIT, [
        IP,
      ]);
      expect(rateLimit.consumeWithBackoff).toHaveBeenNthCalledWith(2, STAFF_SIGN_IN_ACCOUNT_LIMIT, [
        ACCOUNT,
      ]);
      expect(rateLimit.refund).not.toHaveBeenCalled();
      expect(rateLimit.reset).not.toHaveBeenCalled();
    });

    it('refuses at once, counting nothing, while this instance has too many checks queued', async () => {
      staffService.assertRoomForPasswordCheck.mockImplementation(() => {
        throw new AppException('RATE_LIMITED', 'Too many sign-ins in progress');
      });
      await expect(sut.loginAsStaff('office', 'right', IP)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
      });
      expect(rateLimit.consumeWithBackoff).not.toHaveBeenCalled();
      expect(staffService.verify).not.toHaveBeenCalled();
    });

    it('refuses without checking the password while the limit holds', async () => {
      rateLimit.consumeWithBackoff.mockRejectedValueOnce(
        new AppException('RATE_LIMITED', 'Too many attempts', {
          details: { retryAfterSeconds: 900 },
        }),
      );
      await expect(sut.loginAsStaff('office', 'right', IP)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
      });
      expect(staffService.verify).not.toHaveBeenCalled();
      expect(sessions.create).not.toHaveBeenCalled();
    });

    it('forgets the account’s failures and gives the address its attempt back on success', async () => {
      staffService.verify.mockResolvedValue(staffUser());
      await expect(sut.loginAsStaff('office', 'right', IP)).resolves.toMatchObject({
        principal: { kind: 'staff', id: '3' },
      });
      expect(rateLimit.reset).toHaveBeenCalledWith(STAFF_SIGN_IN_ACCOUNT_LIMIT, ACCOUNT);
      expect(rateLimit.refund).toHaveBeenCalledWith(STAFF_SIGN_IN_ADDRESS_LIMIT, IP);
    });

    it('gives both attempts back when the check could not be made', async () => {
      staffService.verify.mockRejectedValue(
        new AppException('RATE_LIMITED', 'Too many sign-ins in progress'),
      );
      await expect(sut.loginAsStaff('office', 'right', IP)).rejects.toMatchObject({
        code: 'RATE_LIMITED',
      });
      expect(rateLimit.refund).toHaveBeenCalledWith(STAFF_SIGN_IN_ADDRESS_LIMIT, IP);
      expect(rateLimit.refund).toHaveBeenCalledWith(STAFF_SIGN_IN_ACCOUNT_LIMIT, ACCOUNT);
      expect(sessions.create).not.toHaveBeenCalled();
    });
  });

  describe('logout', () => {
    it('ends the session on this instance at once', async () => {
      await sut.resolveToken(TOKEN);
      sessions.getLiveByTokenHash.mockResolvedValue(null);
      await sut.logout(hashToken(TOKEN));
      expect(sessions.deleteByTokenHash).toHaveBeenCalledWith(hashToken(TOKEN));
      await expect(sut.resolveToken(TOKEN)).resolves.toBeNull();
    });

    it('is not undone by a lookup that read the session before the logout', async () => {
      let release: () => void = () => undefined;
      applicants.getById.mockImplementationOnce(
        () =>
          new Promise((resolve) => {
            release = () => resolve({ id: 7 } as ApplicantEntity);
          }),
      );
      const racing = sut.resolveToken(TOKEN);
      await Promise.resolve();
      await sut.logout(hashToken(TOKEN));
      release();
      await racing;
      sessions.getLiveByTokenHash.mockResolvedValue(null);
      await expect(sut.resolveToken(TOKEN)).resolves.toBeNull();
    });
  });

  describe('forgetPrincipal', () => {
    it('stops honouring a deactivated staff account’s sessions on this instance at once', async () => {
      await expect(sut.resolveToken(STAFF_TOKEN)).resolves.not.toBeNull();
      staff.getById.mockResolvedValue(staffUser({ isActive: false }));
      sut.forgetPrincipal(PRINCIPAL_KIND.STAFF, '3');
      await expect(sut.resolveToken(STAFF_TOKEN)).resolves.toBeNull();
    });

    it('leaves other accounts’ sessions in memory', async () => {
      await sut.resolveToken(TOKEN);
      sut.forgetPrincipal(PRINCIPAL_KIND.STAFF, '3');
      await sut.resolveToken(TOKEN);
      expect(sessions.getLiveByTokenHash).toHaveBeenCalledTimes(1);
    });
  });
});
