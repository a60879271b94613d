import { useSyncExternalStore } from 'react';

import type { StaffPrincipal } from '@titletrack/shared/contract';

import { officeSession, onOfficeSessionChanged } from '../services/office-session';

// The signed-in staff member, or null (never signed in, signed out, or the token was refused).
export function useOfficeStaff(): StaffPrincipal | null {
  // A string, so the snapshot compares equal while nothing changed (on H5 there is no token).
  const read = (): string | null => {
    const stored = officeSession.getSession();
    return stored ? `${stored.principal.id}@${stored.expiresAt}` : null;
  };
  useSyncExternalStore(onOfficeSessionChanged, read, read);
  const session = officeSession.getSession();
  if (!session || session.principal.kind !== 'staff' || officeSession.isExpired(new Date())) {
    return null;
  }
  return session.principal;
}
