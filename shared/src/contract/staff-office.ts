import type { MyApplicationSummary } from './binding';

// What the staff endpoints answer (imports, applications search, reminder delivery log): one
// definition for the server that sends them and the office console that reads them.

// One row the import could not take: `column` is the header as written in the file, so staff
// find the cell; `reason` never quotes the cell (it may be personal data).
export interface ImportRowError {
  rowNumber: number;
  column: string;
  reason: string;
}

// What an IMPORT_ROWS_INVALID refusal carries: the first bad cells (at most
// IMPORT_ERRORS_ANSWERED), how many of each kind (the reason without its parenthesised detail),
// the total, and the id of the report that lists every one (API_ROUTES.staffImportReport).
export interface ImportRowsInvalidDetails {
  errorCount: number;
  errors: ImportRowError[];
  isTruncated: boolean;
  counts: Record<string, number>;
  reportId: string;
}

export const IMPORT_ERRORS_ANSWERED = 1000;

export interface ImportSkippedChange {
  ref: string;
  applicationNo: string;
  reason: string;
  detail: string;
}

export interface ImportResult {
  batchId: string;
  fileName: string;
  format: string;
  encoding: string | null;
  rowCount: number;
  created: number;
  changed: number;
  unchanged: number;
  skipped: ImportSkippedChange[];
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

// How the alerts of one kind fared: planned, in inboxes, read, and each push outcome.
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
    // Null for a message about no application (a notice was published).
    applicationId: string | null;
    kind: string;
    pushState: string;
    pushError: string | null;
    pushAttempts: number;
  }>;
}
