import { Inject, Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE } from '@titletrack/shared/contract';
import type { StaffPrincipal } from '@titletrack/shared/contract';

import { AppException } from '../../common/app.exception';
import { AuditLogRepository } from '../../common/audit/audit-log.repository';
import { isInStaffScope } from '../../common/staff-scope';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { UnitOfWork } from '../../database/unit-of-work';
import { DomainEventRepository } from '../domain-event/domain-event.repository';
import { DOMAIN_EVENT_KIND } from '../domain-event/domain-event.type';
import { mapStaffCertificate } from './certificate.dto';
import type { StaffCertificateViewDto } from './certificate.dto';
import type { CertificateEntity } from './certificate.entity';
import { CertificateRepository } from './certificate.repository';

// The title office's side: finding a certificate, and revoking one (R19), accountably.
@Injectable()
export class StaffCertificateService {
  private readonly logger = new Logger(StaffCertificateService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly certificateRepository: CertificateRepository,
    private readonly auditLogRepository: AuditLogRepository,
    private readonly domainEventRepository: DomainEventRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // The 50 newest, or those whose certificate or application number is `number`; of those, the
  // ones in the caller's scope.
  async search(
    staff: StaffPrincipal,
    criteria: { number?: string },
  ): Promise<StaffCertificateViewDto[]> {
    return (await this.certificateRepository.search(criteria))
      .filter((certificate) => this.isInScope(staff, certificate))
      .map(mapStaffCertificate);
  }

  // The revocation, its audit record and the domain event commit together or not at all.
  async revoke(
    staff: StaffPrincipal,
    certificateId: string,
    reason: string,
    now = new Date(),
  ): Promise<StaffCertificateViewDto> {
    const trimmed = reason.trim();
    const isRevokedNow = await this.unitOfWork.write(async () => {
      const certificate = await this.certificateRepository.getByIdWithApplication(
        Number(certificateId),
      );
      // Outside the region answers exactly like a certificate that does not exist.
      if (!certificate || !this.isInScope(staff, certificate)) throw this.notFound(certificateId);
      // Already revoked (by the platform, or by staff a moment ago): the first record stands.
      if (!(await this.certificateRepository.revoke(certificate.id, trimmed, now))) return false;
      await this.auditLogRepository.create({
        staffUserId: Number(staff.id),
        action: 'certificate.revoke',
        targetType: 'certificate',
        targetId: String(certificate.id),
        detail: JSON.stringify({ certificateNo: certificate.certificateNo, reason: trimmed }),
      });
      if (certificate.applicationId !== null) {
        await this.domainEventRepository.append([
          {
            kind: DOMAIN_EVENT_KIND.CERTIFICATE_REVOKED,
            applicationId: certificate.applicationId,
            payload: {
              certificateNo: certificate.certificateNo,
              reason: trimmed,
              source: 'staff',
              staffUserId: Number(staff.id),
            },
          },
        ]);
      }
      return true;
    });
    if (isRevokedNow) this.logger.log(`Certificate ${certificateId} revoked by staff ${staff.id}`);
    const revoked = await this.certificateRepository.getByIdWithApplication(Number(certificateId));
    if (!revoked) throw this.notFound(certificateId);
    return mapStaffCertificate(revoked);
  }

  // A certificate belongs where its application does; one the platform sent without an
  // application, to the deployment's region.
  private isInScope(staff: StaffPrincipal, certificate: CertificateEntity): boolean {
    const application = certificate.application;
    return application
      ? isInStaffScope(staff, application)
      : isInStaffScope(staff, {
          regionCode: this.config.platformRegionCode,
          county: null,
          series: certificate.series,
        });
  }

  private notFound(certificateId: string): AppException {
    this.logger.debug(`Certificate ${certificateId} not found`);
    return new AppException(
      ERROR_CODE.CERTIFICATE_NOT_FOUND,
      `Certificate ${certificateId} not found`,
    );
  }
}
