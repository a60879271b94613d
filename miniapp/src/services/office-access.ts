import { STAFF_ROLE } from '@titletrack/shared/contract';
import type { StaffRole } from '@titletrack/shared/contract';

// The console's sections and who sees each. The server enforces the same split (StaffOnly
// roles, OUT_OF_SCOPE); hiding what a role cannot use only spares staff a refusal.
export const OFFICE_SECTION = {
  NOTICES: 'notices',
  CALENDAR: 'calendar',
  IMPORTS: 'imports',
  APPLICATIONS: 'applications',
  REMINDERS: 'reminders',
  CERTIFICATES: 'certificates',
  STAFF: 'staff',
  FEEDBACK: 'feedback',
} as const;
export type OfficeSection = (typeof OFFICE_SECTION)[keyof typeof OFFICE_SECTION];

const ALL_ROLES: readonly StaffRole[] = Object.values(STAFF_ROLE);
const OFFICE_ONLY: readonly StaffRole[] = [STAFF_ROLE.PREFECTURE_OFFICE];

const ROLES_OF_SECTION: Record<OfficeSection, readonly StaffRole[]> = {
  notices: OFFICE_ONLY,
  calendar: ALL_ROLES,
  imports: [STAFF_ROLE.PREFECTURE_OFFICE, STAFF_ROLE.COUNTY_HR_BUREAU],
  applications: ALL_ROLES,
  reminders: ALL_ROLES,
  certificates: OFFICE_ONLY,
  staff: OFFICE_ONLY,
  // 投诉建议 are answered by the prefecture office of the region they are addressed to.
  feedback: OFFICE_ONLY,
};

export const canUseSection = (role: StaffRole, section: OfficeSection): boolean =>
  ROLES_OF_SECTION[section].includes(role);

// In the navigation's order.
export const sectionsFor = (role: StaffRole): OfficeSection[] =>
  Object.values(OFFICE_SECTION).filter((section) => canUseSection(role, section));
