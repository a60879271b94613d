import type { DataSource } from 'typeorm';

import { CERTIFICATE_STATE } from '@titletrack/shared/domain';

import { ApplicationEntity } from '../../modules/application/application.entity';
import { newCertificatePublicId } from '../../modules/certificate/certificate-code';
import { CertificateEntity } from '../../modules/certificate/certificate.entity';

// The demo applications whose certificate was issued get one, clearly a demo, so the
// certificate screen and its verify page can be tried at once after `npm start`.
const DEMO_CERTIFICATES: ReadonlyArray<{
  applicationNo: string;
  certificateNo: string;
  issuedOn: string;
}> = [
  { applicationNo: 'DEMO-2023-0005', certificateNo: 'DEMO-ZC-2023-0001', issuedOn: '2023-12-18' },
];

/**
 * Inserts the missing demo certificates. Called only outside production, after the demo
 * applications exist.
 *
 * @returns the keys of what was inserted
 */
export async function seedDemoCertificates(dataSource: DataSource): Promise<string[]> {
  const inserted: string[] = [];
  for (const demo of DEMO_CERTIFICATES) {
    const application = await dataSource
      .getRepository(ApplicationEntity)
      .findOneBy({ applicationNo: demo.applicationNo });
    if (
      !application ||
      (await dataSource
        .getRepository(CertificateEntity)
        .existsBy({ certificateNo: demo.certificateNo }))
    )
      continue;
    await dataSource.getRepository(CertificateEntity).insert({
      publicId: newCertificatePublicId(),
      certificateNo: demo.certificateNo,
      applicationId: application.id,
      holderName: application.applicantName,
      holderIdCipher: application.idCardCipher,
      holderIdBlindIndex: application.idCardBlindIndex,
      series: application.series,
      specialty: application.specialty,
      level: application.level,
      qualificationDocumentNo: '和地职改字〔2023〕演示1号',
      qualificationDocumentDate: '2023-11-28',
      issuedOn: demo.issuedOn,
      issuingCommittee: '和田地区工程系列副高级评审委员会（演示）',
      state: CERTIFICATE_STATE.VALID,
      revokedReason: null,
      revokedAt: null,
    });
    inserted.push(`demo certificate ${demo.certificateNo}`);
  }
  return inserted;
}
