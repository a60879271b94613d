import type { PrincipalKind, StaffRole } from '@titletrack/shared/contract';

export const AUTH_REQUIREMENT = 'titletrack:auth-requirement';

export interface AuthRequirement {
  kind: PrincipalKind;
  roles?: StaffRole[];
}
