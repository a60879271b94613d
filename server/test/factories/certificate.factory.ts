import { CERTIFICATE_STATE } from '@titletrack/shared/domain';

import type { ApplicationBindingEntity } from '../../src/modules/binding/application-binding.entity';
import type { CertificateEntity } from '../../src/modules/certificate/certificate.entity';
import type { ShareLinkEntity } from '../../src/modules/certificate/share-link.entity';

export function buildCertificateEntity(
  overrides: Partial<CertificateEntity> = {},
): CertificateEntity {
  return {
    id: 11,
    publicId: 'AAAAAAAAAAAAAAAAAAAAAA',
    certificateNo: 'HTZC-2023-0001',
    applicationId: 7,
    holderName: '王建国',
    holderIdCipher: 'cipher',
    holderIdBlindIndex: 'blind-index',
    series: 'health',
    specialty: '临床医学',
    level: 'intermediate',
    qualificationDocumentNo: '和地职改字〔2023〕12号',
    qualificationDocumentDate: '2023-11-30',
    issuedOn: '2023-12-05',
    issuingCommittee: '和田地区卫生系列中级评审委员会',
    state: CERTIFICATE_STATE.VALID,
    revokedReason: null,
    revokedAt: null,
    createdAt: new Date('2023-12-05T02:00:00Z'),
    updatedAt: new Date('2023-12-05T02:00:00Z'),
    ...overrides,
  };
}

export function buildShareLinkEntity(overrides: Partial<ShareLinkEntity> = {}): ShareLinkEntity {
  return {
    id: 21,
    certificateId: 11,
    tokenHash: 'f'.repeat(64),
    purpose: '入职审核',
    fields: 'fullName,certificateNo',
    expiresAt: new Date('2024-01-31T00:00:00Z'),
    revokedAt: null,
    createdAt: new Date('2024-01-01T00:00:00Z'),
    ...overrides,
  };
}

export function buildBindingEntity(
  overrides: Partial<ApplicationBindingEntity> = {},
): ApplicationBindingEntity {
  return {
    id: 31,
    applicantId: 5,
    applicationId: 7,
    createdAt: new Date('2023-08-01T00:00:00Z'),
    ...overrides,
  };
}
