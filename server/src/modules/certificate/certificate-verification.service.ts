import { createHmac } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { VERIFICATION_CHANNEL } from '@titletrack/shared/contract';
import { VERIFY_RESULT, isShareLinkActive } from '@titletrack/shared/domain';

import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import {
  CERTIFICATE_CODE_FORMAT,
  CERTIFICATE_SIGNER,
  CertificateCodeSigner,
} from './certificate-code';
import { mapSharedVerification, mapVerifySummary } from './certificate.dto';
import type {
  CertificatePublicKeyResponseDto,
  VerifyCertificateResponseDto,
} from './certificate.dto';
import { CertificateRepository } from './certificate.repository';
import { ShareLinkRepository } from './share-link.repository';
import { SHARE_TOKEN_PATTERN, hashShareToken } from './share-token.util';
import { VerificationRepository } from './verification.repository';

// Enough for an HR desk checking a queue of applicants; far too few to guess codes.
const VERIFY_RATE_LIMIT = { scope: 'certificate-verify', limit: 30, windowSeconds: 60 };

const INVALID: VerifyCertificateResponseDto = { result: VERIFY_RESULT.INVALID };

// Anyone holding a certificate's QR or a share link may check it, without signing in. Every
// look-up is logged for the holder to see; anything wrong answers "invalid", never why.
@Injectable()
export class CertificateVerificationService {
  private readonly logger = new Logger(CertificateVerificationService.name);

  constructor(
    private readonly certificateRepository: CertificateRepository,
    private readonly shareLinkRepository: ShareLinkRepository,
    private readonly verificationRepository: VerificationRepository,
    private readonly rateLimit: RateLimitService,
    @Inject(CERTIFICATE_SIGNER) private readonly signer: CertificateCodeSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  publicKey(): CertificatePublicKeyResponseDto {
    return {
      algorithm: 'Ed25519',
      publicKeyPem: this.signer.publicKeyPem(),
      codeFormat: CERTIFICATE_CODE_FORMAT,
    };
  }

  async verifyCode(code: string, ip: string): Promise<VerifyCertificateResponseDto> {
    const verifierTag = this.verifierTag(ip);
    await this.rateLimit.consume(VERIFY_RATE_LIMIT, [verifierTag]);
    const publicId = this.signer.publicIdOf(code);
    const certificate =
      publicId === null ? null : await this.certificateRepository.getByPublicId(publicId);
    if (!certificate) {
      this.logger.debug('Verification of an invalid certificate code');
      return INVALID;
    }
    await this.logVerification(certificate.id, null, verifierTag);
    return mapVerifySummary(certificate);
  }

  async verifyShare(
    token: string,
    ip: string,
    now = new Date(),
  ): Promise<VerifyCertificateResponseDto> {
    const verifierTag = this.verifierTag(ip);
    await this.rateLimit.consume(VERIFY_RATE_LIMIT, [verifierTag]);
    const link = SHARE_TOKEN_PATTERN.test(token)
      ? await this.shareLinkRepository.getByTokenHash(hashShareToken(token))
      : null;
    const certificate =
      link && isShareLinkActive(link, now)
        ? await this.certificateRepository.getById(link.certificateId)
        : null;
    if (!link || !certificate) {
      this.logger.debug('Verification through an invalid or inactive share link');
      return INVALID;
    }
    await this.logVerification(certificate.id, link.id, verifierTag);
    return mapSharedVerification(certificate, link);
  }

  private logVerification(
    certificateId: number,
    shareLinkId: number | null,
    verifierTag: string,
  ): Promise<void> {
    return this.verificationRepository.create({
      certificateId,
      shareLinkId,
      channel: shareLinkId === null ? VERIFICATION_CHANNEL.QR : VERIFICATION_CHANNEL.SHARE,
      verifierTag,
    });
  }

  // Repeat visits from one address share a tag; the address itself is never stored or shown.
  private verifierTag(ip: string): string {
    return createHmac('sha256', this.config.idProtection.blindIndexKey)
      .update(`verifier:${ip}`)
      .digest('hex')
      .slice(0, 16);
  }
}
