import type { MyApplicationSummary } from '@titletrack/shared/contract';

// Answers of the staff endpoints that have no type in the shared contract yet; written from the
// server's services (mirror/import.service.ts, mirror/staff-application.service.ts,
// reminders/staff-reminders.service.ts). They belong in shared/src/contract.

export interface ImportResult {
  batchId: string;
  fileName: string;
  format: string;
  encoding: string | null;
  rowCount: number;
  created: number;
  changed: number;
  unchanged: number;
  skipped: Array<{ ref: string; applicationNo: string; reason: string; detail: string }>;
}

// details of IMPORT_ROWS_INVALID
export interface ImportRowError {
  rowNumber: number;
  column: string;
  reason: string;
}

export interface StaffApplicationSummary extends MyApplicationSummary {
  employer: string | null;
  county: string | null;
  submissionCount: number | null;
  isFeePaid: boolean | null;
}

export interface StaffApplicationPage {
  items: StaffApplicationSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface StaffApplicationDetail {
  application: StaffApplicationSummary;
  history: Array<{
    fromStatus: string | null;
    toStatus: string;
    changedAt: string;
    source: string;
    sourceRef: string;
  }>;
}

export interface AlertKindCounts {
  kind: string;
  planned: number;
  inbox: number;
  read: number;
  pushed: number;
  pending: number;
  noSubscription: number;
  refused: number;
  outcomeUnknown: number;
  failed: number;
  notApplicable: number;
}

export interface StaffApplicationAlerts {
  applicationId: string;
  kinds: AlertKindCounts[];
  alerts: Array<{
    id: string;
    kind: string;
    dedupeKey: string;
    deadline: string | null;
    plannedAt: string;
    messages: Array<{
      id: string;
      applicantId: string;
      pushState: string;
      pushAttempts: number;
      pushError: string | null;
      pushedAt: string | null;
      readAt: string | null;
    }>;
  }>;
}

export interface StaffReminderSummary {
  byState: Record<string, number>;
  needsAttention: Array<{
    id: string;
    applicationId: string;
    kind: string;
    pushState: string;
    pushError: string | null;
    pushAttempts: number;
  }>;
}
