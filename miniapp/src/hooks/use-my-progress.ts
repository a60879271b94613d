import { getMyProgress } from '../services/progress';
import type { MyProgress } from '../services/progress';
import { useCached } from './use-cached';
import type { CachedState } from './use-cached';
import { useSession } from './use-session';

// Every bound application with its history, cached per applicant (a shared phone must never show
// the previous person's data).
export function useMyProgress(): CachedState<MyProgress> & { isSignedIn: boolean } {
  const current = useSession();
  const key = current ? `me.${current.principal.id}.progress` : null;
  return { ...useCached(key, getMyProgress, []), isSignedIn: current !== null };
}
