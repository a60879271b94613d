// Binding: an applicant links the mirrored application(s) that are theirs by proving they know
// the name, the ID-card number and the platform's application number on it.
export interface BindApplicationRequest {
  name: string;
  idCardNumber: string;
  applicationNo: string;
}

export interface MyApplicationSummary {
  id: string;
  applicationNo: string;
  applicantName: string;
  // Always masked: 650102********1234.
  idCardNumberMasked: string;
  // GB/T 2260 code of the application's prefecture.
  regionCode: string;
  year: number;
  route: string;
  level: string;
  series: string;
  specialty: string;
  status: string;
  statusChangedAt: string;
  // The platform's 退回意见 while the application is returned; else null.
  returnReason: string | null;
}

export interface MyApplicationListResponse {
  items: MyApplicationSummary[];
}

export interface RateLimitedDetails {
  retryAfterSeconds: number;
}
