import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

import type {
  CertificatePublicKeyResponse,
  CreateShareLinkRequest,
  MyCertificate,
  MyCertificateListResponse,
  RevokeCertificateRequest,
  ShareLinkListResponse,
  ShareLinkView,
  StaffCertificateListResponse,
  StaffCertificateView,
  VerificationChannel,
  VerificationLogEntry,
  VerificationLogResponse,
  VerifyCertificateResponse,
} from '@titletrack/shared/contract';
import { VERIFICATION_CHANNEL } from '@titletrack/shared/contract';
import {
  CERTIFICATE_STATE,
  SHAREABLE_FIELD,
  SHARE_LINK_RULES,
  VERIFY_RESULT,
  isShareLinkActive,
  maskPersonName,
} from '@titletrack/shared/domain';
import type { CertificateState, ShareableField, VerifyResult } from '@titletrack/shared/domain';

import { ValidateId } from '../../common/validation';
import type { CertificateEntity } from './certificate.entity';
import type { ShareLinkEntity } from './share-link.entity';
import type { VerificationEntity } from './verification.entity';

const SHAREABLE_FIELDS = Object.values(SHAREABLE_FIELD);

export class CertificateParamsDto {
  @ValidateId()
  id: string;
}

export class ShareLinkParamsDto {
  @ValidateId()
  id: string;

  @ValidateId()
  shareId: string;
}

export class VerifyCodeParamsDto {
  // Loose on purpose: any wrong code gets the same "not a valid certificate".
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  code: string;
}

export class VerifyShareParamsDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  token: string;
}

export class MyCertificateDto implements MyCertificate {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty({ example: 'HTZC-2023-0001' }) certificateNo: string;
  @ApiProperty({ example: '王建国', description: 'In full: this view is the holder’s own' })
  holderName: string;
  @ApiProperty({ example: 'health' }) series: string;
  @ApiProperty({ example: '临床医学' }) specialty: string;
  @ApiProperty({ example: 'intermediate' }) level: string;
  @ApiProperty({ type: String, nullable: true, example: '和地职改字〔2023〕12号' })
  qualificationDocumentNo: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2023-11-30' }) qualificationDocumentDate:
    string | null;
  @ApiProperty({ example: '2023-12-05' }) issuedOn: string;
  @ApiProperty({ example: '和田地区卫生系列中级评审委员会' }) issuingCommittee: string;
  @ApiProperty({ enum: Object.values(CERTIFICATE_STATE) }) state: CertificateState;
  @ApiProperty({ type: String, nullable: true }) revokedReason: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedAt: string | null;
  @ApiProperty({ example: 'https://titletrack.example.cn/verify/AbC….xyz…' }) verifyUrl: string;
  @ApiProperty({ description: 'The QR of verifyUrl, data:image/png;base64,…' })
  qrPngDataUrl: string;
}

export class MyCertificateListResponseDto implements MyCertificateListResponse {
  @ApiProperty({ type: [MyCertificateDto] }) items: MyCertificateDto[];
}

export class CreateShareLinkDto implements CreateShareLinkRequest {
  @ApiProperty({ example: '入职审核', maxLength: SHARE_LINK_RULES.maxPurposeLength })
  @IsString()
  @Length(1, SHARE_LINK_RULES.maxPurposeLength * 2)
  purpose: string;

  @ApiProperty({ minimum: 1, maximum: SHARE_LINK_RULES.maxDays, example: 30 })
  @IsInt()
  @Min(1)
  @Max(SHARE_LINK_RULES.maxDays)
  expiresInDays: number;

  @ApiProperty({ enum: SHAREABLE_FIELDS, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(SHAREABLE_FIELDS.length)
  @IsIn(SHAREABLE_FIELDS, { each: true })
  fields: ShareableField[];
}

export class ShareLinkViewDto implements ShareLinkView {
  @ApiProperty({ example: '1' }) id: string;
  @ApiProperty() purpose: string;
  @ApiProperty({ enum: SHAREABLE_FIELDS, isArray: true }) fields: ShareableField[];
  @ApiProperty() createdAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ type: String, nullable: true }) revokedAt: string | null;
  @ApiProperty() isActive: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Only in the answer that created the link',
  })
  url: string | null;
}

export class ShareLinkListResponseDto implements ShareLinkListResponse {
  @ApiProperty({ type: [ShareLinkViewDto] }) items: ShareLinkViewDto[];
}

export class VerificationLogEntryDto implements VerificationLogEntry {
  @ApiProperty() id: string;
  @ApiProperty() verifiedAt: string;
  @ApiProperty({ enum: Object.values(VERIFICATION_CHANNEL) }) channel: VerificationChannel;
  @ApiProperty({ type: String, nullable: true }) sharePurpose: string | null;
  @ApiProperty({ description: 'Keyed hash of the verifier’s address (never the address)' })
  verifierTag: string;
}

export class VerificationLogResponseDto implements VerificationLogResponse {
  @ApiProperty({ type: [VerificationLogEntryDto] }) items: VerificationLogEntryDto[];
}

export class VerifyCertificateResponseDto implements VerifyCertificateResponse {
  @ApiProperty({ enum: Object.values(VERIFY_RESULT) }) result: VerifyResult;
  @ApiPropertyOptional({ example: '王**' }) holderNameMasked?: string;
  @ApiPropertyOptional({ example: 'intermediate' }) level?: string;
  @ApiPropertyOptional({ example: '临床医学' }) specialty?: string;
  @ApiPropertyOptional({ example: '2023-12-05' }) issuedOn?: string;
  @ApiPropertyOptional({
    description: 'Through a share link: the details its holder chose',
    type: Object,
  })
  shared?: Partial<Record<ShareableField, string>>;
  @ApiPropertyOptional() sharePurpose?: string;
  @ApiPropertyOptional() shareExpiresAt?: string;
}

export class CertificatePublicKeyResponseDto implements CertificatePublicKeyResponse {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm: 'Ed25519';
  @ApiProperty() publicKeyPem: string;
  @ApiProperty() codeFormat: string;
}

export class RevokeCertificateDto implements RevokeCertificateRequest {
  @ApiProperty({ example: '提供虚假材料，取消任职资格（R19）' })
  @IsString()
  @Length(2, 200)
  reason: string;
}

export class StaffCertificateQueryDto {
  @ApiPropertyOptional({ description: 'Certificate number or application number, exact' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,64}$/)
  number?: string;
}

export class StaffCertificateViewDto implements StaffCertificateView {
  @ApiProperty() id: string;
  @ApiProperty() certificateNo: string;
  @ApiProperty({ example: '王**' }) holderNameMasked: string;
  @ApiProperty({ type: String, nullable: true }) applicationNo: string | null;
  @ApiProperty() level: string;
  @ApiProperty() specialty: string;
  @ApiProperty() issuedOn: string;
  @ApiProperty({ enum: Object.values(CERTIFICATE_STATE) }) state: CertificateState;
  @ApiProperty({ type: String, nullable: true }) revokedReason: string | null;
}

export class StaffCertificateListResponseDto implements StaffCertificateListResponse {
  @ApiProperty({ type: [StaffCertificateViewDto] }) items: StaffCertificateViewDto[];
}

export function mapMyCertificate(
  certificate: CertificateEntity,
  verifyUrl: string,
  qrPngDataUrl: string,
): MyCertificateDto {
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
    qrPngDataUrl,
  };
}

// `url` only in the answer that created the link: the token is not stored, only its hash.
export function mapShareLink(
  link: ShareLinkEntity,
  now: Date,
  url: string | null = null,
): ShareLinkViewDto {
  return {
    id: String(link.id),
    purpose: link.purpose,
    fields: link.fields.split(',') as ShareableField[],
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    revokedAt: link.revokedAt?.toISOString() ?? null,
    isActive: isShareLinkActive(link, now),
    url,
  };
}

export function mapVerification(verification: VerificationEntity): VerificationLogEntryDto {
  return {
    id: String(verification.id),
    verifiedAt: verification.verifiedAt.toISOString(),
    channel: verification.channel as VerificationChannel,
    sharePurpose: verification.shareLink?.purpose ?? null,
    verifierTag: verification.verifierTag,
  };
}

export function mapStaffCertificate(certificate: CertificateEntity): StaffCertificateViewDto {
  return {
    id: String(certificate.id),
    certificateNo: certificate.certificateNo,
    holderNameMasked: maskPersonName(certificate.holderName),
    applicationNo: certificate.application?.applicationNo ?? null,
    level: certificate.level,
    specialty: certificate.specialty,
    issuedOn: certificate.issuedOn,
    state: certificate.state as CertificateState,
    revokedReason: certificate.revokedReason,
  };
}

// What any verifier sees: the state and the masked holder, never more.
export function mapVerifySummary(certificate: CertificateEntity): VerifyCertificateResponseDto {
  return {
    result:
      certificate.state === CERTIFICATE_STATE.REVOKED ? VERIFY_RESULT.REVOKED : VERIFY_RESULT.VALID,
    holderNameMasked: maskPersonName(certificate.holderName),
    level: certificate.level,
    specialty: certificate.specialty,
    issuedOn: certificate.issuedOn,
  };
}

// Through a share link: the summary plus the details its holder chose, those that exist.
export function mapSharedVerification(
  certificate: CertificateEntity,
  link: ShareLinkEntity,
): VerifyCertificateResponseDto {
  const summary = mapVerifySummary(certificate);
  // A revoked certificate shows that, and nothing its holder once chose to share.
  if (summary.result !== VERIFY_RESULT.VALID) return summary;
  const values: Record<ShareableField, string | null> = {
    [SHAREABLE_FIELD.FULL_NAME]: certificate.holderName,
    [SHAREABLE_FIELD.SERIES]: certificate.series,
    [SHAREABLE_FIELD.CERTIFICATE_NO]: certificate.certificateNo,
    [SHAREABLE_FIELD.QUALIFICATION_DOCUMENT]:
      certificate.qualificationDocumentNo === null
        ? null
        : [certificate.qualificationDocumentNo, certificate.qualificationDocumentDate]
            .filter(Boolean)
            .join(' '),
    [SHAREABLE_FIELD.ISSUING_COMMITTEE]: certificate.issuingCommittee,
  };
  const fields = link.fields.split(',') as ShareableField[];
  return {
    ...summary,
    shared: Object.fromEntries(
      fields.flatMap((field) => (values[field] ? [[field, values[field]]] : [])),
    ),
    sharePurpose: link.purpose,
    shareExpiresAt: link.expiresAt.toISOString(),
  };
}
