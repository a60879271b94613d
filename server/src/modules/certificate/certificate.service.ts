import { createHash, createHmac, randomBytes } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { ERROR_CODE, VERIFICATION_CHANNEL, VERIFY_PAGES } from '@titletrack/shared/contract';
import type { ApplicantPrincipal, StaffPrincipal } from '@titletrack/shared/contract';
import {
  CERTIFICATE_STATE,
  SHAREABLE_FIELD,
  VERIFY_RESULT,
  checkShareLinkRequest,
  isShareLinkActive,
  maskPersonName,
} from '@titletrack/shared/domain';
import type { CertificateState, ShareableField } from '@titletrack/shared/domain';
import * as QRCode from 'qrcode';
import { In } from 'typeorm';

import { UnitOfWork } from '../../database/unit-of-work';
import { AppException } from '../../common/app.exception';
import { AuditLogEntity } from '../../common/audit/audit-log.entity';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { ApplicationBindingEntity } from '../binding/application-binding.entity';
import { DomainEventRepository } from '../domain-event/domain-event.repository';
import { DOMAIN_EVENT_KIND } from '../domain-event/domain-event.type';
import { CERTIFICATE_CODE_FORMAT, CertificateCodeSigner } from './certificate-code';
import { CertificateEntity } from './certificate.entity';
import type {
  CertificatePublicKeyResponseDto,
  CreateShareLinkDto,
  MyCertificateDto,
  ShareLinkViewDto,
  StaffCertificateViewDto,
  VerificationLogEntryDto,
  VerifyCertificateResponseDto,
} from './certificate.dto';
import { ShareLinkEntity } from './share-link.entity';
import { VerificationEntity } from './verification.entity';

// Enough for an HR desk checking a queue of applicants; far too few to guess codes.
const VERIFY_RATE_LIMIT = { scope: 'certificate-verify', limit: 30, windowSeconds: 60 };
const VERIFICATION_LOG_LIMIT = 100;
const DAY_MS = 86_400_000;

export const CERTIFICATE_SIGNER = Symbol('CERTIFICATE_SIGNER');

const INVALID: VerifyCertificateResponseDto = { result: VERIFY_RESULT.INVALID };

@Injectable()
export class CertificateService {
  private readonly logger = new Logger(CertificateService.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly domainEvents: DomainEventRepository,
    @Inject(CERTIFICATE_SIGNER) private readonly signer: CertificateCodeSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimit: RateLimitService,
  ) {}

  publicKey(): CertificatePublicKeyResponseDto {
    return { algorithm: 'Ed25519', publicKeyPem: this.signer.publicKeyPem(), codeFormat: CERTIFICATE_CODE_FORMAT };
  }

  verifyUrlOf(certificate: Pick<CertificateEntity, 'publicId'>): string {
    return `${this.config.publicBaseUrl}${VERIFY_PAGES.certificate(this.signer.codeFor(certificate.publicId))}`;
  }

  // --- the holder --------------------------------------------------------------------------

  async myCertificates(applicant: ApplicantPrincipal): Promise<MyCertificateDto[]> {
    const bindings = await this.unitOfWork.repository(ApplicationBindingEntity).findBy({ applicantId: Number(applicant.id) });
    if (bindings.length === 0) return [];
    const certificates = await this.certificates().find({
      where: { applicationId: In(bindings.map((binding) => binding.applicationId)) },
      order: { id: 'DESC' },
    });
    return Promise.all(certificates.map((certificate) => this.toMine(certificate)));
  }

  async createShareLink(applicant: ApplicantPrincipal, certificateId: string, request: CreateShareLinkDto, now = new Date()): Promise<ShareLinkViewDto> {
    const certificate = await this.ownOrFail(applicant, certificateId);
    const links = await this.shareLinks().findBy({ certificateId: certificate.id });
    const check = checkShareLinkRequest({
      purpose: request.purpose,
      expiresInDays: request.expiresInDays,
      fields: request.fields,
      activeLinks: links,
      certificateState: certificate.state as CertificateState,
      now,
    });
    if (!check.isAllowed) {
      throw new AppException(ERROR_CODE.SHARE_LINK_REFUSED, `Share link refused: ${check.reason}`, { details: { reason: check.reason } });
    }
    const token = randomBytes(32).toString('base64url');
    const link = await this.unitOfWork.write(() =>
      this.shareLinks().save(
        this.shareLinks().create({
          certificateId: certificate.id,
          tokenHash: hashToken(token),
          purpose: request.purpose.trim(),
          fields: [...new Set(request.fields)].join(','),
          expiresAt: new Date(now.getTime() + request.expiresInDays * DAY_MS),
          revokedAt: null,
        }),
      ),
    );
    return { ...toShareLinkView(link, now), url: `${this.config.publicBaseUrl}${VERIFY_PAGES.share(token)}` };
  }

  async shareLinksOf(applicant: ApplicantPrincipal, certificateId: string, now = new Date()): Promise<ShareLinkViewDto[]> {
    const certificate = await this.ownOrFail(applicant, certificateId);
    const links = await this.shareLinks().find({ where: { certificateId: certificate.id }, order: { id: 'DESC' } });
    return links.map((link) => toShareLinkView(link, now));
  }

  async revokeShareLink(applicant: ApplicantPrincipal, certificateId: string, shareId: string, now = new Date()): Promise<void> {
    const certificate = await this.ownOrFail(applicant, certificateId);
    const link = await this.shareLinks().findOneBy({ id: Number(shareId), certificateId: certificate.id });
    if (!link) throw new AppException(ERROR_CODE.SHARE_LINK_NOT_FOUND, `Share link ${shareId} not found`);
    if (link.revokedAt === null) await this.unitOfWork.write(() => this.shareLinks().update({ id: link.id }, { revokedAt: now }));
  }

  async verificationsOf(applicant: ApplicantPrincipal, certificateId: string): Promise<VerificationLogEntryDto[]> {
    const certificate = await this.ownOrFail(applicant, certificateId);
    const rows = await this.verifications().find({
      where: { certificateId: certificate.id },
      relations: { shareLink: true },
      order: { verifiedAt: 'DESC', id: 'DESC' },
      take: VERIFICATION_LOG_LIMIT,
    });
    return rows.map((row) => ({
      id: String(row.id),
      verifiedAt: row.verifiedAt.toISOString(),
      channel: row.channel as VerificationLogEntryDto['channel'],
      sharePurpose: row.shareLink?.purpose ?? null,
      verifierTag: row.verifierTag,
    }));
  }

  // --- anyone ------------------------------------------------------------------------------

  async verifyCode(code: string, ip: string): Promise<VerifyCertificateResponseDto> {
    const verifierTag = this.verifierTag(ip);
    await this.rateLimit.consume(VERIFY_RATE_LIMIT, [verifierTag]);
    const publicId = this.signer.publicIdOf(code);
    const certificate = publicId === null ? null : await this.certificates().findOneBy({ publicId });
    if (!certificate) {
      this.logger.debug('Verification of an invalid certificate code');
      return INVALID;
    }
    await this.logVerification(certificate.id, null, verifierTag);
    return summaryOf(certificate);
  }

  async verifyShare(token: string, ip: string, now = new Date()): Promise<VerifyCertificateResponseDto> {
    const verifierTag = this.verifierTag(ip);
    await this.rateLimit.consume(VERIFY_RATE_LIMIT, [verifierTag]);
    const link = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.shareLinks().findOneBy({ tokenHash: hashToken(token) }) : null;
    const certificate = link && isShareLinkActive(link, now) ? await this.certificates().findOneBy({ id: link.certificateId }) : null;
    if (!link || !certificate) {
      this.logger.debug('Verification through an invalid or inactive share link');
      return INVALID;
    }
    await this.logVerification(certificate.id, link.id, verifierTag);
    const summary = summaryOf(certificate);
    // A revoked certificate shows that, and nothing its holder once chose to share.
    if (summary.result !== VERIFY_RESULT.VALID) return summary;
    return { ...summary, shared: sharedDetails(certificate, link.fields.split(',') as ShareableField[]), sharePurpose: link.purpose, shareExpiresAt: link.expiresAt.toISOString() };
  }

  // --- staff -------------------------------------------------------------------------------

  // The 50 newest, or those whose certificate or application number is `number`.
  async search(criteria: { number?: string; id?: number }): Promise<StaffCertificateViewDto[]> {
    const query = this.certificates().createQueryBuilder('certificate').leftJoinAndSelect('certificate.application', 'application').orderBy('certificate.id', 'DESC').take(50);
    if (criteria.number !== undefined) query.where('certificate.certificateNo = :number OR application.applicationNo = :number', { number: criteria.number });
    if (criteria.id !== undefined) query.where('certificate.id = :id', { id: criteria.id });
    const rows = await query.getMany();
    return rows.map((row) => ({
      id: String(row.id),
      certificateNo: row.certificateNo,
      holderNameMasked: maskPersonName(row.holderName),
      applicationNo: row.application?.applicationNo ?? null,
      level: row.level,
      specialty: row.specialty,
      issuedOn: row.issuedOn,
      state: row.state as CertificateState,
      revokedReason: row.revokedReason,
    }));
  }

  // The revocation, its audit record and the domain event commit together or not at all.
  async revoke(staff: StaffPrincipal, certificateId: string, reason: string, now = new Date()): Promise<StaffCertificateViewDto> {
    await this.unitOfWork.write(async (manager) => {
      const certificate = await manager.getRepository(CertificateEntity).findOneBy({ id: Number(certificateId) });
      if (!certificate) throw new AppException(ERROR_CODE.CERTIFICATE_NOT_FOUND, `Certificate ${certificateId} not found`);
      if (certificate.state === CERTIFICATE_STATE.REVOKED) return;
      await manager.update(CertificateEntity, { id: certificate.id }, { state: CERTIFICATE_STATE.REVOKED, revokedReason: reason.trim(), revokedAt: now });
      await manager.insert(AuditLogEntity, {
        staffUserId: Number(staff.id),
        action: 'certificate.revoke',
        targetType: 'certificate',
        targetId: String(certificate.id),
        detail: JSON.stringify({ certificateNo: certificate.certificateNo, reason: reason.trim() }),
      });
      if (certificate.applicationId !== null) {
        await this.domainEvents.append([
          {
            kind: DOMAIN_EVENT_KIND.CERTIFICATE_REVOKED,
            applicationId: certificate.applicationId,
            payload: { certificateNo: certificate.certificateNo, reason: reason.trim(), source: 'staff', staffUserId: Number(staff.id) },
          },
        ]);
      }
    });
    this.logger.log(`Certificate ${certificateId} revoked by staff ${staff.id}`);
    const [view] = await this.search({ id: Number(certificateId) });
    if (!view) throw new AppException(ERROR_CODE.CERTIFICATE_NOT_FOUND, `Certificate ${certificateId} not found`);
    return view;
  }

  // --- helpers ---------------------------------------------------------------------------

  // Another applicant's certificate answers exactly like one that does not exist.
  private async ownOrFail(applicant: ApplicantPrincipal, certificateId: string): Promise<CertificateEntity> {
    const certificate = await this.certificates().findOneBy({ id: Number(certificateId) });
    const binding =
      certificate?.applicationId == null
        ? null
        : await this.unitOfWork.repository(ApplicationBindingEntity).findOneBy({ applicantId: Number(applicant.id), applicationId: certificate.applicationId });
    if (!certificate || !binding) throw new AppException(ERROR_CODE.CERTIFICATE_NOT_FOUND, `Certificate ${certificateId} not found`);
    return certificate;
  }

  private async toMine(certificate: CertificateEntity): Promise<MyCertificateDto> {
    const verifyUrl = this.verifyUrlOf(certificate);
    return {
      id: String(certificate.id),
      certificateNo: certificate.certificateNo,
      holderName: certificate.holderName,
      series: certificate.series,
      specialty: certificate.specialty,
      level: certificate.level,
      qualificationDocumentNo: certificate.qualificationDocumentNo,
      qualificationDocumentDate: certificate.qualificationDocumentDate,
      issuedOn: certificate.issuedOn,
      issuingCommittee: certificate.issuingCommittee,
      state: certificate.state as CertificateState,
      revokedReason: certificate.revokedReason,
      revokedAt: certificate.revokedAt?.toISOString() ?? null,
      verifyUrl,
      // M: survives a scratched phone screen; the URL is short enough for a small code.
      qrPngDataUrl: await QRCode.toDataURL(verifyUrl, { errorCorrectionLevel: 'M', margin: 2, width: 360 }),
    };
  }

  private async logVerification(certificateId: number, shareLinkId: number | null, verifierTag: string): Promise<void> {
    await this.unitOfWork.write(() =>
      this.verifications().insert({
        certificateId,
        shareLinkId,
        channel: shareLinkId === null ? VERIFICATION_CHANNEL.QR : VERIFICATION_CHANNEL.SHARE,
        verifierTag,
      }),
    );
  }

  // Repeat visits from one address share a tag; the address itself is never stored or shown.
  private verifierTag(ip: string): string {
    return createHmac('sha256', this.config.idProtection.blindIndexKey).update(`verifier:${ip}`).digest('hex').slice(0, 16);
  }

  private certificates() {
    return this.unitOfWork.repository(CertificateEntity);
  }

  private shareLinks() {
    return this.unitOfWork.repository(ShareLinkEntity);
  }

  private verifications() {
    return this.unitOfWork.repository(VerificationEntity);
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function summaryOf(certificate: CertificateEntity): VerifyCertificateResponseDto {
  return {
    result: certificate.state === CERTIFICATE_STATE.REVOKED ? VERIFY_RESULT.REVOKED : VERIFY_RESULT.VALID,
    holderNameMasked: maskPersonName(certificate.holderName),
    level: certificate.level,
    specialty: certificate.specialty,
    issuedOn: certificate.issuedOn,
  };
}

function sharedDetails(certificate: CertificateEntity, fields: ShareableField[]): Partial<Record<ShareableField, string>> {
  const values: Record<ShareableField, string | null> = {
    [SHAREABLE_FIELD.FULL_NAME]: certificate.holderName,
    [SHAREABLE_FIELD.SERIES]: certificate.series,
    [SHAREABLE_FIELD.CERTIFICATE_NO]: certificate.certificateNo,
    [SHAREABLE_FIELD.QUALIFICATION_DOCUMENT]:
      certificate.qualificationDocumentNo === null
        ? null
        : [certificate.qualificationDocumentNo, certificate.qualificationDocumentDate].filter(Boolean).join(' '),
    [SHAREABLE_FIELD.ISSUING_COMMITTEE]: certificate.issuingCommittee,
  };
  return Object.fromEntries(fields.flatMap((field) => (values[field] ? [[field, values[field]]] : [])));
}

function toShareLinkView(link: ShareLinkEntity, now: Date): ShareLinkViewDto {
  return {
    id: String(link.id),
    purpose: link.purpose,
    fields: link.fields.split(',') as ShareableField[],
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    isActive: isShareLinkActive(link, now),
    url: null,
  };
}
