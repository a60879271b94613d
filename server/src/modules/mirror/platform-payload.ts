import {
  KNOWN_PLATFORM_STATUS_LABELS,
  checkIdCardNumber,
  checkPersonName,
  resolveMirrorYear,
} from '@titletrack/shared/domain';
import type { MirrorYearNotice } from '@titletrack/shared/domain';
import { findRegion } from '@titletrack/shared/region';

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

// What a payload without a region or a year is completed from.
export interface PayloadContext {
  defaultRegionCode: string;
  notices: readonly MirrorYearNotice[];
}

// The year a payload names, else the one its notice window gives; a problem when neither does.
function yearOf(
  item: { year?: number; statusChangedAt: string },
  regionCode: string,
  route: string,
  context: PayloadContext | undefined,
): { year: number } | { problem: string } {
  if (item.year !== undefined) return { year: item.year };
  if (!context) return { problem: 'data.year: required' };
  const decision = resolveMirrorYear(
    { at: item.statusChangedAt, regionCode, route: route as 'prefecture_directed' | 'region' },
    context.notices,
  );
  switch (decision.kind) {
    case 'year':
      return { year: decision.year };
    case 'ambiguous':
      return {
        problem: `data.year: missing, and notices of ${decision.options.map((o) => o.year).join(', ')} all hold statusChangedAt in their application window`,
      };
    case 'none':
      return {
        problem:
          'data.year: missing, and no published notice holds statusChangedAt in its application window',
      };
  }
}

// An application as the platform sends it (webhook event data, poll item data) → the mirror's
// shape. Problems name fields, never values: the values are personal data.
export function toMirroredApplication(
  data: unknown,
  now: Date = new Date(),
  context?: PayloadContext,
): PayloadCheck {
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
  // The same rule as an export's 姓名: invisible characters removed, formula triggers refused.
  const name = checkPersonName(item.applicantName);
  const status = parseStatus(item.status);
  const level = parseTitleLevel(item.level);
  const series = parseTitleSeries(item.series);
  const route = parseRoute(item.route);
  const regionCode = item.regionCode ?? context?.defaultRegionCode;
  const isRegionKnown = regionCode === undefined || findRegion(regionCode) !== null;
  const year =
    route && regionCode !== undefined
      ? yearOf(item, regionCode, route, context)
      : item.year !== undefined
        ? { year: item.year }
        : { problem: 'data.year: required' };
  if (
    !idCard.isValid ||
    !name.isValid ||
    !status ||
    !level ||
    !series ||
    !route ||
    !isRegionKnown ||
    'problem' in year
  ) {
    return {
      isValid: false,
      problems: [
        ...(idCard.isValid ? [] : [`data.idCardNumber: ${idCard.reason}`]),
        ...(name.isValid ? [] : [`data.applicantName: ${name.reason}`]),
        ...(status
          ? []
          : [`data.status: unknown status (known: ${KNOWN_PLATFORM_STATUS_LABELS.join(', ')})`]),
        ...(level ? [] : ['data.level: unknown level']),
        ...(series ? [] : ['data.series: unknown series']),
        ...(route ? [] : ['data.route: unknown route']),
        ...(isRegionKnown ? [] : ['data.regionCode: unknown region']),
        ...('problem' in year && route ? [year.problem] : []),
      ],
    };
  }
  return {
    isValid: true,
    application: {
      applicationNo: item.applicationNo,
      applicantName: name.name,
      idCardNumber: idCard.normalized,
      employer: item.employer ?? null,
      county: item.county ?? null,
      series,
      specialty: item.specialty,
      level,
      route,
      year: year.year,
      ...(regionCode === undefined ? {} : { regionCode }),
      status,
      statusChangedAt: new Date(item.statusChangedAt),
      submissionCount: item.submissionCount ?? null,
      isFeePaid: item.isFeePaid ?? null,
      returnReason: item.returnReason?.trim() || null,
      platformFacts: {
        ...(item.employerKind == null ? {} : { employerKind: item.employerKind }),
        ...(item.isFirstApplication == null ? {} : { isFirstApplication: item.isFirstApplication }),
        ...(item.defenceScheduledAt == null
          ? {}
          : { defenceScheduledAt: new Date(item.defenceScheduledAt).toISOString() }),
      },
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
