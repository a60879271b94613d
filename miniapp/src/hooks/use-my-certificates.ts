import type { MyCertificateListResponse } from '@titletrack/shared/contract';

import { getMyCertificates } from '../services/certificates';
import { useCached } from './use-cached';
import { useSession } from './use-session';

// The signed-in holder's certificates, kept for offline viewing: showing one at an HR desk must
// work in a basement with no signal.
export function useMyCertificates() {
  const signedIn = useSession();
  const key = signedIn ? `certificates:${signedIn.principal.id}` : null;
  const state = useCached<MyCertificateListResponse>(key, getMyCertificates, []);
  return { ...state, isSignedIn: signedIn !== null };
}
