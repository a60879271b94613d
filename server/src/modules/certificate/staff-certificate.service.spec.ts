import { Logger } from '@nestjs/common';

import { ERROR_CODE, PRINCIPAL_KIND, STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';
import { CERTIFICATE_STATE } from '@titletrack/shared/domain';

import { buildCertificateEntity } from '../../../test/factories/certificate.factory';
import {
  newAuditLogRepositoryMock,
  newCertificateRepositoryMock,
  newDomainEventRepositoryMock,
} from '../../../test/mocks/certificate.mock';
import { newUnitOfWorkStub } from '../../../test/mocks/unit-of-work.mock';
import type { UnitOfWorkStub } from '../../../test/mocks/unit-of-work.mock';
import type { AuditLogRepository } from '../../common/audit/audit-log.repository';
import type { AppConfig } from '../../config/env';
import type { ApplicationEntity } from '../application/application.entity';
import type { DomainEventRepository } from '../domain-event/domain-event.repository';
import type { CertificateRepository } from './certificate.repository';
import { StaffCertificateService } from './staff-certificate.service';

const STAFF: StaffPrincipal = {
  kind: PRINCIPAL_KIND.STAFF,
  id: '2',
  username: 'office',
  displayName: '职称办',
  role: STAFF_ROLE.PREFECTURE_OFFICE,
  regionCode: '6532',
  county: null,
  series: null,
};
const NOW = new Date('2024-01-10T00:00:00Z');

describe(StaffCertificateService.name, () => {
  let sut: StaffCertificateService;
  let unitOfWork: UnitOfWorkStub;
  let certificateRepository: jest.Mocked<CertificateRepository>;
  let auditLogRepository: jest.Mocked<AuditLogRepository>;
  let domainEventRepository: jest.Mocked<DomainEventRepository>;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    unitOfWork = newUnitOfWorkStub();
    certificateRepository = newCertificateRepositoryMock();
    auditLogRepository = newAuditLogRepositoryMock();
    domainEventRepository = newDomainEventRepositoryMock();
    sut = new StaffCertificateService(
      unitOfWork.unitOfWork,
      certificateRepository,
      auditLogRepository,
      domainEventRepository,
      { platformRegionCode: '6532' } as AppConfig,
    );
  });

  afterEach(() => jest.restoreAllMocks());

  describe('search', () => {
    it('shows staff the holder masked, with the application number', async () => {
      certificateRepository.search.mockResolvedValue([
        buildCertificateEntity({
          application: { applicationNo: 'HT2023000123', regionCode: '6532', county: null } as never,
        }),
      ]);

      await expect(sut.search(STAFF, { number: 'HT2023000123' })).resolves.toEqual([
        expect.objectContaining({
          id: '11',
          holderNameMasked: '王**',
          applicationNo: 'HT2023000123',
        }),
      ]);
      expect(certificateRepository.search).toHaveBeenCalledWith({ number: 'HT2023000123' });
    });

    it('leaves out certificates of applications outside the caller’s scope', async () => {
      const kashgar = { applicationNo: 'KS1', regionCode: '6531', county: null, series: 'health' };
      const yutian = {
        applicationNo: 'YT1',
        regionCode: '6532',
        county: '于田县',
        series: 'health',
      };
      certificateRepository.search.mockResolvedValue([
        buildCertificateEntity({ id: 1, application: kashgar as ApplicationEntity }),
        buildCertificateEntity({ id: 2, application: yutian as ApplicationEntity }),
      ]);
      const bureau = { ...STAFF, role: STAFF_ROLE.COUNTY_HR_BUREAU, county: '洛浦县' };

      await expect(sut.search(STAFF, {})).resolves.toEqual([
        expect.objectContaining({ applicationNo: 'YT1' }),
      ]);
      await expect(sut.search(bureau, {})).resolves.toEqual([]);
    });
  });

  describe('revoke', () => {
    it('revokes, records who did it and why, and tells the reminders, all in one unit of work', async () => {
      certificateRepository.getByIdWithApplication.mockResolvedValueOnce(buildCertificateEntity());
      const revoked = buildCertificateEntity({
        state: CERTIFICATE_STATE.REVOKED,
        revokedReason: '提供虚假材料',
        revokedAt: NOW,
      });
      certificateRepository.getByIdWithApplication.mockResolvedValueOnce(revoked);
      // Which writes ran while the unit of work was still open (not yet committed).
      const writtenInside: string[] = [];
      const wrote = (name: string): void => {
        if (unitOfWork.opened() > unitOfWork.committed()) writtenInside.push(name);
      };
      certificateRepository.revoke.mockImplementation(async () => {
        wrote('certificate');
        return true;
      });
      auditLogRepository.create.mockImplementation(async () => wrote('audit log'));
      domainEventRepository.append.mockImplementation(async () => wrote('domain event'));

      await expect(sut.revoke(STAFF, '11', '  提供虚假材料 ', NOW)).resolves.toMatchObject({
        id: '11',
        state: 'revoked',
        revokedReason: '提供虚假材料',
      });

      expect(unitOfWork.opened()).toBe(1);
      expect(writtenInside).toEqual(['certificate', 'audit log', 'domain event']);
      expect(certificateRepository.revoke).toHaveBeenCalledWith(11, '提供虚假材料', NOW);
      expect(auditLogRepository.create).toHaveBeenCalledWith({
        staffUserId: 2,
        action: 'certificate.revoke',
        targetType: 'certificate',
        targetId: '11',
        detail: JSON.stringify({ certificateNo: 'HTZC-2023-0001', reason: '提供虚假材料' }),
      });
      expect(domainEventRepository.append).toHaveBeenCalledWith([
        {
          kind: 'certificate_revoked',
          applicationId: 7,
          payload: {
            certificateNo: 'HTZC-2023-0001',
            reason: '提供虚假材料',
            source: 'staff',
            staffUserId: 2,
          },
        },
      ]);
    });

    it('records nothing a second time for a certificate revoked before', async () => {
      certificateRepository.getByIdWithApplication.mockResolvedValueOnce(
        buildCertificateEntity({ state: CERTIFICATE_STATE.REVOKED }),
      );
      certificateRepository.revoke.mockResolvedValue(false);
      certificateRepository.getByIdWithApplication.mockResolvedValueOnce(
        buildCertificateEntity({ state: CERTIFICATE_STATE.REVOKED }),
      );

      await expect(sut.revoke(STAFF, '11', 'again', NOW)).resolves.toMatchObject({
        state: 'revoked',
      });
      expect(auditLogRepository.create).not.toHaveBeenCalled();
      expect(domainEventRepository.append).not.toHaveBeenCalled();
    });

    it('records the revocation but tells no application of a certificate that has none', async () => {
      certificateRepository.getByIdWithApplication.mockResolvedValueOnce(
        buildCertificateEntity({ applicationId: null }),
      );
      certificateRepository.revoke.mockResolvedValue(true);
      certificateRepository.getByIdWithApplication.mockResolvedValueOnce(
        buildCertificateEntity({ applicationId: null, state: CERTIFICATE_STATE.REVOKED }),
      );

      await sut.revoke(STAFF, '11', '提供虚假材料', NOW);
      expect(auditLogRepository.create).toHaveBeenCalledTimes(1);
      expect(domainEventRepository.append).not.toHaveBeenCalled();
    });

    it('answers a certificate of another region as unknown and writes nothing', async () => {
      certificateRepository.getByIdWithApplication.mockResolvedValueOnce(
        buildCertificateEntity({
          application: { regionCode: '6531', county: null, series: 'health' } as ApplicationEntity,
        }),
      );

      await expect(sut.revoke(STAFF, '11', '提供虚假材料', NOW)).rejects.toMatchObject({
        code: ERROR_CODE.CERTIFICATE_NOT_FOUND,
      });
      expect(certificateRepository.revoke).not.toHaveBeenCalled();
      expect(auditLogRepository.create).not.toHaveBeenCalled();
    });

    it('refuses an unknown certificate and writes nothing', async () => {
      certificateRepository.getByIdWithApplication.mockResolvedValueOnce(null);

      await expect(sut.revoke(STAFF, '99', '提供虚假材料', NOW)).rejects.toMatchObject({
        code: ERROR_CODE.CERTIFICATE_NOT_FOUND,
      });
      expect(unitOfWork.committed()).toBe(0);
      expect(certificateRepository.revoke).not.toHaveBeenCalled();
      expect(auditLogRepository.create).not.toHaveBeenCalled();
      expect(domainEventRepository.append).not.toHaveBeenCalled();
    });
  });
});
