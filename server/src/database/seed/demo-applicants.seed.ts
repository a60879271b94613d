import type { DataSource } from 'typeorm';

import type { FieldCipher } from '../../common/crypto/field-cipher';
import { ApplicationEntity } from '../../modules/application/application.entity';
import { DEMO_APPLICANTS, withCheckDigit } from '../../modules/demo/demo-applicants.constant';
import { StatusHistoryEntity } from '../../modules/mirror/status-history.entity';

const PREFECTURE_DIRECTED = 'prefecture_directed';

/**
 * Inserts the demo applications (and their status history) that are missing. Called only
 * outside production, so that `npm start` shows every screen of the mini-app at once.
 *
 * @returns the keys of what was inserted
 */
export async function seedDemoApplicants(
  dataSource: DataSource,
  cipher: FieldCipher,
): Promise<string[]> {
  const inserted: string[] = [];
  for (const seed of DEMO_APPLICANTS) {
    const wasInserted = await dataSource.transaction(async (manager) => {
      if (await manager.existsBy(ApplicationEntity, { applicationNo: seed.applicationNo }))
        return false;
      const idCardNumber = withCheckDigit(seed.idCardBody);
      const last = seed.history[seed.history.length - 1];
      if (!last) throw new Error(`Demo applicant ${seed.persona} has no history`);
      const result = await manager.insert(ApplicationEntity, {
        applicationNo: seed.applicationNo,
        applicantName: seed.applicantName,
        idCardCipher: cipher.encrypt(idCardNumber),
        idCardBlindIndex: cipher.blindIndex(idCardNumber),
        employer: seed.employer,
        county: seed.county,
        year: 2023,
        route: PREFECTURE_DIRECTED,
        level: seed.level,
        series: seed.series,
        specialty: seed.specialty,
        status: last[0],
        statusChangedAt: new Date(last[1]),
        submissionCount: seed.submissionCount,
        isFeePaid: seed.isFeePaid,
        returnReason: seed.returnReason ?? null,
        platformFacts: seed.platformFacts ? JSON.stringify(seed.platformFacts) : null,
      });
      const applicationId = Number(result.identifiers[0]?.id);
      let fromStatus: string | null = null;
      const rows = seed.history.map(([toStatus, changedAt]) => {
        const row = {
          applicationId,
          fromStatus,
          toStatus,
          changedAt: new Date(changedAt),
          source: 'staff',
          sourceRef: 'demo-seed',
        };
        fromStatus = toStatus;
        return row;
      });
      await manager.insert(StatusHistoryEntity, rows);
      return true;
    });
    if (wasInserted) inserted.push(`demo applicant ${seed.persona}`);
  }
  return inserted;
}
