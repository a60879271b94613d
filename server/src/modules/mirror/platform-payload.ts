import { checkIdCardNumber } from '@titletrack/shared/domain';

import {
  parseRoute,
  parseStatus,
  parseTitleLevel,
  parseTitleSeries,
} from './import/column-mapping';
import type { MirroredApplication } from './status-change.type';
import { platformEventSchema } from './webhook.dto';

export type PayloadCheck =
  { isValid: true; application: MirroredApplication } | { isValid: false; problems: string[] };

const applicationDataSchema = platformEventSchema.shape.data;

// An application as the platform sends it (webhook event data, poll item data) → the mirror's
// shape. Problems name fields, never values: the values are personal data.
export function toMirroredApplication(data: unknown, now: Date = new Date()): PayloadCheck {
  const parsed = applicationDataSchema.safeParse(data);
  if (!parsed.success) {
    return {
      isValid: false,
      problems: parsed.error.issues.map(
        (issue) => `data.${issue.path.join('.')}: ${issue.message}`,
      ),
    };
  }
  const item = parsed.data;
  const idCard = checkIdCardNumber(item.idCardNumber, now);
  const status = parseStatus(item.status);
  const level = parseTitleLevel(item.level);
  const series = parseTitleSeries(item.series);
  const route = parseRoute(item.route);
  if (!idCard.isValid || !status || !level || !series || !route) {
    return {
      isValid: false,
      problems: [
        ...(idCard.isValid ? [] : [`data.idCardNumber: ${idCard.reason}`]),
        ...(status ? [] : ['data.status: unknown status']),
        ...(level ? [] : ['data.level: unknown level']),
        ...(series ? [] : ['data.series: unknown series']),
        ...(route ? [] : ['data.route: unknown route']),
      ],
    };
  }
  return {
    isValid: true,
    application: {
      applicationNo: item.applicationNo,
      applicantName: item.applicantName,
      idCardNumber: idCard.normalized,
      employer: item.employer ?? null,
      county: item.county ?? null,
      series,
      specialty: item.specialty,
      level,
      route,
      year: item.year,
      status,
      statusChangedAt: new Date(item.statusChangedAt),
      submissionCount: item.submissionCount ?? null,
      isFeePaid: item.isFeePaid ?? null,
      ...(item.certificate === undefined
        ? {}
        : {
            certificate:
              item.certificate === null
                ? null
                : {
                    certificateNo: item.certificate.certificateNo,
                    issuedOn: item.certificate.issuedOn,
                    issuingCommittee: item.certificate.issuingCommittee,
                    qualificationDocumentNo: item.certificate.qualificationDocumentNo ?? null,
                    qualificationDocumentDate: item.certificate.qualificationDocumentDate ?? null,
                    isRevoked: item.certificate.state === 'revoked',
                    revokedReason: item.certificate.revokedReason ?? null,
                  },
          }),
    },
  };
}
