import { Inject, Injectable, Logger } from '@nestjs/common';
import * as QRCode from 'qrcode';

import { ERROR_CODE, VERIFY_PAGES } from '@titletrack/shared/contract';
import type { ApplicantPrincipal } from '@titletrack/shared/contract';
import { checkShareLinkRequest } from '@titletrack/shared/domain';
import type { CertificateState } from '@titletrack/shared/domain';

import { AppException } from '../../common/app.exception';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
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
import { ShareLinkRepository } from './share-link.repository';
import { hashShareToken, newShareToken } from './share-token.util';
import { VerificationRepository } from './verification.repository';

const VERIFICATION_LOG_LIMIT = 100;
const DAY_MS = 86_400_000;

// The holder's own certificates: the QR to show, the share links to hand out, and who looked.
@Injectable()
export class CertificateService {
  private readonly logger = new Logger(CertificateService.name);

  constructor(
    private readonly certificateRepository: CertificateRepository,
    private readonly shareLinkRepository: ShareLinkRepository,
    private readonly verificationRepository: VerificationRepository,
    private readonly bindingRepository: BindingRepository,
    @Inject(CERTIFICATE_SIGNER) private readonly signer: CertificateCodeSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    const certificate = await this.ownOrFail(applicant, certificateId);
    const check = checkShareLinkRequest({
      purpose: request.purpose,
      expiresInDays: request.expiresInDays,
      fields: request.fields,
      activeLinks: await this.shareLinkRepository.getByCertificate(certificate.id),
      certificateState: certificate.state as CertificateState,
      now,
    });
    if (!check.isAllowed) {
      this.logger.debug(`Share link for certificate ${certificate.id} refused: ${check.reason}`);
      throw new AppException(ERROR_CODE.SHARE_LINK_REFUSED, `Share link refused: ${check.reason}`, {
        details: { reason: check.reason },
      });
    }
    const token = newShareToken();
    const link = await this.shareLinkRepository.create({
      certificateId: certificate.id,
      tokenHash: hashShareToken(token),
      purpose: request.purpose.trim(),
      fields: [...new Set(request.fields)].join(','),
      expiresAt: new Date(now.getTime() + request.expiresInDays * DAY_MS),
    });
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
      throw new AppException(
        ERROR_CODE.CERTIFICATE_NOT_FOUND,
        `Certificate ${certificateId} not found`,
      );
    }
    return certificate;
  }

  private async toMine(certificate: CertificateEntity): Promise<MyCertificateDto> {
    const code = this.signer.codeFor(certificate.publicId);
    const verifyUrl = `${this.config.publicBaseUrl}${VERIFY_PAGES.certificate(code)}`;
    // M: survives a scratched phone screen; the URL is short enough for a small code.
    const qrPngDataUrl = await QRCode.toDataURL(verifyUrl, {
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 360,
    });
    return mapMyCertificate(certificate, verifyUrl, qrPngDataUrl);
  }
}
