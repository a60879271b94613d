import { PRINCIPAL_KIND, STAFF_ROLE } from '@titletrack/shared/contract';

import { mockMethods } from '../../../test/mocks/mock-methods';
import { hashToken } from '../../common/crypto/token-hash';
import type { AppConfig } from '../../config/env';
import type { ApplicantEntity } from '../applicant/applicant.entity';
import { ApplicantRepository } from '../applicant/applicant.repository';
import type { StaffUserEntity } from '../staff/staff-user.entity';
import { StaffRepository } from '../staff/staff.repository';
import { StaffService } from '../staff/staff.service';
import type { AuthSessionEntity } from './auth-session.entity';
import { AuthSessionRepository } from './auth-session.repository';
import { AuthService } from './auth.service';
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
    sut = new AuthService(
      {} as AppConfig,
      null,
      sessions,
      applicants,
      staff,
      mockMethods(StaffService),
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
