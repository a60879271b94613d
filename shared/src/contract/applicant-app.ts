import type { Application } from '../domain/application.type';
import type { SessionResponse } from './auth';

// What the applicant's mini-app needs beyond the mirror summary: the progress of one bound
// application in the shape the shared rules read, demo sign-in outside production, and the
// calendar files for "add to my phone's calendar".

// The demo applicants seeded outside production, one in each main state.
export const DEMO_PERSONA = {
  DRAFTING: 'drafting',
  RETURNED: 'returned',
  AWAITING_FEE: 'awaiting_fee',
  PASSED: 'passed',
  CERTIFICATE_ISSUED: 'certificate_issued',
} as const;
export type DemoPersona = (typeof DEMO_PERSONA)[keyof typeof DEMO_PERSONA];

export interface DemoLoginRequest {
  persona: DemoPersona;
}

export interface DemoLoginResponse extends SessionResponse {
  // The bound demo application.
  applicationId: string;
  // A moment of the application year at which this persona's screens make sense (ISO, UTC); the
  // mini-app runs its demo clock from it, as it does for `?now=`.
  demoNow: string;
}

export interface StatusHistoryItem {
  status: string;
  changedAt: string;
}

export interface ApplicationProgressResponse {
  // The mirrored facts as the shared rules read them (nextActions, defenceRequirement, fee…);
  // facts the mirror does not carry are null / false.
  application: Application;
  applicationNo: string;
  applicantName: string;
  // Oldest first.
  history: StatusHistoryItem[];
  // The platform's 退回意见 while the application is returned; null otherwise or when it gave none.
  returnReason: string | null;
  // A seeded demo application, never a real person's.
  isDemo: boolean;
}

export interface MyCalendarQuery {
  // Outside production only: compute "my deadlines" as at this moment (the demo clock).
  now?: string;
}
