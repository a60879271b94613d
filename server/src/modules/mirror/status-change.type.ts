import type { ApplicationStatus, EmployerKind } from '@titletrack/shared/domain';

import type { SealedValue } from '../../common/crypto/field-cipher';

// What every source (export file, webhook event, poll answer) turns into before it touches the
// mirror: one path for every status change.
export interface MirroredApplication {
  applicationNo: string;
  applicantName: string;
  idCardNumber: string; // normalized (18 characters, upper-case X); encrypted before storage
  // Already encrypted off the main thread (imports), so applying does not encrypt it again.
  sealedIdCard?: SealedValue;
  employer: string | null;
  county: string | null;
  series: string;
  specialty: string;
  level: string;
  route: string;
  year: number;
  // The prefecture the application belongs to (GB/T 2260); every source names it (an import
  // row or the importer, a payload or PLATFORM_REGION_CODE). Absent only where a caller builds
  // the change by hand: the seed notice's region.
  regionCode?: string;
  status: ApplicationStatus;
  statusChangedAt: Date;
  submissionCount: number | null;
  isFeePaid: boolean | null;
  // The e-certificate, once the platform issued it (absent: the source said nothing of it).
  certificate?: MirroredCertificate | null;
  // The platform's 退回意见 (absent or null: the source gave none).
  returnReason?: string | null;
  // Facts the platform stated (absent: none); stored with source 'platform'.
  platformFacts?: PlatformFactValues;
}

// The facts an export row, a webhook or a poll item may state; a fact it does not state is
// absent, never false.
export interface PlatformFactValues {
  employerKind?: EmployerKind;
  isFirstApplication?: boolean;
  defenceScheduledAt?: string; // ISO instant
}

// A certificate as the platform issues it; holder, series, specialty and level are the
// application's.
export interface MirroredCertificate {
  certificateNo: string;
  issuedOn: string; // YYYY-MM-DD (Beijing)
  issuingCommittee: string;
  qualificationDocumentNo: string | null; // 任职资格文件文号
  qualificationDocumentDate: string | null; // YYYY-MM-DD
  isRevoked: boolean;
  revokedReason: string | null;
}

export const CHANGE_SOURCE = {
  IMPORT: 'import',
  WEBHOOK: 'webhook',
  POLL: 'poll',
  STAFF: 'staff',
} as const;
export type ChangeSource = (typeof CHANGE_SOURCE)[keyof typeof CHANGE_SOURCE];

export interface StatusChange {
  // Where in the source: "row 12", "event evt_123".
  ref: string;
  application: MirroredApplication;
}

export const SKIP_REASON = {
  STALE: 'stale',
  FORBIDDEN_TRANSITION: 'forbidden_transition',
} as const;
export type SkipReason = (typeof SKIP_REASON)[keyof typeof SKIP_REASON];

export interface SkippedChange {
  ref: string;
  applicationNo: string;
  reason: SkipReason;
  detail: string;
}

export interface ApplyOutcome {
  created: number;
  changed: number;
  unchanged: number;
  skipped: SkippedChange[];
}
