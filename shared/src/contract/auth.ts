// Who can call the API: applicants (signed in with WeChat, or the development login on H5) and
// title-office staff (username and password), each with a session token shared by all
// server instances.
export const PRINCIPAL_KIND = { APPLICANT: 'applicant', STAFF: 'staff' } as const;
export type PrincipalKind = (typeof PRINCIPAL_KIND)[keyof typeof PRINCIPAL_KIND];

export const STAFF_ROLE = {
  PREFECTURE_OFFICE: 'prefecture_office', // 地区职称办
  SERIES_AUTHORITY: 'series_authority', // 行业主管部门
  COUNTY_HR_BUREAU: 'county_hr_bureau', // 县市人社局
} as const;
export type StaffRole = (typeof STAFF_ROLE)[keyof typeof STAFF_ROLE];

export interface WechatLoginRequest {
  // The code from Taro.login / wx.login: single use, valid for five minutes.
  code: string;
}

export interface DevLoginRequest {
  // A made-up identity for H5 demos and tests; refused when the server runs in production.
  devUserId: string;
}

export interface StaffLoginRequest {
  username: string;
  password: string;
}

export interface ApplicantPrincipal {
  kind: typeof PRINCIPAL_KIND.APPLICANT;
  id: string;
}

export interface StaffPrincipal {
  kind: typeof PRINCIPAL_KIND.STAFF;
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  // The scope the account acts in: its prefecture (GB/T 2260), and for a county HR bureau its
  // county, for a series authority its series.
  regionCode: string;
  county: string | null;
  series: string | null;
}

export type Principal = ApplicantPrincipal | StaffPrincipal;

export interface SessionResponse {
  token: string;
  expiresAt: string;
  principal: Principal;
}

export interface MeResponse {
  principal: Principal;
}

export interface CreateStaffUserRequest {
  username: string;
  displayName: string;
  role: StaffRole;
  // At least 12 characters; stored only as a bcrypt hash.
  password: string;
  // Defaults to the creating account's region; county for county HR bureaus, series for series
  // authorities (required for those roles).
  regionCode?: string;
  county?: string | null;
  series?: string | null;
}

export interface StaffUserResponse {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  isActive: boolean;
  regionCode: string;
  county: string | null;
  series: string | null;
}

export interface StaffUserListResponse {
  items: StaffUserResponse[];
}
