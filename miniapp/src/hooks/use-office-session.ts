import { useSyncExternalStore } from 'react';

import type { StaffPrincipal } from '@titletrack/shared/contract';

import { officeSession, onOfficeSessionChanged } from '../services/office-session';

// The signed-in staff member, or null (never signed in, signed out, or the token was refused).
export function useOfficeStaff(): StaffPrincipal | null {
  const read = (): string | null => officeSession.getToken();
  useSyncExternalStore(onOfficeSessionChanged, read, read);
  const session = officeSession.getSession();
  if (!session || session.principal.kind !== 'staff' || officeSession.isExpired(new Date())) {
    return null;
  }
  return session.principal;
}
