import { Inject, Injectable, Logger } from '@nestjs/common';

import { ERROR_CODE, VERIFY_PAGES } from '@titletrack/shared/contract';
import type { ApplicantPrincipal } from '@titletrack/shared/contract';
import { checkShareLinkRequest } from '@titletrack/shared/domain';
import type { CertificateState } from '@titletrack/shared/domain';

import { AppException } from '../../common/app.exception';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import type { RateLimitRule } from '../../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { UnitOfWork } from '../../database/unit-of-work';
import { BindingRepository } from '../binding/binding.repository';
import { CERTIFICATE_SIGNER, CertificateCodeSigner } from './certificate-code';
import { mapMyCertificate, mapShareLink, mapVerification } from './certificate.dto';
import type {
  CreateShareLinkDto,
  MyCertificateDto,
  ShareLinkViewDto,
  VerificationLogEntryDto,
} from './certificate.dto';
import type { CertificateEntity } from './certificate.entity';
import { CertificateRepository } from './certificate.repository';
import { QrImageStore } from './qr-image.store';
import { ShareLinkRepository } from './share-link.repository';
import { hashShareToken, newShareToken } from './share-token.util';
import { VerificationRepository } from './verification.repository';

const VERIFICATION_LOG_LIMIT = 100;
const DAY_MS = 86_400_000;

// A holder needs a handful of links a year; these stop a script from churning tokens and rows.
// Refused attempts count too, so probing other holders' certificate ids costs the same.
export const SHARE_LINK_CREATE_RATE_LIMIT: RateLimitRule = {
  scope: 'share-link-create',
  limit: 10,
  windowSeconds: 3600,
};
export const SHARE_LINK_REVOKE_RATE_LIMIT: RateLimitRule = {
  scope: 'share-link-revoke',
  limit: 20,
  windowSeconds: 3600,
};

// The holder's own certificates: the QR to show, the share links to hand out, and who looked.
@Injectable()
export class CertificateService {
  private readonly logger = new Logger(CertificateService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rateLimit: RateLimitService,
    private readonly certificateRepository: CertificateRepository,
    private readonly shareLinkRepository: ShareLinkRepository,
    private readonly verificationRepository: VerificationRepository,
    private readonly bindingRepository: BindingRepository,
    @Inject(CERTIFICATE_SIGNER) private readonly signer: CertificateCodeSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly qrImages: QrImageStore,
  ) {}

  async myCertificates(applicant: ApplicantPrincipal): Promise<MyCertificateDto[]> {
    const bindings = await this.bindingRepository.getByApplicant(Number(applicant.id));
    const certificates = await this.certificateRepository.getByApplicationIds(
      bindings.map((binding) => binding.applicationId),
    );
    return Promise.all(certificates.map((certificate) => this.toMine(certificate)));
  }

  async createShareLink(
    applicant: ApplicantPrincipal,
    certificateId: string,
    request: CreateShareLinkDto,
    now = new Date(),
  ): Promise<ShareLinkViewDto> {
    await this.rateLimit.consume(SHARE_LINK_CREATE_RATE_LIMIT, [`applicant:${applicant.id}`], now);
    const owned = await this.ownOrFail(applicant, certificateId);
    const token = newShareToken();
    // The certificate row stays locked until the new link is committed, so creations at once
    // take turns and each counts the links the one before it made: the cap holds under load.
    // READ COMMITTED: the count, read after the lock, must see what the previous holder
    // committed, whatever snapshot the transaction would otherwise keep.
    const link = await this.unitOfWork.write(
      async () => {
        const certificate = await this.certificateRepository.getByIdForUpdate(owned.id);
        if (!certificate) throw this.notFound(certificateId);
        const check = checkShareLinkRequest({
          purpose: request.purpose,
          expiresInDays: request.expiresInDays,
          fields: request.fields,
          activeLinks: await this.shareLinkRepository.getByCertificate(certificate.id),
          certificateState: certificate.state as CertificateState,
          now,
        });
        if (!check.isAllowed) {
          this.logger.debug(
            `Share link for certificate ${certificate.id} refused: ${check.reason}`,
          );
          throw new AppException(
            ERROR_CODE.SHARE_LINK_REFUSED,
            `Share link refused: ${check.reason}`,
            { details: { reason: check.reason } },
          );
        }
        return this.shareLinkRepository.create({
          certificateId: certificate.id,
          tokenHash: hashShareToken(token),
          purpose: request.purpose.trim(),
          fields: [...new Set(request.fields)].join(','),
          expiresAt: new Date(now.getTime() + request.expiresInDays * DAY_MS),
        });
      },
      { isolation: 'READ COMMITTED' },
    );
    return mapShareLink(link, now, `${this.config.publicBaseUrl}${VERIFY_PAGES.share(token)}`);
  }

  async shareLinksOf(
    applicant: ApplicantPrincipal,
    certificateId: string,
    now = new Date(),
  ): Promise<ShareLinkViewDto[]> {
    const certificate = await this.ownOrFail(applicant, certificateId);
    const links = await this.shareLinkRepository.getByCertificate(certificate.id);
    return links.map((link) => mapShareLink(link, now));
  }

  async revokeShareLink(
    applicant: ApplicantPrincipal,
    certificateId: string,
    shareId: string,
    now = new Date(),
  ): Promise<void> {
    await this.rateLimit.consume(SHARE_LINK_REVOKE_RATE_LIMIT, [`applicant:${applicant.id}`], now);
    const certificate = await this.ownOrFail(applicant, certificateId);
    const link = await this.shareLinkRepository.getOne(certificate.id, Number(shareId));
    if (!link) {
      this.logger.debug(`Share link ${shareId} is not one of certificate ${certificate.id}`);
      throw new AppException(ERROR_CODE.SHARE_LINK_NOT_FOUND, `Share link ${shareId} not found`);
    }
    // Revoking twice keeps the first time.
    if (link.revokedAt === null) await this.shareLinkRepository.revoke(link.id, now);
  }

  async verificationsOf(
    applicant: ApplicantPrincipal,
    certificateId: string,
  ): Promise<VerificationLogEntryDto[]> {
    const certificate = await this.ownOrFail(applicant, certificateId);
    const rows = await this.verificationRepository.getLatestByCertificate(
      certificate.id,
      VERIFICATION_LOG_LIMIT,
    );
    return rows.map(mapVerification);
  }

  // Another applicant's certificate answers exactly like one that does not exist.
  private async ownOrFail(
    applicant: ApplicantPrincipal,
    certificateId: string,
  ): Promise<CertificateEntity> {
    const certificate = await this.certificateRepository.getById(Number(certificateId));
    const binding =
      certificate?.applicationId == null
        ? null
        : await this.bindingRepository.getOne(Number(applicant.id), certificate.applicationId);
    if (!certificate || !binding) {
      this.logger.debug(`Certificate ${certificateId} is not the caller's`);
      throw this.notFound(certificateId);
    }
    return certificate;
  }

  private notFound(certificateId: string): AppException {
    return new AppException(
      ERROR_CODE.CERTIFICATE_NOT_FOUND,
      `Certificate ${certificateId} not found`,
    );
  }

  private async toMine(certificate: CertificateEntity): Promise<MyCertificateDto> {
    const code = this.signer.codeFor(certificate.publicId);
    const verifyUrl = `${this.config.publicBaseUrl}${VERIFY_PAGES.certificate(code)}`;
    return mapMyCertificate(certificate, verifyUrl, await this.qrImages.imageOf(verifyUrl));
  }
}
