import { normalizeIdCardNumber } from '@titletrack/shared/domain';

import { FieldCipher } from '../../src/common/crypto/field-cipher';
import type { ApplicationEntity } from '../../src/modules/application/application.entity';
import { ApplicationRepository } from '../../src/modules/application/application.repository';
import type { NewApplication } from '../../src/modules/application/application.repository';
import type { TestApp } from './test-app';

// Valid GB 11643 numbers (check digits verified in shared/src/domain/id-card.spec.ts).
export const ID_ALICE = '653201199005171231';
export const ID_BOB = '65320119900517124X';

let sequence = 0;

// A mirrored application as the import stores it: ID encrypted, plus its blind index.
export async function newApplication(
  t: TestApp,
  overrides: Partial<
    Omit<
      NewApplication,
      'idCardCipher' | 'idCardBlindIndex' | 'employer' | 'county' | 'submissionCount' | 'isFeePaid'
    >
  > & {
    idCardNumber?: string;
  } = {},
): Promise<ApplicationEntity> {
  const cipher = t.app.get(FieldCipher);
  const { idCardNumber = ID_ALICE, ...fields } = overrides;
  const normalized = normalizeIdCardNumber(idCardNumber);
  sequence += 1;
  return t.app.get(ApplicationRepository).create({
    applicationNo: `HT2023${String(Date.now() % 1_000_000).padStart(6, '0')}${sequence}`,
    applicantName: '阿依古丽·买买提',
    idCardCipher: cipher.encrypt(normalized),
    idCardBlindIndex: cipher.blindIndex(normalized),
    regionCode: '6532',
    year: 2023,
    route: 'prefecture_directed',
    level: 'intermediate',
    series: 'education',
    specialty: '小学语文',
    status: 'materials_received',
    statusChangedAt: new Date('2023-08-20T04:00:00Z'),
    employer: '和田市第一小学',
    county: '和田市',
    submissionCount: 1,
    isFeePaid: false,
    ...fields,
  });
}

// An application as the platform sends it in a webhook event or a poll item (`data`).
export function platformApplicationData(
  applicationNo: string,
  status: string,
  statusChangedAt: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    applicationNo,
    applicantName: '王建国',
    idCardNumber: ID_BOB,
    employer: '和田地区人民医院',
    county: '和田市',
    series: 'health',
    specialty: '临床医学',
    level: 'intermediate',
    route: 'prefecture_directed',
    year: 2023,
    status,
    statusChangedAt,
    ...extra,
  };
}

// The webhook event of an application whose e-certificate was issued on 2023-12-05.
export function certificateIssuedEvent(
  eventId: string,
  applicationNo: string,
  certificateNo: string,
  certificate: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: eventId,
    type: 'application.status_changed',
    occurredAt: '2023-12-05T02:00:00Z',
    data: platformApplicationData(applicationNo, 'certificate_issued', '2023-12-05T02:00:00Z', {
      certificate: {
        certificateNo,
        issuedOn: '2023-12-05',
        issuingCommittee: '和田地区卫生系列中级评审委员会',
        qualificationDocumentNo: '和地职改字〔2023〕12号',
        qualificationDocumentDate: '2023-11-30',
        ...certificate,
      },
    }),
  };
}
