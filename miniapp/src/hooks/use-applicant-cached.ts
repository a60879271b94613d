import { applicantCacheKey } from '../services/screen-cache';
import type { ApplicantScreen } from '../services/screen-cache';
import { session } from '../services/session';
import { useCached } from './use-cached';
import type { CachedState } from './use-cached';
import { useSession } from './use-session';

export interface ApplicantCachedState<T> extends CachedState<T> {
  isSignedIn: boolean;
}

// A screen about the signed-in applicant, cached under their id (so a shared phone never shows
// the previous person's data, and sign-out can drop it all). Nothing loads while signed out, and
// an answer that arrives after its applicant has gone is dropped instead of stored.
export function useApplicantCached<T>(
  screen: ApplicantScreen,
  load: () => Promise<T>,
): ApplicantCachedState<T> {
  const current = useSession();
  const principalId = current?.principal.id ?? null;
  const key = principalId === null ? null : applicantCacheKey(principalId, screen);
  const state = useCached(key, load, [], {
    canKeep: () => principalId !== null && session.getSession()?.principal.id === principalId,
  });
  return { ...state, isSignedIn: current !== null };
}
